// Categories and tags: list, create, delete (delete always goes through a confirmation).
import { labelName } from "../refs";
import type { Interpretation } from "../types";
import type { Rule } from "./rule";

const NAMED_COLORS: Record<string, string> = {
  red: "#EF4444", orange: "#F97316", yellow: "#EAB308", green: "#22C55E", teal: "#14B8A6",
  blue: "#3B82F6", purple: "#8B5CF6", violet: "#8B5CF6", pink: "#EC4899", gray: "#64748B", grey: "#64748B",
};

const COLOR_SUFFIX = /\s+(?:with\s+(?:the\s+)?colou?r|colou?red|in)\s+(#[0-9a-f]{6}|[a-z]+)$/i;

function splitColor(text: string): { name: string; color?: string } {
  const m = COLOR_SUFFIX.exec(text);
  if (!m) return { name: text };
  const word = m[1]!.toLowerCase();
  const color = word.startsWith("#") ? word.toUpperCase() : NAMED_COLORS[word];
  return color ? { name: text.slice(0, m.index), color } : { name: text };
}

type Kind = "category" | "tag";
const KIND = String.raw`(category|categories|tag|tags|label|labels|list|lists|project|projects)`;
const kindOf = (word: string): Kind => (/^(?:tag|label)/i.test(word) ? "tag" : "category");

const LIST_RE = new RegExp(
  String.raw`^(?:(?:list|show|see|view|get|display|give)(?:\s+me)?|what|which)\b(?:\s+(?:are|is|do i have|all|of|my|the|existing|current))*\s+${KIND}(?:\s+(?:do\s+i\s+have|are\s+there|exist|i\s+have))?$`,
  "i",
);
const LIST_BARE_RE = new RegExp(String.raw`^(?:my\s+|all\s+)?${KIND}$`, "i");

const COLOR_WORD = String.raw`(red|orange|yellow|green|teal|blue|purple|violet|pink|gray|grey)`;
const CREATE_RE = new RegExp(
  String.raw`^(?:create|add|make|new|set up)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:${COLOR_WORD}\s+)?(category|tag|label|project)\s*:?\s+(?:called\s+|named\s+|for\s+)?(.+)$`,
  "i",
);
const CREATE_SUFFIX_RE = /^(?:create|add|make|new)\s+(?:a\s+|an\s+)?(?:new\s+)?(.+?)\s+(category|tag|label|project)(\s+(?:with\s+(?:the\s+)?colou?r|colou?red|in)\s+\S+)?$/i;

const DELETE_RE = /^(?:delete|remove|get rid of|drop|erase)\s+(?:the\s+)?(category|tag|label|project)\s+(?:called\s+|named\s+)?(.+)$/i;
const DELETE_SUFFIX_RE = /^(?:delete|remove|get rid of|drop|erase)\s+(?:the\s+|my\s+)?(.+?)\s+(category|tag|label|project)$/i;

function create(kind: Kind, rawName: string): Interpretation {
  const { name, color } = splitColor(rawName.trim());
  const args = { name: labelName(name), ...(color ? { color } : {}) };
  return { kind: "calls", calls: [{ tool: kind === "tag" ? "add_tag" : "add_category", args }] };
}

function remove(kind: Kind, name: string): Interpretation {
  return kind === "tag"
    ? { kind: "confirm", calls: [{ tool: "delete_tag", args: {}, refs: { tag_id: labelName(name) } }] }
    : { kind: "confirm", calls: [{ tool: "delete_category", args: {}, refs: { category_id: labelName(name) } }] };
}

export const taxonomyRules: Rule[] = [
  (text) => {
    const m = LIST_RE.exec(text) ?? LIST_BARE_RE.exec(text);
    if (!m) return undefined;
    return { kind: "calls", calls: [{ tool: kindOf(m[1]!) === "tag" ? "list_tags" : "list_categories", args: {} }] };
  },
  (text) => {
    const m = CREATE_RE.exec(text);
    return m ? create(kindOf(m[2]!), m[1] ? `${m[3]!} in ${m[1]}` : m[3]!) : undefined;
  },
  (text) => {
    const m = CREATE_SUFFIX_RE.exec(text);
    // "add call the plumber to the Home category" is a task going into a category, not a new category.
    if (m && /\b(?:to|in|into|under|for|tomorrow|today)\b|\s\S+\s\S+\s\S+\s/i.test(m[1]!)) return undefined;
    return m ? create(kindOf(m[2]!), m[1]! + (m[3] ?? "")) : undefined;
  },
  (text) => {
    const m = DELETE_RE.exec(text);
    return m ? remove(kindOf(m[1]!), m[2]!) : undefined;
  },
  (text) => {
    const m = DELETE_SUFFIX_RE.exec(text);
    // "remove dry cleaning from the home category" takes a task out of the category; it does not delete it.
    if (m && /\s(?:from|out of|off)\s/i.test(` ${m[1]!} `)) return undefined;
    return m ? remove(kindOf(m[2]!), m[1]!) : undefined;
  },
];
