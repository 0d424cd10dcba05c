// A correction that is only the new value of the change just made: "rename call mom to call grandma" → "no, call
// grandpa"; "tag the dentist with finance" → "i meant errands"; "add plan the garden in work" → "no, home". New dates
// and priorities said alone are read by bareDateRule (they replace whichever was set); this reads titles and labels,
// which only the last change can tell apart.
import { labelName, taskPhrase } from "../refs";
import { duePhrase, takePriority } from "../slots";
import type { InterpretContext, Interpretation, PlannedCall } from "../types";
import type { Rule } from "./rule";

/** Words that start a request of their own ("no, undo", "sorry, delete it"): not a new value. */
const COMMAND = /^(?:(?:call|name|title)\s+(?:it|that|this)|add|create|new|delete|remove|trash|move|push|reschedule|postpone|mark|complete|finish|undo|revert|show|list|find|search|look|rename|tag|untag|label|snooze|skip|set|make|change|put|remind|ping|what|which|any|is|are|do|does|can|could|cancel|keep|leave|forget|never|yes|yeah|ok|okay|stop)\b/i;
const TAG_WORDS = /^(?:tagged|tag(?:ged)?\s+(?:it\s+)?(?:with|as)|tag|label(?:led)?(?:\s+(?:it\s+)?(?:with|as))?|with(?:\s+(?:the\s+)?tag)?|#)\s*/i;
const CATEGORY_WORDS = /^(?:in|under|into|to)\s+(?:the\s+|my\s+)?/i;

/** The task the last change was about: its own id, or the new task (the conversation's focus after an add). */
function changedTask(ctx: InterpretContext): string | undefined {
  const last = ctx.lastChange!;
  if (typeof last.args.task_id === "string") return last.args.task_id;
  return last.tool === "add_task" ? ctx.focus?.id : undefined;
}

const single = (call: PlannedCall): Interpretation => ({ kind: "calls", calls: [call] });

/** Changes that can be made again to another task as they were made: the same field values, the same tag. */
const REPEATABLE = new Set(["update_task", "complete_task", "reopen_task", "add_tag_to_task", "remove_tag_from_task", "delete_task", "set_reminder"]);
const SAME_FOR = /^(?:(?:the\s+)?same\s+(?:thing\s+)?(?:for|with|goes for|to)|ditto\s+(?:for|with)|do\s+the\s+same\s+(?:for|with|to))\s+/i;

/**
 * "mark the passport done" → "and the groceries too"; "move call mom to saturday" → "the flights as well"; "same for
 * the groceries": the change just made, made again to the task these words name.
 */
const sameAgainRule: Rule = (text, ctx) => {
  const last = ctx.lastChange;
  if (!ctx.sameAgain || !last || !REPEATABLE.has(last.tool)) return undefined;
  const words = text.replace(SAME_FOR, "").trim();
  if (!words || COMMAND.test(words) || words.split(/\s+/).length > 6 || duePhrase(words, ctx) || takePriority(words).priority) return undefined;
  // A new title is the one change that is about the task itself, not something it gets.
  const { task_id: _task, title, ...args } = last.args;
  if (last.tool === "update_task" && (title !== undefined || !Object.keys(args).length)) return undefined;
  const call: PlannedCall = { tool: last.tool, args, refs: { task_id: taskPhrase(words) } };
  return last.tool === "delete_task" ? { kind: "confirm", calls: [call] } : single(call);
};

export const correctionRules: Rule[] = [
  sameAgainRule,
  (said, ctx) => {
    const last = ctx.lastChange;
    // "sorry, finance not health": the wrong value is named only to be taken back.
    const text = said.replace(/,?\s+(?:not|rather than|instead of)\s+#?[\p{L}\p{N}_-]+$/iu, "");
    if (!ctx.correction || !last || !text) return undefined;
    // "rename dry cleaning to laundry" → "actually make it collect laundry": the meant title.
    const retitle = /^(?:make it|make that|change it to|change that to|call it)\s+(.+)$/i.exec(text);
    if (retitle && last.tool === "update_task" && typeof last.args.title === "string" && typeof last.args.task_id === "string" && !duePhrase(retitle[1]!, ctx) && !takePriority(retitle[1]!).priority) {
      return single({ tool: "update_task", args: { task_id: last.args.task_id, title: retitle[1]!.trim() } });
    }
    if (COMMAND.test(text) || text.split(/\s+/).length > 8) return undefined;
    // A new date or priority alone is read by the date and priority rules.
    if (duePhrase(text, ctx) || (takePriority(text).priority && !takePriority(text).rest)) return undefined;
    const taskId = changedTask(ctx);
    if (!taskId) return undefined;
    const args = last.args;
    const saidTag = TAG_WORDS.test(text);
    const word = labelName(text.replace(TAG_WORDS, "").replace(CATEGORY_WORDS, ""));
    // A label is a word or two; more words after "tagged" may still be one.
    const isLabel = word.split(/\s+/).length <= (saidTag ? 3 : 2);

    // "tag the dentist with finance" → "i meant errands": the wrong tag off, the meant one on.
    if (last.tool === "add_tag_to_task" && typeof args.tag_id === "string" && isLabel) {
      return {
        kind: "calls",
        calls: [
          { tool: "remove_tag_from_task", args: { task_id: taskId, tag_id: args.tag_id } },
          { tool: "add_tag_to_task", args: { task_id: taskId }, refs: { tag_id: word } },
        ],
      };
    }
    const hadCategory = (last.tool === "add_task" || last.tool === "update_task") && typeof args.category_id === "string";
    const hadTags = last.tool === "add_task" && Array.isArray(args.tag_ids) && args.tag_ids.length > 0;
    // "add buy stamps tagged errands" → "i meant tagged finance": the new task's tags are the meant ones.
    if (hadTags && isLabel && (saidTag || !hadCategory)) return single({ tool: "update_task", args: { task_id: taskId }, refs: { tag_ids: [word] } });
    // "add plan the garden in work" → "no, home": the meant category.
    if (hadCategory && isLabel) return single({ tool: "update_task", args: { task_id: taskId }, refs: { category_id: word } });
    // "rename call mom to call dad" → "no wait, call mom and dad": the meant title.
    if (last.tool === "update_task" && typeof args.title === "string") return single({ tool: "update_task", args: { task_id: taskId, title: text.replace(/^(?:to|as)\s+/i, "").trim() } });
    return undefined;
  },
];
