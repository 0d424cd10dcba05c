// Things done to an existing task named in words: tag, untag, remind. The task itself is found by the
// engine (search_tasks) at execution time. Lifecycle (complete, reopen, delete) and field edits
// (rename, move, priority, category, repetition, notes) live in lifecycle.ts and edits.ts.
import { labelName, taskPhrase } from "../refs";
import { dateOnly, duePhrase, DURATION, durationMinutes } from "../slots";
import type { Interpretation, PlannedCall } from "../types";
import type { Rule } from "./rule";

export const calls = (...list: PlannedCall[]): Interpretation => ({ kind: "calls", calls: list });
export const onTask = (tool: PlannedCall["tool"], phrase: string, args: PlannedCall["args"] = {}): PlannedCall => ({
  tool,
  args,
  refs: { task_id: taskPhrase(phrase) },
});

export const tagRules: Rule[] = [
  // "tag the flights travel and finance", "label X with a, b": two tags at once.
  (text) => {
    const m = /^(?:tag|label)\s+(.+?)\s+(?:with\s+)?#?([\p{L}\p{N}_-]+)\s*(?:,|\band\b|&)\s*#?([\p{L}\p{N}_-]+)$/iu.exec(text);
    if (!m || /^(?:it|that|this)$/i.test(m[2]!)) return undefined;
    return calls(
      ...[m[2]!, m[3]!].map((tag): PlannedCall => ({ tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase(m[1]!), tag_id: labelName(tag) } })),
    );
  },
  // "budget review isn't finance anymore": the tag taken off (not a priority or a state: "isn't urgent anymore").
  (text) => {
    const m = /^(.+?)\s+is\s+not\s+(?:a\s+|an\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:anymore|any more|any longer|now))$/iu.exec(text);
    if (!m || /^(?:urgent|important|high|low|medium|done|finished|complete|completed|needed|necessary|due|late|overdue|open|recurring|repeating|priority)$/i.test(m[2]!)) return undefined;
    return calls({ tool: "remove_tag_from_task", args: {}, refs: { task_id: taskPhrase(m[1]!), tag_id: labelName(m[2]!) } });
  },
  // "add the health tag (too)": a tag the user has, put on the task in focus; without one, a new tag of that name.
  (text) => {
    const m = /^(?:add|put|attach|stick)\s+the\s+#?([\p{L}\p{N}_-]+)\s+(?:tag|label)$/iu.exec(text);
    return m
      ? { kind: "calls", calls: [{ tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase("it"), tag_id: labelName(m[1]!) } }], alternatives: [[{ tool: "add_tag", args: { name: labelName(m[1]!) } }]] }
      : undefined;
  },
  // "tag the invoice task with finance", "label invoice as #finance", "tag the budget review urgent"
  (text) => {
    const m =
      /^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(?:the\s+)?(?:tag\s+|label\s+)?(.+?)(?:\s+tag)?$/i.exec(text) ??
      /^(?:tag|label)\s+(.+)\s+#?([\p{L}\p{N}_-]+)$/iu.exec(text);
    return m ? calls({ ...onTask("add_tag_to_task", m[1]!), refs: { task_id: taskPhrase(m[1]!), tag_id: labelName(m[2]!) } }) : undefined;
  },
  // "add the finance tag to the invoice task", "add tag finance to invoice", "add #finance to the invoice task"
  (text) => {
    const m =
      /^(?:add|put|attach|stick|slap|pop)\s+(?:the\s+|a\s+)?(?:tag\s+|label\s+)(.+?)\s+(?:to|on)\s+(.+)$/i.exec(text) ??
      /^(?:add|put|attach|stick|slap|pop)\s+(?:the\s+|a\s+|an\s+)?(#\S+|.+?\s+(?:tag|label))\s+(?:to|on(?:to)?)\s+(.+)$/i.exec(text);
    return m ? calls({ tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase(m[2]!), tag_id: labelName(m[1]!) } }) : undefined;
  },
  // "dentist doesnt need the health tag": the tag taken off.
  (text) => {
    const m = /^(.+?)\s+(?:does not|do not|no longer)\s+(?:need|needs|want)s?\s+(?:the\s+|a\s+|its\s+)?#?([\p{L}\p{N}_-]+)\s+(?:tag|label)(?:\s+(?:anymore|any more))?$/iu.exec(text);
    return m ? calls({ tool: "remove_tag_from_task", args: {}, refs: { task_id: taskPhrase(m[1]!), tag_id: labelName(m[2]!) } }) : undefined;
  },
  // "give groceries the health tag", "stick X with a finance label": the task, then the tag it gets.
  (text) => {
    const m = /^(?:give|stick|slap)\s+(.+?)\s+(?:with\s+)?(?:the|a|an)\s+#?([\p{L}\p{N}_-]+)\s+(?:tag|label)$/iu.exec(text);
    return m ? calls({ tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase(m[1]!), tag_id: labelName(m[2]!) } }) : undefined;
  },
  // "add errands to the dry cleaning tags": the tag, then the task whose tags it joins.
  (text) => {
    const m = /^(?:add|put|attach|stick)\s+#?([\p{L}\p{N}_-]+)\s+(?:to|on|onto)\s+(?:the\s+)?(.+?)(?:'s)?\s+(?:tags|labels)$/iu.exec(text);
    return m ? calls({ tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase(m[2]!), tag_id: labelName(m[1]!) } }) : undefined;
  },
  // "remove the finance tag from the invoice task", "untag finance from invoice"
  (text) => {
    const m =
      /^(?:remove|take|delete|drop|untag)\s+(?:off\s+)?(?:the\s+)?(?:tag\s+|label\s+)(.+?)\s+(?:from|off)\s+(.+)$/i.exec(text) ??
      // "get rid of the errands tag on groceries": which task's tag it is may be said with "on".
      /^(?:remove|take|delete|drop|untag|get rid of|strip|clear)\s+(?:off\s+)?(?:the\s+)?(#\S+|.+?\s+(?:tag|label))\s+(?:from|off|on)\s+(.+)$/i.exec(text) ??
      /^untag\s+(.+?)\s+from\s+(.+)$/i.exec(text);
    return m ? calls({ tool: "remove_tag_from_task", args: {}, refs: { task_id: taskPhrase(m[2]!), tag_id: labelName(m[1]!) } }) : undefined;
  },
];

