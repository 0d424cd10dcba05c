import { TZDate } from "@date-fns/tz";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { tasks, taskTags } from "@/server/db/schema";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { DomainContext } from "../context";
import { LimitError, NotFoundError, ValidationError } from "../errors";
import { emitTaskChange } from "./emit";
import { applyTransition } from "./lifecycle";
import { loadTaskStateOrThrow } from "./mutations";
import { syncReminders } from "./reminder-sync";
import { assertCategoryOwned, assertTagsOwned } from "./ownership";
import { bulkUpdateInput, MAX_TAGS_PER_TASK, type BulkUpdateInput } from "./schemas";
import type { TaskView } from "./view";
import { recordActivity, type EntityChange } from "../activity";

/**
 * One action over many tasks, all or nothing: if any task is not the user's, nothing changes.
 * Each task gets its own events, like a single change would; the activity log gets ONE entry holding every
 * task's exact change, so the whole edit is reverted in one step.
 */
export async function bulkUpdateTasks(ctx: DomainContext, rawInput: BulkUpdateInput): Promise<{ items: TaskView[] }> {
  const { ids: rawIds, action } = bulkUpdateInput.parse(rawInput);
  const ids = [...new Set(rawIds)];
  return ctx.db.transaction(async (tx) => {
    const owned = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(inArray(tasks.id, ids), eq(tasks.userId, ctx.userId), action.type === "restore" ? undefined : isNull(tasks.deletedAt)));
    const ownedIds = new Set(owned.map((r) => r.id));
    const missing = ids.find((id) => !ownedIds.has(id));
    if (missing) throw new NotFoundError("task", missing);

    if (action.type === "addTag" || action.type === "removeTag") await assertTagsOwned(tx, ctx.userId, [action.tagId]);
    if (action.type === "setCategory" && action.categoryId) await assertCategoryOwned(tx, ctx.userId, action.categoryId);

    const items: TaskView[] = [];
    const changes: EntityChange[] = [];
    for (const id of ids) {
      switch (action.type) {
        case "complete":
        case "uncomplete":
        case "delete":
        case "restore":
          items.push(await applyTransition(tx, ctx, id, action.type, changes));
          break;
        default:
          items.push(await applyFieldChange(tx, ctx, id, action, changes));
      }
    }
    if (changes.length > 0) {
      const { type, ...params } = action;
      await recordActivity(tx, ctx, [
        { entityType: "task", entityId: ctx.correlationId, action: "bulk", oldValues: null, newValues: { action: type, ...params, count: changes.length }, changes },
      ]);
    }
    return { items };
  });
}

type FieldAction = Exclude<ReturnType<typeof bulkUpdateInput.parse>["action"], { type: "complete" | "uncomplete" | "delete" | "restore" }>;
type SetDue = Extract<FieldAction, { type: "setDue" }>;

/**
 * Where one task's due date lands when many are moved to one day: at the time given, else at the task's own time
 * of day (a timed task stays timed), else all day. Days and times are the user's, across DST too.
 */
export function movedDue(task: Pick<TaskView, "dueAt" | "allDay">, action: SetDue, timeZone: string): { dueAt: Date | null; allDay: boolean } {
  if (action.day === null) return { dueAt: null, allDay: false };
  const [year, month, day] = action.day.split("-").map(Number) as [number, number, number];
  const own = task.dueAt && !task.allDay ? new TZDate(task.dueAt.getTime(), timeZone) : null;
  const [hour, minute] = action.time ? action.time.split(":").map(Number) : own ? [own.getHours(), own.getMinutes()] : [0, 0];
  const at = new TZDate(year, month - 1, day, hour!, minute!, 0, timeZone);
  if (at.getDate() !== day || at.getMonth() !== month - 1) throw new ValidationError("day", `${action.day} is not a real day`);
  return { dueAt: new Date(at.getTime()), allDay: !action.time && !own };
}

async function applyFieldChange(
  tx: Executor,
  ctx: DomainContext,
  id: string,
  action: FieldAction,
  collect: EntityChange[],
): Promise<TaskView> {
  const [before, beforeSnapshot] = await loadTaskStateOrThrow(tx, ctx.userId, id);
  const hasTag = (tagId: string) => before.tags.some((t) => t.id === tagId);
  let extraEvents: Awaited<ReturnType<typeof syncReminders>> = [];
  switch (action.type) {
    case "setDue": {
      const due = movedDue(before, action, ctx.timeZone);
      if ((due.dueAt?.getTime() ?? null) === (before.dueAt?.getTime() ?? null) && due.allDay === before.allDay) return before;
      if (!due.dueAt && before.recurrenceRule) throw new ValidationError("day", `"${before.title}" repeats, so it needs a due date to start the series`);
      await tx.update(tasks).set({ dueAt: due.dueAt, allDay: due.allDay }).where(eq(tasks.id, id));
      // Reminders counted back from the due date follow it, as when one task is moved.
      extraEvents = await syncReminders(tx, ctx, { id, dueAt: due.dueAt, active: !before.completed });
      break;
    }
    case "setPriority":
      if (before.priority === action.priority) return before;
      await tx.update(tasks).set({ priority: action.priority }).where(eq(tasks.id, id));
      break;
    case "setCategory":
      if (before.categoryId === action.categoryId) return before;
      await tx.update(tasks).set({ categoryId: action.categoryId }).where(eq(tasks.id, id));
      break;
    case "addTag":
      if (hasTag(action.tagId)) return before;
      if (before.tags.length >= MAX_TAGS_PER_TASK) throw new LimitError("tagsPerTask", MAX_TAGS_PER_TASK);
      await tx.insert(taskTags).values({ taskId: id, tagId: action.tagId });
      break;
    case "removeTag":
      if (!hasTag(action.tagId)) return before;
      await tx.delete(taskTags).where(and(eq(taskTags.taskId, id), eq(taskTags.tagId, action.tagId)));
      break;
  }
  await tx
    .update(tasks)
    .set({ version: before.version + 1, updatedAt: ctx.now() })
    .where(eq(tasks.id, id));
  const [after, afterSnapshot] = await loadTaskStateOrThrow(tx, ctx.userId, id);
  await emitTaskChange(tx, ctx, { type: EVENT_TYPES.taskUpdated, before, beforeSnapshot, after, afterSnapshot, extraEvents, collect });
  return after;
}
