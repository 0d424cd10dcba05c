// One change to every task of a category or tag ("make everything in home high priority", "move all my
// home tasks to the work category"): one update_tasks call over the tasks list_tasks finds, so the
// activity log holds it as one entry and one "undo" reverts all of it.
import { labelName } from "../refs";
import { cutsAt, takePriority } from "../slots";
import type { PlannedCall } from "../types";
import type { Rule } from "./rule";

/** "everything", "all of my tasks", "all the stuff": every task of the group named after it. */
const EVERY_TASK = String.raw`(?:everything|all(?:\s+(?:of\s+)?(?:my|the))?(?:\s+(?:tasks|todos|stuff|things))?)`;
const EVERY_TASK_TAGGED = new RegExp(String.raw`^${EVERY_TASK}\s+(?:tagged|with the tag)\s+#?(.+)$`, "i");
const EVERY_TASK_IN = new RegExp(String.raw`^${EVERY_TASK}\s+(?:in|under|from)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?$`, "i");

/** A due window said of every task: "all overdue stuff", "everything due today", "all of today's tasks". */
const DUE_WINDOWS: [RegExp, string][] = [
  [/\b(?:overdue|late|past due)\b/i, "overdue"],
  [/\b(?:(?:due\s+)?today|today's)\b/i, "today"],
  [/\b(?:without|with no|no)\s+(?:a\s+)?(?:due\s+)?date\b|\bundated\b/i, "none"],
];
const EVERY_DUE = new RegExp(String.raw`^(?:${EVERY_TASK}|all\s+(?:of\s+)?(?:my\s+|the\s+)?)\s*(.*?)\s*(?:tasks|todos|stuff|things)?$`, "i");

/** "everything in home", "all my home tasks", "all the tasks tagged finance", "all overdue stuff" → which tasks. */
function group(words: string): NonNullable<PlannedCall["forEach"]> | undefined {
  const w = words.trim();
  const due = EVERY_DUE.exec(w);
  if (due && /^(?:everything|all)\b/i.test(w)) {
    const window = DUE_WINDOWS.find(([re]) => re.test(due[1]!));
    const left = window ? due[1]!.replace(window[0], "").replace(/\b(?:due|my|the|of)\b/gi, "").trim() : "x";
    if (window && !left) return { args: { status: "open", due: window[1] } };
  }
  const tagged = EVERY_TASK_TAGGED.exec(w);
  if (tagged) return { args: { status: "open" }, refs: { tag_ids: [labelName(tagged[1]!)] } };
  const inCategory =
    EVERY_TASK_IN.exec(w) ??
    /^all\s+(?:of\s+)?(?:my\s+|the\s+)?(.+?)\s+(?:tasks|todos|stuff|things)$/i.exec(w) ??
    /^(?:my|the)\s+(.+?)\s+(?:tasks|todos|stuff|things)$/i.exec(w);
  return inCategory ? { args: { status: "open" }, refs: { category_id: labelName(inCategory[1]!) } } : undefined;
}

const bulk = (args: PlannedCall["args"], forEach: NonNullable<PlannedCall["forEach"]>, refs?: PlannedCall["refs"]) => ({
  kind: "calls" as const,
  calls: [{ tool: "update_tasks" as const, args, forEach, ...(refs ? { refs } : {}) }],
});

export const bulkEditRules: Rule[] = [
  // "make everything in home high priority", "set all work tasks to urgent"
  (text) => {
    const m = /^(?:make|set|mark|change|bump)\s+(.+?)\s+(?:to\s+|as\s+)?((?:top|highest|critical|urgent|high|important|medium|normal|low)(?:[\s-]+(?:priority|prio))?)$/i.exec(text);
    const tasks = m ? group(m[1]!) : undefined;
    const { priority, rest } = m ? takePriority(/priority|prio/i.test(m[2]!) ? m[2]! : `${m[2]} priority`) : { rest: "" };
    return tasks && priority && !rest ? bulk({ action: "set_priority", priority }, tasks) : undefined;
  },
  // "move all my home tasks to the work category", "put everything in home under work", "move everything in work to home"
  (text) => {
    const m = /^(?:move|put|file|switch)\s+(.+)$/i.exec(text);
    // Every place the words can be cut in two; the first whose left part names a group of tasks.
    for (const [left, right] of m ? cutsAt(m[1]!, "to|into|in|under").reverse() : []) {
      const tasks = group(left);
      if (tasks) return bulk({ action: "set_category" }, tasks, { category_id: labelName(right.replace(/^(?:the|my)\s+/i, "").replace(/\s+(?:category|list|project)$/i, "")) });
    }
    return undefined;
  },
  // "mark all overdue stuff as done", "complete everything in home", "tick off all my errands tasks"
  (text) => {
    const m =
      /^(?:mark|set|tick|check)\s+(.+?)\s+(?:as\s+|to\s+)?(?:done|complete|completed|finished)$/i.exec(text) ??
      /^(?:complete|finish|close|check off|tick off|cross off)\s+(.+)$/i.exec(text) ??
      /^(.+?)\s+(?:is|are)\s+(?:all\s+)?(?:done|complete|completed|finished)$/i.exec(text);
    const tasks = m ? group(m[1]!) : undefined;
    return tasks ? bulk({ action: "complete" }, tasks) : undefined;
  },
  // "tag all my home tasks with weekend", "add the weekend tag to everything in home"
  (text) => {
    const m = /^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(?:the\s+)?(?:tag\s+|label\s+)?#?(.+?)(?:\s+tag)?$/i.exec(text);
    const a = /^(?:add|put|attach)\s+(?:the\s+)?(?:(?:tag|label)\s+#?(.+?)|#?(.+?)\s+(?:tag|label))\s+(?:to|on)\s+(.+)$/i.exec(text);
    const [groupWords, tag] = m ? [m[1]!, m[2]!] : a ? [a[3]!, (a[1] ?? a[2])!] : ["", ""];
    const tasks = groupWords ? group(groupWords) : undefined;
    return tasks ? bulk({ action: "add_tag" }, tasks, { tag_id: labelName(tag) }) : undefined;
  },
];