const BEFORE = String.raw`(?:before|early|earlier|ahead|prior)(?:\s+(?:it(?:'s| is)?\s+)?(?:due|starts))?`;
// "i want a reminder 2 days before the dentist": the reminder asked for as a wish.
const REMIND = String.raw`(?:remind me|ping me|alert me|nudge me|notify me|warn me|give me a heads[ -]up|let me know|set (?:up )?(?:a )?reminder|add (?:a )?reminder|create (?:a )?reminder|(?:i|we)\s+(?:want|need|would like|could use)\s+a\s+reminder|give me a reminder|set me a reminder)`;

/** A day said against the task's own due day: group 1/2 count days back, group 3 is a part of that day. */
const DUE_DAY = /\b(?:the\s+(day|night|evening|morning|afternoon)\s+before|(\d{1,2}|two|three|four|five|six|seven|a couple of)\s+days?\s+(?:before|earlier)|(?:that|the same)\s+(morning|day|evening|night|afternoon)|on\s+the\s+(day)|the\s+(morning)\s+of)\b/i;
/** "at 9", "at 5:30", "7am", "noon": a bare number counts only after "at" ("the 10k run the day before" has no time). */
const CLOCK = /\bat\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\s|$|,)|\b(?:at\s+)?(noon|midday|midnight)\b|\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b/i;
const DAYS_BACK: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, "a couple of": 2 };

