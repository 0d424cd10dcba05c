// Small extractors for the pieces of an utterance that several intents share.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { parseQuickAdd } from "@/lib/quick-add";
import type { Priority } from "@/lib/quick-add";

/** Wording people use for priorities, most specific first. */
const PRIORITY_PHRASES: [RegExp, Priority][] = [
  // ", not important", "not urgent at all": importance denied is low.
  [/\bnot\s+(?:very\s+|really\s+|that\s+)?(?:important|urgent)(?:\s+at\s+all)?\b/i, "low"],
  // "priority 1" … "priority 4": Todoist's p1–p4 said in words.
  // "any p1s?": a mark in the plural names the tasks that have it.
  [/\b(?:top|highest|critical|urgent|p1)[\s-]*(?:priority|prio|pri)?\b|\b(?:asap|urgently)\b|\bpriority\s*(?:1|one)\b|\bp1s\b|\bpriority\s+(?:urgent|top|critical)\b/i, "urgent"],
  [/\b(?:high|important)[\s-]*(?:priority|prio|pri)?\b|\bp2s?\b|\bpriority\s*(?:2|two)\b|\bpriority\s+high\b/i, "high"],
  // "back to regular priority": the priority a task has unless told otherwise.
  [/\b(?:medium|normal|med|mid|regular|standard|default|usual)[\s-]*(?:priority|prio|pri)\b|\bp3s?\b|\bpriority\s*(?:3|three)\b|\bpriority\s+(?:medium|normal)\b/i, "medium"],
  [/\blow[\s-]*(?:priority|prio|pri)\b|\bunimportant\b|\bp4s?\b|\bpriority\s*(?:4|four)\b|\bpriority\s+low\b/i, "low"],
];

/** Finds the first priority phrase and returns the text without it. */
export function takePriority(text: string): { priority?: Priority; rest: string } {
  for (const [re, priority] of PRIORITY_PHRASES) {
    const m = re.exec(text);
    // TickTick's "!high": the mark goes with the word.
    const start = m && text[m.index - 1] === "!" ? m.index - 1 : m?.index;
    if (m) return { priority, rest: squash(text.slice(0, start) + " " + text.slice(m.index + m[0].length)) };
  }
  return { rest: text };
}

/** All priorities named in a query ("urgent and high tasks"). */
export function prioritiesIn(text: string): Priority[] {
  const found: Priority[] = [];
  let rest = text;
  for (;;) {
    const { priority, rest: next } = takePriority(rest);
    if (!priority) break;
    if (!found.includes(priority)) found.push(priority);
    rest = next;
  }
  return found;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, "forty-five": 45, fortnight: 14, few: 3, couple: 2,
};

export function numberFrom(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(?:m|mins?|minutes?)$/i, 1],
  [/^(?:h|hrs?|hours?)$/i, 60],
  [/^(?:d|days?)$/i, 1440],
  [/^(?:w|wks?|weeks?)$/i, 10080],
];

/** "30 minutes", "an hour", "2h", "half an hour" → minutes. */
export const DURATION = String.raw`(half an hour|\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-five)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)?`;
export function durationMinutes(count: string, unit: string | undefined): number | undefined {
  if (/^half an hour$/i.test(count)) return 30;
  const n = numberFrom(count);
  const per = unit ? UNIT_MINUTES.find(([re]) => re.test(unit))?.[1] : undefined;
  return n === undefined || per === undefined ? undefined : n * per;
}

/** "2026-03-13" for an all-day date, "2026-03-13T17:00" for a time, both read in the user's zone. */
export function localIso(at: Date, allDay: boolean, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), allDay ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm");
}

/** A phrase that is only a date ("tomorrow", "Friday 5pm", "next week"), as a local ISO string. */
export function dateOnly(text: string, ctx: { now: Date; timeZone: string }): string | undefined {
  const phrase = text.replace(/^(?:to|for|until|till|on|by|at)\s+/i, "").replace(/^the\s+(?=end\s+of\b)/i, "").replace(/^next week$/i, "next monday");
  const parsed = parseQuickAdd(phrase, { now: ctx.now, timeZone: ctx.timeZone });
  if (!parsed.dueAt || parsed.title.trim() || parsed.recurrenceRule) return undefined;
  return localIso(parsed.dueAt, parsed.allDay ?? false, ctx.timeZone);
}

export const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The words of a new due date ("to friday at 3pm" → "friday at 3pm"), kept as words so the tool can
 * read a lone time against the task's day; undefined when they are not only a date. A bare hour
 * ("make it 6") becomes a clock time without am/pm ("6:00").
 */
export function duePhrase(text: string, ctx: { now: Date; timeZone: string }): string | undefined {
  let phrase = text
    .trim()
    .replace(/^due\s+/i, "")
    .replace(/^(?:to|for|until|till|on|by|at|off until|back to)\s+/i, "")
    // "to the same time on friday": a new day, the time as it is.
    .replace(/^(?:at\s+)?(?:the\s+)?same\s+time\s+(?:on\s+)?/i, "")
    .replace(/^the\s+(?=end\s+of\b)/i, "")
    .replace(/\s+instead$/i, "")
    // "to the 25th same time": the new day, the time as it is.
    .replace(/,?\s+(?:at\s+)?(?:the\s+)?same\s+time$/i, "")
    .replace(/^next week$/i, "next monday");
  // "make it the day before": a day counted from the task's own date (the tool shifts it), not from today.
  const next = /^(?:the\s+)?day\s+(before|after)$/i.exec(phrase);
  if (next) return /before/i.test(next[1]!) ? "-1 day" : "+1 day";
  const hour = /^(?:at\s+)?(\d{1,2})$/.exec(phrase);
  if (hour) {
    // Kept without am/pm ("8:00"): the reader picks the half of the day (1-7 the afternoon, or for a
    // timed task the one nearer its time).
    const n = Number(hour[1]);
    if (n < 1 || n > 12) return undefined;
    phrase = `${n}:00`;
  }
  return dateOnly(phrase, ctx) ? phrase : undefined;
}

/** Every way to cut `text` in two at a separator word, the longest left part first. */
export function cutsAt(text: string, separators: string): [string, string][] {
  const re = new RegExp(String.raw`\s+(?:${separators})\s+`, "gi");
  const cuts: [string, string][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    re.lastIndex = m.index + 1;
    cuts.push([text.slice(0, m.index), text.slice(m.index + m[0].length)]);
  }
  return cuts.reverse().filter(([left, right]) => left.trim() && right.trim());
}
