import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { reminders, tasks, taskTags } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS, type EventType } from "@/server/events/catalog";
import { writeEvents, type EventDraft } from "@/server/events/outbox-writer";
import type { EntityChange } from "../activity";
import type { DomainContext } from "../context";
import { emitTaskChange } from "../tasks/emit";
import { cancelledEvent, scheduledEvent, syncReminders } from "../tasks/reminder-sync";
import { loadTaskViews, type TaskView } from "../tasks/view";
import { labelTable, loadLabelSnapshot, loadTaskSnapshots, type LabelSnapshot, type TaskSnapshot } from "./snapshots";

const date = (value: string | null) => (value === null ? null : new Date(value));

async function loadView(tx: Executor, userId: string, id: string): Promise<TaskView | null> {
  const [view] = await loadTaskViews(tx, userId, [id], { includeDeleted: true });
  return view ?? null;
}

function eventTypeFor(current: TaskSnapshot | null, target: TaskSnapshot): EventType {
  if (!current) return EVENT_TYPES.taskCreated;
  if (current.deletedAt !== target.deletedAt) return target.deletedAt ? EVENT_TYPES.taskDeleted : EVENT_TYPES.taskRestored;
  if (current.completed !== target.completed) return target.completed ? EVENT_TYPES.taskCompleted : EVENT_TYPES.taskUncompleted;
  return EVENT_TYPES.taskUpdated;
}

/** Labels the task may point at: ones deleted since are left off rather than failing the whole revert. */
export async function existingLabels(tx: Executor, userId: string, target: Pick<TaskSnapshot, "categoryId" | "tagIds">) {
  const [categoryRows, tagRows] = await Promise.all([
    target.categoryId ? tx.select({ id: labelTable("category").id }).from(labelTable("category")).where(and(eq(labelTable("category").id, target.categoryId), eq(labelTable("category").userId, userId))) : [],
    target.tagIds.length > 0 ? tx.select({ id: labelTable("tag").id }).from(labelTable("tag")).where(and(inArray(labelTable("tag").id, target.tagIds), eq(labelTable("tag").userId, userId))) : [],
  ]);
  const tagIds = new Set(tagRows.map((r) => r.id));
  return { categoryId: categoryRows.length > 0 ? target.categoryId : null, tagIds: target.tagIds.filter((id) => tagIds.has(id)) };
}

/** Makes the reminder rows match the target's (same ids); states are derived again afterwards. */
async function restoreReminders(tx: Executor, ctx: DomainContext, taskId: string, current: TaskSnapshot | null, target: TaskSnapshot): Promise<EventDraft[]> {
  const have = new Map((current?.reminders ?? []).map((r) => [r.id, r]));
  const want = new Map(target.reminders.map((r) => [r.id, r]));
  const events: EventDraft[] = [];
  const removed = [...have.values()].filter((r) => !want.has(r.id));
  if (removed.length > 0) {
    await tx.delete(reminders).where(inArray(reminders.id, removed.map((r) => r.id)));
    events.push(...removed.filter((r) => r.status === "pending").map((r) => cancelledEvent(ctx, { id: r.id, taskId, remindAt: new Date(r.remindAt) })));
  }
  const now = ctx.now();
  // Rows come back disarmed ("cancelled") unless sent or failed; syncReminders then arms the ones still ahead and
  // announces them. One that was armed and whose time has passed meanwhile (a snooze undone after the original
  // time) comes back armed and goes off at once, as it would have without the change.
  const overdueArmed = (r: TaskSnapshot["reminders"][number]) => r.status === "pending" && new Date(r.remindAt).getTime() <= now.getTime() && !target.completed && !target.deletedAt;
  const resting = (r: TaskSnapshot["reminders"][number]): TaskSnapshot["reminders"][number]["status"] =>
    r.status === "sent" || r.status === "failed" || overdueArmed(r) ? r.status : "cancelled";
  const added = [...want.values()].filter((r) => !have.has(r.id));
  if (added.length > 0) {
    await tx.insert(reminders).values(
      added.map((r) => ({
        id: r.id,
        taskId,
        userId: ctx.userId,
        remindAt: new Date(r.remindAt),
        minutesBefore: r.minutesBefore,
        status: resting(r),
        sentAt: date(r.sentAt),
        createdAt: r.createdAt ? new Date(r.createdAt) : now,
        updatedAt: now,
      })),
    );
  }
  events.push(...added.filter(overdueArmed).map((r) => scheduledEvent(ctx, { id: r.id, taskId, remindAt: new Date(r.remindAt) })));
  for (const r of want.values()) {
    const old = have.get(r.id);
    if (!old || (old.remindAt === r.remindAt && old.minutesBefore === r.minutesBefore)) continue;
    await tx
      .update(reminders)
      .set({ remindAt: new Date(r.remindAt), minutesBefore: r.minutesBefore, status: resting(r), sentAt: date(r.sentAt), attempts: 0, updatedAt: now })
      .where(eq(reminders.id, r.id));
    if (old.status === "pending") events.push(cancelledEvent(ctx, { id: r.id, taskId, remindAt: new Date(old.remindAt) }));
    if (overdueArmed(r)) events.push(scheduledEvent(ctx, { id: r.id, taskId, remindAt: new Date(r.remindAt) }));
  }
  return events;
}

