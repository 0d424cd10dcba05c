// One change to every task of a category or tag ("make everything in home high priority", "move all my
// home tasks to the work category"): one update_tasks call over the tasks list_tasks finds, so the
// activity log holds it as one entry and one "undo" reverts all of it.
import { labelName } from "../refs";
import { cutsAt, duePhrase, takePriority } from "../slots";
import type { InterpretContext, PlannedCall } from "../types";
import type { Rule } from "./rule";

/** "everything", "all of my tasks", "all the stuff": every task of the group named after it. */
const EVERY_TASK = String.raw`(?:everything|all(?:\s+(?:of\s+)?(?:my|the))?(?:\s+(?:tasks|todos|stuff|things))?)`;
const EVERY_TASK_TAGGED = new RegExp(String.raw`^${EVERY_TASK}\s+(?:tagged|with the tag)\s+#?(.+)$`, "i");
const EVERY_TASK_IN = new RegExp(String.raw`^${EVERY_TASK}\s+(?:in|under|from)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?$`, "i");

/** A due window said of every task: "all overdue stuff", "everything due today", "all of today's tasks". */
const DUE_WINDOWS: [RegExp, string][] = [
  [/\b(?:overdue|late|past due)\b/i, "overdue"],
  [/\b(?:(?:due\s+)?today|today'?s)\b/i, "today"],
  [/\b(?:without|with no|no)\s+(?:a\s+)?(?:due\s+)?date\b|\bundated\b/i, "none"],
];
const EVERY_DUE = new RegExp(String.raw`^(?:${EVERY_TASK}|all\s+(?:of\s+)?(?:my\s+|the\s+)?)\s*(.*?)\s*(?:tasks|todos|stuff|things)?$`, "i");

/** "them", "those", "all of them", "both": the tasks the conversation just listed. */
const LISTED = /^(?:(?:all\s+(?:of\s+)?)?(?:them|those|these)(?:\s+(?:tasks|ones|two|three))?(?:\s+(?:all|both))?|(?:both|the\s+two|each|every\s+(?:single\s+)?one)(?:\s+of\s+(?:them|those|these))?|(?:all\s+of\s+)?the lot|all(?:\s+of\s+(?:it|that))?|all that|everything(?:\s+(?:there|listed|on that list|you (?:just )?(?:showed|listed)))?)$/i;

/** "everything in home", "all my home tasks", "all the tasks tagged finance", "all overdue stuff", "them" → which tasks. */
export function group(words: string, ctx?: Pick<InterpretContext, "listed">): NonNullable<PlannedCall["forEach"]> | undefined {
  const w = words.trim();
  if (LISTED.test(w)) return ctx?.listed?.length ? { args: {}, tasks: ctx.listed } : undefined;
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
  // "make everything in home high priority", "set all work tasks to urgent", "make those high priority"
  (text, ctx) => {
    const m =
      // "move them all to low priority": a priority is no place to move tasks to, so it is set.
      /^(?:make|set|mark|change|bump|drop|lower|raise|downgrade|upgrade|move|put|switch|take|knock|bring)\s+(.+?)\s+(?:(?:down|up)\s+)?(?:to\s+|as\s+|into\s+)?((?:top|highest|critical|urgent|high|important|medium|normal|low)(?:[\s-]+(?:priority|prio))?)$/i.exec(text) ??
      // "everything overdue is now low priority": the group, then the priority it now has.
      /^(.+?)\s+(?:is|are)\s+(?:now\s+|all\s+)*((?:top|highest|critical|urgent|high|important|medium|normal|low)(?:[\s-]+(?:priority|prio))?)(?:\s+now)?$/i.exec(text);
    const tasks = m ? group(m[1]!, ctx) : undefined;
    const { priority, rest } = m ? takePriority(/priority|prio/i.test(m[2]!) ? m[2]! : `${m[2]} priority`) : { rest: "" };
    return tasks && priority && !rest ? bulk({ action: "set_priority", priority }, tasks) : undefined;
  },
  // "move all my home tasks to the work category", "put everything in home under work", "move everything in work to home"
  (text, ctx) => {
    const m = /^(?:move|put|file|switch)\s+(.+)$/i.exec(text);
    // Every place the words can be cut in two; the first whose left part names a group of tasks.
    for (const [left, right] of m ? cutsAt(m[1]!, "to|into|in|under").reverse() : []) {
      // "move them all to monday" is a new date, not a category.
      if (duePhrase(right, ctx)) continue;
      const tasks = group(left, ctx);
      if (tasks) return bulk({ action: "set_category" }, tasks, { category_id: labelName(right.replace(/^(?:the|my)\s+/i, "").replace(/\s+(?:category|list|project)$/i, "")) });
    }
    return undefined;
  },
  // "mark all overdue stuff as done", "complete everything in home", "tick off all my errands tasks", "mark them all done"
  (text, ctx) => {
    const m =
      /^(?:mark|set|tick|check)\s+(.+?)\s+(?:as\s+|to\s+)?(?:done|complete|completed|finished)$/i.exec(text) ??
      /^(?:complete|finish|close|check off|tick off|cross off)\s+(.+)$/i.exec(text) ??
      /^(.+?)\s+(?:is|are)\s+(?:all\s+)?(?:done|complete|completed|finished)$/i.exec(text);
    // "finish them all off": the particle goes with the verb.
    const tasks = m ? group(m[1]!.replace(/\s+off$/i, ""), ctx) : undefined;
    return tasks ? bulk({ action: "complete" }, tasks) : undefined;
  },
  // "tag all my home tasks with weekend", "add the weekend tag to everything in home", "tag them all weekend"
  (text, ctx) => {
    const m =
      /^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(?:the\s+)?(?:tag\s+|label\s+)?#?(.+?)(?:\s+tag)?$/i.exec(text) ??
      // "label all of them chores": the tag's name alone after the group
      /^(?:tag|label)\s+(.+)\s+#?([\p{L}\p{N}_-]+)$/iu.exec(text);
    const a = /^(?:add|put|attach)\s+(?:the\s+)?(?:(?:tag|label)\s+#?(.+?)|#?(.+?)\s+(?:tag|label))\s+(?:to|on)\s+(.+)$/i.exec(text);
    const [groupWords, tag] = m ? [m[1]!, m[2]!] : a ? [a[3]!, (a[1] ?? a[2])!] : ["", ""];
    const tasks = groupWords ? group(groupWords, ctx) : undefined;
    return tasks ? bulk({ action: "add_tag" }, tasks, { tag_id: labelName(tag) }) : undefined;
  },
  // "move them all to monday", "push everything overdue to saturday", "give them all till friday", "those can wait until
  // next wednesday", "make them all due tomorrow": one new due date for every task of the group.
  (text, ctx) => {
    const verbFirst = new RegExp(String.raw`^(?:${MOVE_ALL})\s+(.+)$`, "i").exec(text);
    const cuts: [string, string][] = verbFirst ? cutsAt(verbFirst[1]!, "to|until|till|for|on|by|at") : [];
    const due = /^(?:make|set)\s+(.+?)\s+(?:all\s+)?due\s+(.+)$/i.exec(text);
    if (due) cuts.push([due[1]!, due[2]!]);
    const giveTill = /^give\s+(.+?)\s+(?:(?:all\s+)?(?:till|until|up to))\s+(.+)$/i.exec(text);
    if (giveTill) cuts.push([giveTill[1]!, giveTill[2]!]);
    const wait = /^(.+?)\s+(?:can|could|will|should)\s+(?:all\s+)?(?:wait|be done|be moved|be pushed|go)\s+(?:until|till|to|for|on)\s+(.+)$/i.exec(text);
    if (wait) cuts.push([wait[1]!, wait[2]!]);
    for (const [left, right] of cuts) {
      const when = duePhrase(right.replace(/\s+instead$/i, ""), ctx);
      const tasks = when ? group(left.replace(/\s+(?:back|off|forward|ahead|over)$/i, ""), ctx) : undefined;
      if (tasks && when) return bulk({ action: "set_due", due_date: when }, tasks);
    }
    return undefined;
  },
];

const MOVE_ALL = String.raw`move|push(?:\s+back)?|reschedule|postpone|shift|bump|delay|put off|defer|set|change`;
