// #tags, @category and priority markers: simple sigil tokens that must start a word.
import type { Priority, QuickAddLabel, Span } from "./types";

export type LabelMatch = Span & { name: string };
export type PriorityMatch = Span & { priority: Priority };

// Letters, digits, "-" and "_". A tag needs at least one letter so "#123" (an issue
// number) stays in the title.
const TAG_RE = /(^|\s)#([\p{L}\p{N}_-]*\p{L}[\p{L}\p{N}_-]*)(?=$|[\s,.;:!?)])/gu;
// Must follow whitespace so e-mail addresses ("me@home.com") are left alone.
const CATEGORY_RE = /(^|\s)@([\p{L}\p{N}_-]+)(?=$|[\s,.;:!?)])/gu;
const PRIORITY_RE = /(^|\s)(!(?:urgent|high|medium|med|low|[1-4])|p[1-4])(?=$|[\s,.;:)])/giu;

const PRIORITY_WORDS: Record<string, Priority> = {
  urgent: "urgent",
  high: "high",
  medium: "medium",
  med: "medium",
  low: "low",
  p1: "urgent",
  p2: "high",
  p3: "medium",
  p4: "low",
  "1": "urgent",
  "2": "high",
  "3": "medium",
  "4": "low",
};

/** "!high" → "high", "p1" → "urgent", "!4" → "low", "Medium" → "medium"; anything else → undefined. */
export function priorityFromToken(token: string): Priority | undefined {
  const word = token.trim().toLowerCase().replace(/^!/, "");
  if (/^[1-4]$/.test(word) && !token.trim().startsWith("!")) return undefined; // bare digits are not priorities
  return Object.hasOwn(PRIORITY_WORDS, word) ? PRIORITY_WORDS[word] : undefined;
}

function sigilMatches(text: string, re: RegExp): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (const m of text.matchAll(re)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    out.push({ start, end: start + 1 + (m[2]?.length ?? 0), name: m[2] ?? "" });
  }
  return out;
}

export const findTags = (text: string): LabelMatch[] => sigilMatches(text, TAG_RE);
export const findCategories = (text: string): LabelMatch[] => sigilMatches(text, CATEGORY_RE);

export function findPriorities(text: string): PriorityMatch[] {
  const out: PriorityMatch[] = [];
  for (const m of text.matchAll(PRIORITY_RE)) {
    const token = m[2] ?? "";
    const priority = priorityFromToken(token);
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    if (priority) out.push({ start, end: start + token.length, priority });
  }
  return out;
}

/** Case-insensitive match against existing labels; an unknown name is marked new. */
export function resolveLabel(name: string, known: { id: string; name: string }[] | undefined): QuickAddLabel {
  const hit = known?.find((k) => k.name.toLowerCase() === name.toLowerCase());
  return hit ? { name: hit.name, id: hit.id, isNew: false } : { name, isNew: true };
}
