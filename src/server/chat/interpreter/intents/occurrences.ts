// One occurrence of a repeating task: "skip next monday's standup", "move monday's standup to tuesday".
// Which occurrence is said as a date (possessive or "on …"); the tools find it and keep the rule.
import { taskPhrase } from "../refs";
import { PERIOD_WORDS } from "@/lib/quick-add";
import { duePhrase } from "../slots";
import type { Interpretation, PlannedCall } from "../types";
import type { Rule } from "./rule";

type Ctx = { now: Date; timeZone: string };

const PERIOD = new RegExp(String.raw`^${PERIOD_WORDS}$`, "i");
const LEADING_PERIOD = new RegExp(String.raw`^(?:the\s+)?(${PERIOD_WORDS})\s+(.+)$`, "i");

/** Words naming which occurrence: a date ("next monday", "the 16th") or a week or month ("next week", "april"). */
function when(words: string, ctx: Ctx): string | undefined {
  const w = words.trim().replace(/'s?$/i, "");
  return PERIOD.test(w) ? w : duePhrase(w, ctx);
}

/**
 * The occurrence and the task in either order: "next monday's standup", "the april rent", "the standup on
 * monday", "rent for april", "standup next week".
 */
function occurrence(said: string, ctx: Ctx): { date: string; task: string } | undefined {
  // "only the next standup", "just monday's standup": one occurrence is what these rules are for anyway.
  const words = said.replace(/^(?:just|only)\s+/i, "").replace(/\s+(?:only|just|this once)$/i, "");
  // "skip the standup once", "just this time": the open occurrence.
  const once = /\s+(?:once|just once|this time|the once)$/i.exec(words);
  if (once) return { date: "next", task: words.slice(0, once.index) };
  const found = occurrenceSaid(words, ctx) ?? upcoming(words);
  // "this week's standup" after this week's one has passed is the coming one, which is the open one.
  return found && /^this\s+week'?s?$/i.test(found.date) ? { ...found, date: "next" } : found;
}

/** "the next standup", "the upcoming rent payment": the open occurrence. */
function upcoming(words: string): { date: string; task: string } | undefined {
  const m = /^(?:the\s+)?(?:next|upcoming|coming)\s+(?:one\s+of\s+(?:the\s+)?|occurrence\s+of\s+(?:the\s+)?)?(.+?)(?:\s+(?:occurrence|one|session|class|meeting))?$/i.exec(words);
  return m ? { date: "next", task: m[1]! } : undefined;
}

/** A period inside the task's words: "pay april rent" is april's "pay rent". */
const INNER_PERIOD = new RegExp(String.raw`^(.+?)\s+(${PERIOD_WORDS})(?:'s)?\s+(.+)$`, "i");

function occurrenceSaid(words: string, ctx: Ctx): { date: string; task: string } | undefined {
  const possessive = /^(?:the\s+)?(.+?)'s?\s+(.+)$/i.exec(words);
  const date = possessive ? when(possessive[1]!, ctx) : undefined;
  if (possessive && date) return { date, task: possessive[2]! };
  const leading = LEADING_PERIOD.exec(words);
  if (leading) return { date: leading[1]!, task: leading[2]! };
  const on = /^(.+?)\s+(?:on|for|in|during)\s+(.+)$/i.exec(words);
  const onDate = on ? when(on[2]!, ctx) : undefined;
  if (on && onDate) return { date: onDate, task: on[1]! };
  // "standup next week", "standup next monday": the date last, without a preposition.
  const parts = words.split(/\s+/);
  for (let cut = 1; cut < parts.length; cut += 1) {
    const tail = when(parts.slice(cut).join(" "), ctx);
    if (tail) return { date: tail, task: parts.slice(0, cut).join(" ") };
  }
  return undefined;
}

const call = (tool: PlannedCall["tool"], task: string, args: PlannedCall["args"]): Interpretation => ({
  kind: "calls",
  calls: [{ tool, args, refs: { task_id: taskPhrase(task) } }],
});

export const occurrenceRules: Rule[] = [
  // "this coming monday the standup starts at 10:15", "on the 16th standup is at 11": that day's occurrence, at a new time.
  (text, ctx) => {
    const m = /^(?:this\s+coming|this|next|on)\s+(.+?)\s*,?\s+(?:the\s+)?(.+?)\s+(?:starts|begins|is|will be|happens)\s+((?:at|on)\s+.+)$/i.exec(text);
    const date = m ? when(m[1]!, ctx) : undefined;
    const to = m && date ? duePhrase(m[3]!, ctx) : undefined;
    return m && date && to ? call("reschedule_occurrence", m[2]!, { date: /^next\b/i.test(text) ? `next ${m[1]}` : m[1]!, to }) : undefined;
  },
  // "pay april rent on the 2nd instead": the occurrence named inside the task's words, then its new date.
  (text, ctx) => {
    const m = /^(.+?)\s+(?:on|to|for|at)\s+(.+?)\s+instead$/i.exec(text);
    const inner = m ? INNER_PERIOD.exec(m[1]!) : null;
    const to = inner ? duePhrase(m![2]!, ctx) : undefined;
    return inner && to ? call("reschedule_occurrence", `${inner[1]} ${inner[3]}`, { date: inner[2]!, to }) : undefined;
  },
  // "skip next monday's standup", "cancel the standup on monday", "no standup on monday", "skip it on monday"
  (text, ctx) => {
    // Also said as what will not happen: "we don't have standup on the 16th", "there's no standup next week",
    // or passed on: "pass on the rent for april", "give monday's standup a miss".
    const said =
      /^(?:(?:we|i)\s+(?:are|am|will be)\s+(?:skipping|cancell?ing|missing|dropping)|skipping|skip|cancel|drop|no|miss|(?:we|i)\s+(?:do not|will not|won't|don't)\s+(?:have|need|do)|there(?:\s+is|'s|\s+will be)\s+no|no need for|call off|pass on|sit out)\s+(.+)$/i.exec(text)?.[1] ??
      /^give\s+(.+?)\s+a\s+miss$/i.exec(text)?.[1] ??
      /^(.+?)\s+(?:is|will be)\s+(?:cancelled|canceled|off|not happening|skipped)\s+(.+)$/i.exec(text)?.slice(1, 3).join(" ");
    // "just monday's standup, not the whole thing": only one occurrence is what the rule is for anyway.
    const m = said ? [text, said.replace(/^(?:just|only)\s+/i, "").replace(/,?\s+(?:not|and not)\s+the\s+(?:whole|entire)\s+(?:thing|series|task)$/i, "").replace(/\s+(?:only|just)$/i, "")] : undefined;
    const found = m ? occurrence(m[1]!, ctx) : undefined;
    if (found) return call("skip_occurrence", found.task, { date: found.date });
    // "skip the next pilates", "skip the next one of the standup": the open occurrence.
    const next = m ? /^(?:the\s+)?next\s+(?:one\s+(?:of\s+)?|occurrence\s+of\s+)?(.+?)(?:\s+(?:occurrence|one|session|class|meeting))?$/i.exec(m[1]!) : null;
    return next ? call("skip_occurrence", next[1]!, { date: "next" }) : undefined;
  },
  // "rent isn't going out on april 1st, skip that one", "the standup is not happening on the 16th": an occurrence
  // said not to take place is skipped.
  (text, ctx) => {
    const m = /^(.+?)\s+(?:is|are|will)\s+not\s+(?:be\s+)?(?:going out|going ahead|happening|taking place|running|on|due|needed|paid)\s+((?:on|for|in|this|next)\b.+?)(?:,?\s+(?:so\s+)?(?:please\s+)?(?:skip|cancel|drop)\s+(?:it|that|this)(?:\s+one)?)?$/i.exec(text);
    const date = m ? when(m[2]!.replace(/^(?:on|for|in)\s+/i, ""), ctx) : undefined;
    return m && date ? call("skip_occurrence", m[1]!, { date }) : undefined;
  },
  // "this time the standup is on tuesday", "the standup is at 11 just this once": the open occurrence moves.
  (text, ctx) => {
    const ONCE = String.raw`(?:this time|just this (?:once|time|week)|this once|for this (?:one|week)|this week)`;
    // "standup's on tuesday this week": 's is "is" here.
    const m =
      new RegExp(String.raw`^${ONCE},?\s+(.+?)(?:'s|\s+(?:is|will be|happens|should be))\s+((?:on|at)\s+.+)$`, "i").exec(text) ??
      new RegExp(String.raw`^(.+?)(?:'s|\s+(?:is|will be|happens|should be))\s+((?:on|at)\s+.+?),?\s+${ONCE}$`, "i").exec(text);
    // "just this once, do standup on tuesday": the verb, the task, its day.
    const done = m ? undefined : new RegExp(String.raw`^${ONCE},?\s+(?:do|have|hold|move|put|run)\s+(.+?)\s+((?:on|at)\s+.+)$`, "i").exec(text);
    const said = m ?? done;
    const to = said ? duePhrase(said[2]!, ctx) : undefined;
    return said && to ? call("reschedule_occurrence", said[1]!, { date: "next", to }) : undefined;
  },
  // "move next monday's standup to tuesday", "push the standup on the 16th to tuesday", "bump monday's standup to 11
  // just this once"
  (said, ctx) => {
    // "just this once" at the end: one occurrence, the open one unless the words name another.
    const once = /,?\s+(?:just\s+|only\s+)?(?:this\s+(?:once|time)|for\s+this\s+(?:one|week)|once)$/i.exec(said);
    const text = once ? said.slice(0, once.index) : said;
    // Also said as news: "standup on monday is moved to tuesday".
    // Or as leave to move it: "rent for april can go on the 4th".
    const m =
      /^(?:move|reschedule|push|shift|postpone|bump|delay|change)\s+(.+?)\s+to\s+(.+)$/i.exec(text) ??
      /^(.+?)\s+(?:(?:is|has been|gets|got|was|will be)\s+(?:moved|rescheduled|pushed|shifted|postponed)|is\s+(?:moving|being moved|shifting)|moves|shifts)\s+(?:to|till|until)\s+(.+)$/i.exec(text) ??
      /^(.+?)\s+(?:can|could|should|will)\s+(?:go|happen|be|move)\s+((?:on|to|at)\s+.+)$/i.exec(text) ??
      // "can monday's standup happen tuesday at 2pm instead": asked as a question.
      /^(?:can|could)\s+(.+?)\s+(?:go|happen|be|move)\s+(?:on\s+|to\s+)?(.+?)(?:\s+instead)?$/i.exec(text) ??
      // "next month's rent goes out on the 3rd": the occurrence's day said as a plain fact.
      /^(.+?)\s+(?:goes(?:\s+out)?|is going(?:\s+out)?|will go(?:\s+out)?|gets paid|is paid|happens|falls|is happening)\s+((?:on|at)\s+.+)$/i.exec(text);
    const to = m ? duePhrase(m[2]!, ctx) : undefined;
    const found = m && to ? (occurrence(m[1]!, ctx) ?? (once ? { date: "next", task: m[1]! } : undefined)) : undefined;
    return found && to ? call("reschedule_occurrence", found.task, { date: found.date, to }) : undefined;
  },
];
