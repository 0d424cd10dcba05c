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
      /^(?:add|put|attach)\s+(?:the\s+)?(?:tag\s+|label\s+)(.+?)\s+(?:to|on)\s+(.+)$/i.exec(text) ??
      /^(?:add|put|attach)\s+(?:the\s+)?(#\S+|.+?\s+(?:tag|label))\s+(?:to|on)\s+(.+)$/i.exec(text);
    return m ? calls({ tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase(m[2]!), tag_id: labelName(m[1]!) } }) : undefined;
  },
  // "remove the finance tag from the invoice task", "untag finance from invoice"
  (text) => {
    const m =
      /^(?:remove|take|delete|drop|untag)\s+(?:off\s+)?(?:the\s+)?(?:tag\s+|label\s+)(.+?)\s+(?:from|off)\s+(.+)$/i.exec(text) ??
      /^(?:remove|take|delete|drop|untag)\s+(?:off\s+)?(?:the\s+)?(#\S+|.+?\s+(?:tag|label))\s+(?:from|off)\s+(.+)$/i.exec(text) ??
      /^untag\s+(.+?)\s+from\s+(.+)$/i.exec(text);
    return m ? calls({ tool: "remove_tag_from_task", args: {}, refs: { task_id: taskPhrase(m[2]!), tag_id: labelName(m[1]!) } }) : undefined;
  },
];

const BEFORE = String.raw`(?:before|early|earlier|ahead|prior)(?:\s+(?:it(?:'s| is)?\s+)?(?:due|starts))?`;
const REMIND = String.raw`(?:remind me|ping me|alert me|nudge me|notify me|warn me|give me a heads[ -]up|let me know|set (?:up )?(?:a )?reminder|add (?:a )?reminder|create (?:a )?reminder)`;

export const reminderRules: Rule[] = [
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