/** "5pm" → "17:00"; a bare hour takes the part of the day said ("8 that morning", "the night before at 9"), else 1–7 is the afternoon. */
function clockTime(m: RegExpExecArray, part: string | undefined): string | undefined {
  if (m[4]) return /midnight/i.test(m[4]) ? "00:00" : "12:00";
  let hour = Number(m[1] ?? m[5]);
  const minute = Number(m[2] ?? m[6] ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  const meridiem = (m[3] ?? m[7])?.[0]?.toLowerCase();
  if (meridiem && (hour < 1 || hour > 12)) return undefined;
  if (meridiem === "p" && hour < 12) hour += 12;
  else if (meridiem === "a" && hour === 12) hour = 0;
  else if (!meridiem && hour >= 1 && hour <= 11) {
    const afternoon = part ? /night|evening|afternoon/i.test(part) : hour <= 7;
    if (afternoon) hour += 12;
  }
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export const reminderRules: Rule[] = [
  // "and remind me 15 min before": the task in focus.
  (text) => {
    const m = new RegExp(String.raw`^${REMIND}\s+${DURATION}\s+(?:before|earlier|ahead)(?:\s+(?:it|that|then))?$`, "i").exec(text);
    const minutes = m ? durationMinutes(m[1]!, m[2]) : undefined;
    return m && minutes !== undefined ? calls(onTask("set_reminder", "it", { remind_before_minutes: minutes })) : undefined;
  },
  // "remind me about the flights the day before at 6pm", "remind me at 8 that morning", "ping me the night before the
  // dentist at 9", "set a reminder for the budget review at 7am that day": a time on the task's own day or days before.
  (text) => {
    const m = new RegExp(String.raw`^${REMIND}\s+(.+)$`, "i").exec(text);
    const day = m ? DUE_DAY.exec(m[1]!) : null;
    if (!m || !day) return undefined;
    const withoutDay = m[1]!.slice(0, day.index) + " " + m[1]!.slice(day.index + day[0].length);
    const clock = CLOCK.exec(withoutDay);
    if (!clock) return undefined;
    const part = day[1] ?? day[3] ?? day[5];
    const time = clockTime(clock, part === "day" ? undefined : part);
    const back = day[1] ? 1 : day[2] ? (DAYS_BACK[day[2].toLowerCase()] ?? Number(day[2])) : 0;
    const task = (withoutDay.slice(0, clock.index) + " " + withoutDay.slice(clock.index + clock[0].length))
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^(?:about|for|of|on|to do)\s+/i, "")
      .replace(/\s+(?:on|at)$/i, "");
    if (!time || (task && /\b(?:to|and)\b.*\b(?:every|tomorrow|today)\b/i.test(task))) return undefined;
    return calls(onTask("set_reminder", task || "it", { days_before: back, at_time: time }));
  },
  // "alert me about the budget review the day before", "remind me of the dentist the night before"
  (text) => {
    const m = new RegExp(String.raw`^${REMIND}\s+(?:about|for|on|of)\s+(.+?)\s+the\s+(?:day|night|evening)\s+before$`, "i").exec(text);
    return m ? calls(onTask("set_reminder", m[1]!, { remind_before_minutes: 1440 })) : undefined;
  },
  // "remind me about the dentist task 30 minutes before"
  (text) => {
    const m = new RegExp(String.raw`^${REMIND}\s+(?:about|for|on|of|to)\s+(.+?)\s+${DURATION}\s+${BEFORE}$`, "i").exec(text);
    const minutes = m ? durationMinutes(m[2]!, m[3]) : undefined;
    return m && minutes !== undefined ? calls(onTask("set_reminder", m[1]!, { remind_before_minutes: minutes })) : undefined;
  },
  // "remind me 30 minutes before the dentist task", "ping me an hour before the dentist"
  (text) => {
    const m = new RegExp(String.raw`^${REMIND}\s+${DURATION}\s+before\s+(.+)$`, "i").exec(text);
    const minutes = m ? durationMinutes(m[1]!, m[2]) : undefined;
    return m && minutes !== undefined ? calls(onTask("set_reminder", m[3]!, { remind_before_minutes: minutes })) : undefined;
  },
  // "remind me about the dentist task tomorrow at 8am", "remind me about it tomorrow at 9am"
  (text, ctx) => {
    const m = new RegExp(String.raw`^${REMIND}\s+(?:about|for|on|of)\s+(.+)$`, "i").exec(text);
    if (!m) return undefined;
    const words = m[1]!.split(" ");
    for (let cut = 1; cut < words.length; cut += 1) {
      // duePhrase reads a bare hour too ("at 5" is 5pm).
      const phrase = duePhrase(words.slice(cut).join(" "), ctx);
      const at = phrase ? dateOnly(phrase, ctx) : undefined;
      if (at) return calls(onTask("set_reminder", words.slice(0, cut).join(" "), { remind_at: at }));
    }
    return undefined;
  },
];
