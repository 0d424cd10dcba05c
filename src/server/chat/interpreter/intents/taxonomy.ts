// Categories and tags: list, create, rename, delete (delete always goes through a confirmation).
import { labelName } from "../refs";
import type { InterpretContext, Interpretation, PlannedCall } from "../types";
import { addRules } from "./add";
import { editRules } from "./edits";
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
// "start a new list called garden projects", "open a project named renovation": a list is a category; the name follows
// "called"/"named" (not "make a list of …").
const CREATE_NAMED_RE = new RegExp(
  String.raw`^(?:create|add|make|new|set up|start|open|begin|set)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:${COLOR_WORD}\s+)?(category|tag|label|project|list)\s*(?::|\s(?:called|named))\s*(.+)$`,
  "i",
);
const CREATE_SUFFIX_RE = /^(?:create|add|make|new)\s+(?:a\s+|an\s+)?(?:new\s+)?(.+?)\s+(category|tag|label|project)(\s+(?:with\s+(?:the\s+)?colou?r|colou?red|in)\s+\S+)?$/i;

const DELETE_RE = /^(?:delete|remove|get rid of|drop|erase)\s+(?:the\s+)?(category|tag|label|project)\s+(?:called\s+|named\s+)?(.+)$/i;
const DELETE_SUFFIX_RE = /^(?:delete|remove|get rid of|drop|erase)\s+(?:the\s+|my\s+)?(.+?)\s+(category|tag|label|project)$/i;

// "the work list": a list is a category, as in "add X to my home list".
const LABEL_KIND = String.raw`(category|tag|label|project|list)`;
/** "errands", "the errands", "my work": a label's name is a word or two, never a phrase with a preposition in it. */
// Not a little word, nor a possessive ("change dry cleaning's category to home" moves a task).
const NAME_WORD = String.raw`(?!(?:to|as|into|of|about|for|with|at|in|on|from|and|the|my|its|it|this|that|their|tomorrow|today|tonight)\b|\S*'s\b)\S+`;
const SHORT_NAME = String.raw`(${NAME_WORD}(?:\s+${NAME_WORD})?)`;
// "rename the errands tag to shopping", "rename tag errands to shopping", "rename category errands as chores"
const RENAME_RE = new RegExp(
  // "change the name of my work category to job": the name said before the label.
  String.raw`^(?:rename|relabel|re-name|change|update|edit|switch)\s+(?:the\s+name\s+of\s+)?(?:the\s+|my\s+)?(?:${LABEL_KIND}\s+(?:called\s+|named\s+)?${SHORT_NAME}|${SHORT_NAME}\s+${LABEL_KIND})(?:'s\s+name)?\s+(?:to|as|into)\s+(?:be\s+)?(.+)$`,
  "i",
);
// "call the home category house", "name my work tag office", "the home category should be called house"
const CALL_RE = new RegExp(String.raw`^(?:let's\s+|let us\s+)?(?:call|name)\s+(?:the\s+|my\s+)${SHORT_NAME}\s+${LABEL_KIND}\s+(.+)$`, "i");
const SHOULD_BE_CALLED_RE = new RegExp(
  // "health tag should be wellness from now on": the label's new name, said as what it should be.
  String.raw`^(?:the\s+|my\s+)?${SHORT_NAME}\s+${LABEL_KIND}\s+should\s+(?:be\s+(?:called|named|renamed(?:\s+to)?)|be|become)\s+(.+)$`,
  "i",
);
// "i want the errands tag renamed to outings": the new name said as a wish ("renamed" reads as "rename" here).
const WANT_RENAMED_RE = new RegExp(
  String.raw`^(?:i\s+(?:want|would like|need)\s+|(?:let us|let's)\s+(?:have\s+)?)?(?:the\s+|my\s+)?${SHORT_NAME}\s+${LABEL_KIND}\s+(?:renamed?|changed|called)\s+(?:to|as)\s+(.+)$`,
  "i",
);
// "can the errands label be called shopping instead", "could my home list be renamed personal"
const CAN_BE_CALLED_RE = new RegExp(
  String.raw`^(?:can|could)\s+(?:we\s+|you\s+|i\s+)?(?:make\s+|have\s+)?(?:the\s+|my\s+)${SHORT_NAME}\s+${LABEL_KIND}\s+be\s+(?:called|named|renamed(?:\s+to)?)\s+(.+)$`,
  "i",
);