/**
 * Puts one task into `target` (null = the row goes away), writing its events and adding the exact change to
 * `collect`, so the revert is one activity entry that can itself be reverted.
 */
export async function applyTaskState(
  tx: Executor,
  ctx: DomainContext,
  current: TaskSnapshot | null,
  target: TaskSnapshot | null,
  collect: EntityChange[],
): Promise<void> {
  const id = (current ?? target)!.id;
  const before = current ? await loadView(tx, ctx.userId, id) : null;
  const now = ctx.now();
  if (!target) {
    if (!current || !before) return;
    await tx.delete(tasks).where(and(eq(tasks.id, id), eq(tasks.userId, ctx.userId)));
    const cancelled = current.reminders
      .filter((r) => r.status === "pending")
      .map((r) => cancelledEvent(ctx, { id: r.id, taskId: id, remindAt: new Date(r.remindAt) }));
    const gone: TaskView = { ...before, deletedAt: before.deletedAt ?? now, version: before.version + 1, updatedAt: now };
    await emitTaskChange(tx, ctx, { type: EVENT_TYPES.taskDeleted, before, after: gone, beforeSnapshot: current, afterSnapshot: null, extraEvents: cancelled, collect });
    return;
  }
  const labels = await existingLabels(tx, ctx.userId, target);
  const row = {
    title: target.title,
    description: target.description,
    priority: target.priority,
    dueAt: date(target.dueAt),
    allDay: target.allDay,
    completed: target.completed,
    completedAt: date(target.completedAt),
    categoryId: labels.categoryId,
    recurrenceRule: target.recurrenceRule,
    recurrenceBasis: target.recurrenceBasis,
    seriesId: target.seriesId,
    previousOccurrenceId: target.previousOccurrenceId,
    occurrenceIndex: target.occurrenceIndex,
    recurrenceExdates: target.recurrenceExdates,
    recurrenceMoves: target.recurrenceMoves,
    occurrenceDate: date(target.occurrenceDate),
    seriesValues: target.seriesValues,
    deletedAt: date(target.deletedAt),
    updatedAt: now,
  };
  if (current) {
    await tx
      .update(tasks)
      .set({ ...row, version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.id, id), eq(tasks.userId, ctx.userId)));
  } else {
    await tx.insert(tasks).values({ ...row, id, userId: ctx.userId, createdAt: new Date(target.createdAt) });
  }
  if (!current || JSON.stringify(current.tagIds) !== JSON.stringify(labels.tagIds)) {
    if (current) await tx.delete(taskTags).where(eq(taskTags.taskId, id));
    if (labels.tagIds.length > 0) await tx.insert(taskTags).values(labels.tagIds.map((tagId) => ({ taskId: id, tagId })));
  }
  const reminderEvents = await restoreReminders(tx, ctx, id, current, target);
  reminderEvents.push(...(await syncReminders(tx, ctx, { id, dueAt: row.dueAt, active: !target.completed && !target.deletedAt })));
  const after = await loadView(tx, ctx.userId, id);
  if (!after) return;
  await emitTaskChange(tx, ctx, { type: eventTypeFor(current, target), before, after, beforeSnapshot: current, extraEvents: reminderEvents, collect });
}

