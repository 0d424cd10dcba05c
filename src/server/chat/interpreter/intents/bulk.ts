// One change to every task of a category or tag ("make everything in home high priority", "move all my
// home tasks to the work category"): one update_tasks call over the tasks list_tasks finds, so the
// activity log holds it as one entry and one "undo" reverts all of it.
import { labelName } from "../refs";
import { takePriority } from "../slots";
import type { PlannedCall } from "../types";
import type { Rule } from "./rule";

/** "everything", "all of my tasks", "all the stuff": every task of the group named after it. */
const EVERY_TASK = String.raw`(?:everything|all(?:\s+(?:of\s+)?(?:my|the))?(?:\s+(?:tasks|todos|stuff|things))?)`;
const EVERY_TASK_TAGGED = new RegExp(String.raw`^${EVERY_TASK}\s+(?:tagged|with the tag)\s+#?(.+)$`, "i");
const EVERY_TASK_IN = new RegExp(String.raw`^${EVERY_TASK}\s+(?:in|under|from)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?$`, "i");

/** "everything in home", "all my home tasks", "all the tasks tagged finance" → which tasks. */
function group(words: string): NonNullable<PlannedCall["forEach"]> | undefined {
  const w = words.trim();
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
  // "move all my home tasks to the work category", "put everything in home under work"
  (text) => {
    const m = /^(?:move|put|file|switch)\s+(.+?)\s+(?:to|into|in|under)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?$/i.exec(text);
    const tasks = m ? group(m[1]!) : undefined;
    return tasks ? bulk({ action: "set_category" }, tasks, { category_id: labelName(m![2]!) }) : undefined;
  },
];