/** The first reading the given rules make of the same words, offered after the label reading. */
function otherReadings(text: string, ctx: InterpretContext, rules: Rule[]): PlannedCall[][] {
  for (const rule of rules) {
    const other = rule(text, ctx);
    if (other?.kind === "calls") return [other.calls, ...(other.alternatives ?? [])];
  }
  return [];
}

/**
 * Renames (and may recolour) the label. The same words can name a task ("rename the price tag to sticker"
 * when "price tag" is a task), so the task readings stay as alternatives: the engine keeps the first whose
 * names exist, and the label reading comes first.
 */
function rename(kind: Kind, oldName: string, rawNewName: string, others: PlannedCall[][]): Interpretation {
  // "call the work list Office instead": the old name is said only to be replaced.
  const { name, color } = splitColor(rawNewName.trim().replace(/\s+(?:instead|from now on|going forward|now)$/i, ""));
  const args = { name: labelName(name), ...(color ? { color } : {}) };
  const call: PlannedCall =
    kind === "tag" ? { tool: "rename_tag", args, refs: { tag_id: labelName(oldName) } } : { tool: "rename_category", args, refs: { category_id: labelName(oldName) } };
  return others.length ? { kind: "calls", calls: [call], alternatives: others } : { kind: "calls", calls: [call] };
}

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
  // "rename Work → Office": a label named alone — the category of that name, else the tag, else a task so called.
  (text, ctx) => {
    const m = /^(?:rename|relabel)\s+([\p{L}\p{N}_-]+)\s*(?:→|->|=>|\s+to\s+|\s+as\s+)\s*([\p{L}\p{N}_][\p{L}\p{N}_ -]*)$/iu.exec(text);
    if (!m) return undefined;
    const asTag = rename("tag", m[1]!, m[2]!, []);
    const others = otherReadings(text, ctx, editRules);
    return rename("category", m[1]!, m[2]!, [...(asTag.kind === "calls" ? [asTag.calls] : []), ...others]);
  },
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
    const m = CREATE_NAMED_RE.exec(text);
    return m ? create(kindOf(m[2]!), m[1] ? `${m[3]!} in ${m[1]}` : m[3]!) : undefined;
  },
  (text) => {
    const m = CREATE_SUFFIX_RE.exec(text);
    // "add call the plumber to the Home category" is a task going into a category, not a new category.
    if (m && /\b(?:to|in|into|under|for|tomorrow|today)\b|\s\S+\s\S+\s\S+\s|,/i.test(m[1]!)) return undefined;
    return m ? create(kindOf(m[2]!), m[1]! + (m[3] ?? "")) : undefined;
  },
  (text, ctx) => {
    const m = RENAME_RE.exec(text);
    return m ? rename(kindOf(m[1] ?? m[4]!), m[2] ?? m[3]!, m[5]!, otherReadings(text, ctx, editRules)) : undefined;
  },
  (text, ctx) => {
    const m = CALL_RE.exec(text) ?? SHOULD_BE_CALLED_RE.exec(text) ?? CAN_BE_CALLED_RE.exec(text) ?? WANT_RENAMED_RE.exec(text);
    // "call the plumber about the garden project" is a task to add; that reading stays as the alternative.
    return m ? rename(kindOf(m[2]!), m[1]!, m[3]!, otherReadings(text, ctx, [...editRules, ...addRules])) : undefined;
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