/** Puts one category or tag into `target` (null = deleted, detaching it from tasks), recording the change(s). */
export async function applyLabelState(
  tx: Executor,
  ctx: DomainContext,
  entity: "category" | "tag",
  current: LabelSnapshot | null,
  target: LabelSnapshot | null,
  collect: EntityChange[],
): Promise<void> {
  const table = labelTable(entity);
  const id = (current ?? target)!.id;
  const now = ctx.now();
  let action: "created" | "updated" | "deleted";
  let affectedTaskIds: string[] = [];
  if (!target) {
    if (!current) return;
    affectedTaskIds = await detach(tx, ctx, entity, id, collect);
    await tx.delete(table).where(and(eq(table.id, id), eq(table.userId, ctx.userId)));
    action = "deleted";
  } else if (!current) {
    await tx.insert(table).values({ id, userId: ctx.userId, name: target.name, color: target.color, createdAt: new Date(target.createdAt), updatedAt: now });
    action = "created";
  } else {
    await tx
      .update(table)
      .set({ name: target.name, color: target.color, updatedAt: now })
      .where(and(eq(table.id, id), eq(table.userId, ctx.userId)));
    action = "updated";
  }
  collect.push({ entityType: entity, entityId: id, before: current, after: target ? await loadLabelSnapshot(tx, entity, ctx.userId, id) : null });
  const values = target ?? current!;
  await writeEvents(tx, ctx, [
    {
      topic: TOPICS.taskEvents,
      type: entity === "category" ? EVENT_TYPES.categoryChanged : EVENT_TYPES.tagChanged,
      subject: id,
      data: { action, id, ...(target ? { [entity]: { name: values.name, color: values.color } } : { affectedTaskIds }) },
    },
    { topic: TOPICS.taskUpdates, type: EVENT_TYPES.syncNotice, subject: id, data: { entity, action, id } },
  ]);
}

/** Takes a label off every task that has it (bumping their version), recording each task's exact change. */
async function detach(tx: Executor, ctx: DomainContext, entity: "category" | "tag", id: string, collect: EntityChange[]): Promise<string[]> {
  const holders =
    entity === "category"
      ? await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.categoryId, id), eq(tasks.userId, ctx.userId)))
      : await tx.select({ id: taskTags.taskId }).from(taskTags).where(eq(taskTags.tagId, id));
  const ids = holders.map((h) => h.id);
  if (ids.length === 0) return [];
  const before = await loadTaskSnapshots(tx, ctx.userId, ids);
  if (entity === "category") await tx.update(tasks).set({ categoryId: null }).where(inArray(tasks.id, ids));
  else await tx.delete(taskTags).where(and(eq(taskTags.tagId, id), inArray(taskTags.taskId, ids)));
  await tx
    .update(tasks)
    .set({ updatedAt: ctx.now(), version: sql`${tasks.version} + 1` })
    .where(inArray(tasks.id, ids));
  const after = await loadTaskSnapshots(tx, ctx.userId, ids);
  for (const taskId of ids) collect.push({ entityType: "task", entityId: taskId, before: before.get(taskId) ?? null, after: after.get(taskId) ?? null });
  return ids;
}
