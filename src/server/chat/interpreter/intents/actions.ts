// Things done to an existing task named in words: complete, delete, move, rename, reprioritise,
// tag, untag, remind. The task itself is found by the engine (search_tasks) at execution time.
import { labelName, taskPhrase } from "../refs";
import { dateOnly, DURATION, durationMinutes, squash, takePriority } from "../slots";
import type { Interpretation, PlannedCall } from "../types";
import type { Rule } from "./rule";

const calls = (...list: PlannedCall[]): Interpretation => ({ kind: "calls", calls: list });
const onTask = (tool: PlannedCall["tool"], phrase: string, args: PlannedCall["args"] = {}): PlannedCall => ({
  tool,
  args,
  refs: { task_id: taskPhrase(phrase) },
});

const DONE = String.raw`(?:done|complete|completed|finished|closed)`;

export const tagRules: Rule[] = [
  // "tag the invoice task with finance", "label invoice as #finance"
  (text) => {
    const m = /^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(?:the\s+)?(?:tag\s+|label\s+)?(.+?)(?:\s+tag)?$/i.exec(text);
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

export const reminderRules: Rule[] = [
  // "remind me about the dentist task 30 minutes before"
  (text) => {
    const m = new RegExp(
      String.raw`^(?:remind me|set (?:up )?(?:a )?reminder|add (?:a )?reminder|create (?:a )?reminder)\s+(?:about|for|on|of|to)\s+(.+?)\s+${DURATION}\s+${BEFORE}$`,
      "i",
    ).exec(text);
    const minutes = m ? durationMinutes(m[2]!, m[3]) : undefined;
    return m && minutes !== undefined ? calls(onTask("set_reminder", m[1]!, { remind_before_minutes: minutes })) : undefined;
  },
  // "remind me 30 minutes before the dentist task"
  (text) => {
    const m = new RegExp(String.raw`^(?:remind me|set (?:a )?reminder)\s+${DURATION}\s+before\s+(.+)$`, "i").exec(text);
    const minutes = m ? durationMinutes(m[1]!, m[2]) : undefined;
    return m && minutes !== undefined ? calls(onTask("set_reminder", m[3]!, { remind_before_minutes: minutes })) : undefined;
  },
  // "remind me about the dentist task tomorrow at 8am"
  (text, ctx) => {
    const m = /^(?:remind me|set (?:a )?reminder|add (?:a )?reminder)\s+(?:about|for|on|of)\s+(.+)$/i.exec(text);
    if (!m) return undefined;
    const words = m[1]!.split(" ");
    for (let cut = 1; cut < words.length; cut += 1) {
      const at = dateOnly(words.slice(cut).join(" "), ctx);
      if (at) return calls(onTask("set_reminder", words.slice(0, cut).join(" "), { remind_at: at }));
    }
    return undefined;
  },
];

export const completeRules: Rule[] = [
  // "mark the report task as done", "set report to complete"
  (text) => {
    const m = new RegExp(String.raw`^(?:mark|set|tick|check)\s+(.+?)\s+(?:as\s+|to\s+)?${DONE}$`, "i").exec(text);
    return m ? calls(onTask("complete_task", m[1]!)) : undefined;
  },
  // "complete the report task", "tick off buy milk", "I finished the report"
  (text) => {
    const m =
      /^(?:complete|finish|close|check off|tick off|cross off|mark off|done with|done)\s+(.+)$/i.exec(text) ??
      /^(?:i\s+)?(?:have\s+|just\s+|already\s+)*(?:finished|completed|did|done with)\s+(.+)$/i.exec(text) ??
      new RegExp(String.raw`^(.+?)\s+is\s+(?:now\s+)?${DONE}$`, "i").exec(text);
    return m ? calls(onTask("complete_task", m[1]!)) : undefined;
  },
];

export const bulkDeleteRules: Rule[] = [
  // "delete all completed tasks in Shopping", "clear done tasks"
  (text) => {
    const m =
      /^(?:delete|remove|clear|purge|get rid of|clean up|trash)\s+(?:out\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(completed|done|finished|open|overdue)?\s*(?:tasks|todos)(?:\s+(?:in|from|under)\s+(?:the\s+|my\s+)?(.+))?$/i.exec(text);
    if (!m || (!m[1] && !m[2] && !/\ball\b/i.test(text))) return undefined;
    const status = !m[1] ? "all" : /open/i.test(m[1]) ? "open" : /overdue/i.test(m[1]) ? "open" : "done";
    const forEach: PlannedCall["forEach"] = { args: { status, ...(/overdue/i.test(m[1] ?? "") ? { due: "overdue" } : {}) } };
    if (m[2]) forEach.refs = { category_id: labelName(m[2]) };
    return { kind: "confirm", calls: [{ tool: "delete_task", args: {}, forEach }] };
  },
];

export const deleteTaskRules: Rule[] = [
  // "delete the dentist task"
  (text) => {
    const m = /^(?:delete|remove|trash|get rid of|erase|drop|bin)\s+(.+)$/i.exec(text);
    return m ? { kind: "confirm", calls: [onTask("delete_task", m[1]!)] } : undefined;
  },
];

export const editRules: Rule[] = [
  // "rename the report task to Quarterly report"
  (text) => {
    const m = /^(?:rename|retitle|call)\s+(.+?)\s+(?:to|as)\s+(.+)$/i.exec(text);
    return m ? calls(onTask("update_task", m[1]!, { title: squash(m[2]!.replace(/^["']|["']$/g, "")) })) : undefined;
  },
  // "make the report task urgent", "change the priority of report to low", "set report priority to high"
  (text) => {
    const m =
      /^(?:change|set|update|make)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(.+?)\s+(?:to|as)\s+(.+)$/i.exec(text) ??
      /^(?:change|set|update|make|mark)\s+(.+?)(?:'s|s')?\s+priority\s+(?:to|as)\s+(.+)$/i.exec(text) ??
      /^(?:make|mark|set|bump|raise|lower|change)\s+(.+?)\s+(?:to\s+|as\s+)?(\S+(?:[\s-]+priority)?)$/i.exec(text);
    if (!m) return undefined;
    const wanted = /^(?:urgent|high|medium|normal|low|important|top|critical|p[1-4])$/i.test(m[2]!) ? `${m[2]} priority` : m[2]!;
    const { priority, rest } = takePriority(wanted);
    return priority && !rest ? calls(onTask("update_task", m[1]!, { priority })) : undefined;
  },
  // "move the dentist task to tomorrow", "reschedule report for Friday 3pm", "push back the gym task to next week"
  (text, ctx) => {
    const m =
      /^(?:move|reschedule|postpone|push(?:\s+back)?|defer|shift|change|set|bump)\s+(?:the\s+)?(?:due\s+date\s+(?:of|for)\s+)?(.+?)\s+(?:to|until|till|for|on)\s+(.+)$/i.exec(text) ??
      /^(?:change|set)\s+(.+?)(?:'s)?\s+due\s+date\s+(?:to|for)\s+(.+)$/i.exec(text);
    const due = m ? dateOnly(m[2]!, ctx) : undefined;
    return m && due ? calls(onTask("update_task", m[1]!.replace(/\s+back$/i, ""), { due_date: due })) : undefined;
  },
];

