// One occurrence of a repeating task: "skip next monday's standup", "move monday's standup to tuesday".
// Which occurrence is said as a date (possessive or "on …"); the tools find it and keep the rule.
import { taskPhrase } from "../refs";
import { duePhrase } from "../slots";
import type { Interpretation, PlannedCall } from "../types";
import type { Rule } from "./rule";

type Ctx = { now: Date; timeZone: string };

/** "next monday's standup" → { date: "next monday", task: "standup" }; "the standup on monday" likewise. */
function occurrence(words: string, ctx: Ctx): { date: string; task: string } | undefined {
  const possessive = /^(?:the\s+)?(.+?)'s?\s+(.+)$/i.exec(words);
  if (possessive) {
    const date = duePhrase(possessive[1]!, ctx);
    if (date) return { date, task: possessive[2]! };
  }
  const on = /^(.+?)\s+(?:on|for)\s+(.+)$/i.exec(words);
  const date = on ? duePhrase(on[2]!, ctx) : undefined;
  return on && date ? { date, task: on[1]! } : undefined;
}

const call = (tool: PlannedCall["tool"], task: string, args: PlannedCall["args"]): Interpretation => ({
  kind: "calls",
  calls: [{ tool, args, refs: { task_id: taskPhrase(task) } }],
});

export const occurrenceRules: Rule[] = [
  // "skip next monday's standup", "cancel the standup on monday", "no standup on monday", "skip it on monday"
  (text, ctx) => {
    const m = /^(?:skip|cancel|drop|no|miss)\s+(.+)$/i.exec(text);
    const found = m ? occurrence(m[1]!, ctx) : undefined;
    if (found) return call("skip_occurrence", found.task, { date: found.date });
    // "skip the next pilates", "skip the next one of the standup": the open occurrence.
    const next = m ? /^(?:the\s+)?next\s+(?:one\s+(?:of\s+)?|occurrence\s+of\s+)?(.+?)(?:\s+(?:occurrence|one|session|class|meeting))?$/i.exec(m[1]!) : null;
    return next ? call("skip_occurrence", next[1]!, { date: "next" }) : undefined;
  },
  // "move next monday's standup to tuesday", "push the standup on the 16th to tuesday"
  (text, ctx) => {
    const m = /^(?:move|reschedule|push|shift|postpone)\s+(.+?)\s+to\s+(.+)$/i.exec(text);
    const to = m ? duePhrase(m[2]!, ctx) : undefined;
    const found = m && to ? occurrence(m[1]!, ctx) : undefined;
    return found && to ? call("reschedule_occurrence", found.task, { date: found.date, to }) : undefined;
  },
];
