import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import type { DomainContext } from "@/server/domain/context";
import { bulkUpdateTasks, type BulkUpdateInput } from "@/server/domain/tasks";
import { args, CONFIRM_NOTE, EXAMPLE_IDS, resolveDate, WRITE_NOTE, writeControls } from "./args";
import { taskLine, toToolTask, type ToolTask } from "./present";
import { defineTool, ToolArgumentError } from "./types";

/** Tools that change many tasks at once: all or nothing, like the app's bulk bar (same domain call). */

export interface BulkResult {
  summary: string;
  tasks: ToolTask[];
}

const MAX_BULK_TASKS = 500;
const taskIds = z
  .array(args.taskId)
  .min(1, "must list at least one task")
  .max(MAX_BULK_TASKS, `must list at most ${MAX_BULK_TASKS} tasks`)
  .describe("Ids of the tasks (from list_tasks or search_tasks)");

const ACTIONS = ["complete", "reopen", "set_priority", "set_category", "add_tag", "remove_tag", "set_due"] as const;

/** The words or ISO date of set_due as the domain's day (and time, when one was said) in the user's zone. */
function dueAction(ctx: DomainContext, text: string | null): Extract<BulkUpdateInput["action"], { type: "setDue" }> {
  if (text === null) return { type: "setDue", day: null };
  const resolved = resolveDate(ctx, text, "due_date");
  const local = new TZDate(resolved.at.getTime(), ctx.timeZone);
  return { type: "setDue", day: format(local, "yyyy-MM-dd"), ...(resolved.allDay ? {} : { time: format(local, "HH:mm") }) };
}

function bulkSummary(verb: string, tasks: ToolTask[]): string {
  const listed = tasks.slice(0, 5).map(taskLine).join("; ");
  return `${verb} ${tasks.length} task${tasks.length === 1 ? "" : "s"}: ${listed}${tasks.length > 5 ? `; and ${tasks.length - 5} more` : ""}.`;
}

async function runBulk(ctx: DomainContext, ids: string[], action: BulkUpdateInput["action"], verb: string): Promise<BulkResult> {
  const { items } = await bulkUpdateTasks(ctx, { ids, action });
  const tasks = items.map((item) => toToolTask(ctx, item));
  return { summary: bulkSummary(verb, tasks), tasks };
}

export const updateTasksTool = defineTool({
  name: "update_tasks",
  description:
    `Apply one change to many tasks at once: complete, reopen, set_priority (with priority), set_category (with category_id, null removes it), add_tag or remove_tag (with tag_id), set_due (with due_date: a day keeps each task's own time, a day and time sets both, null removes the due date).${WRITE_NOTE} Changes to more than 20 tasks need confirmation:${CONFIRM_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      task_ids: taskIds,
      action: z.enum(ACTIONS).describe("complete, reopen, set_priority, set_category, add_tag, remove_tag or set_due"),
      priority: args.priority.optional().describe("For set_priority: low, medium, high or urgent"),
      category_id: args.categoryId.nullable().optional().describe("For set_category: the category, or null to remove it"),
      tag_id: args.tagId.optional().describe("For add_tag and remove_tag"),
      due_date: args.dueDate.nullable().optional().describe("For set_due: the new day ('monday', '2026-03-16') or day and time; null removes the due date"),
      ...writeControls,
    })
    .strict(),
  examples: [
    { task_ids: [EXAMPLE_IDS.task, EXAMPLE_IDS.task2], action: "complete" },
    { task_ids: [EXAMPLE_IDS.task], action: "set_priority", priority: "urgent", dry_run: true },
    { task_ids: [EXAMPLE_IDS.task, EXAMPLE_IDS.task2], action: "add_tag", tag_id: EXAMPLE_IDS.tag },
    { task_ids: [EXAMPLE_IDS.task, EXAMPLE_IDS.task2], action: "set_due", due_date: "monday" },
  ],
  run(ctx, a) {
    const need = (argument: "priority" | "category_id" | "tag_id" | "due_date") => {
      if (a[argument] === undefined) throw new ToolArgumentError(argument, `is required for action ${a.action}`);
    };
    switch (a.action) {
      case "complete":
        return runBulk(ctx, a.task_ids, { type: "complete" }, "Completed");
      case "reopen":
        return runBulk(ctx, a.task_ids, { type: "uncomplete" }, "Reopened");
      case "set_priority":
        need("priority");
        return runBulk(ctx, a.task_ids, { type: "setPriority", priority: a.priority! }, `Set priority ${a.priority} on`);
      case "set_category":
        need("category_id");
        return runBulk(ctx, a.task_ids, { type: "setCategory", categoryId: a.category_id! }, a.category_id ? "Moved" : "Removed the category from");
      case "add_tag":
        need("tag_id");
        return runBulk(ctx, a.task_ids, { type: "addTag", tagId: a.tag_id! }, "Tagged");
      case "remove_tag":
        need("tag_id");
        return runBulk(ctx, a.task_ids, { type: "removeTag", tagId: a.tag_id! }, "Removed the tag from");
      case "set_due":
        need("due_date");
        return runBulk(ctx, a.task_ids, dueAction(ctx, a.due_date!), a.due_date === null ? "Removed the due date from" : "Moved");
    }
  },
});

export const deleteTasksTool = defineTool({
  name: "delete_tasks",
  description: `Delete several tasks at once (they go to the trash and can be restored from the app).${WRITE_NOTE}${CONFIRM_NOTE}`,
  scope: "delete",
  destructive: true,
  inputSchema: z.object({ task_ids: taskIds, ...writeControls }).strict(),
  examples: [
    { task_ids: [EXAMPLE_IDS.task, EXAMPLE_IDS.task2] },
    { task_ids: [EXAMPLE_IDS.task, EXAMPLE_IDS.task2], confirmation_token: "confirm_AbCdEfGhIjKlMnOpQrStUvWx" },
  ],
  run(ctx, a) {
    return runBulk(ctx, a.task_ids, { type: "delete" }, "Deleted");
  },
});
