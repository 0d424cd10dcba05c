import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { tasks, taskTags } from "@/server/db/schema";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { DomainContext } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { emitTaskChange } from "./emit";
import { assertCategoryOwned, assertTagsOwned } from "./ownership";
import { normalizeRecurrenceRule } from "./recurrence-rule";
import { syncReminders } from "./reminder-sync";
import { taskCreateInput, taskUpdateInput, type TaskCreateInput, type TaskUpdateInput } from "./schemas";
import { loadTaskViews, type TaskView } from "./view";
import { loadTaskWithSnapshot, snapshotRowColumns, snapshotScalars, type TaskSnapshot } from "../undo/snapshots";
import type { RecurrenceMove } from "@/server/db/schema";

export async function loadTaskOrThrow(db: Executor, userId: string, id: string, options: { includeDeleted?: boolean } = {}): Promise<TaskView> {
  const [view] = await loadTaskViews(db, userId, [id], { includeDeleted: options.includeDeleted ?? false });
  if (!view) throw new NotFoundError("task", id);
  return view;
}

/** A task that is not deleted, as a view and as its exact snapshot (one query). */
export async function loadTaskStateOrThrow(db: Executor, userId: string, id: string): Promise<[TaskView, TaskSnapshot]> {
  const state = await loadTaskWithSnapshot(db, userId, id);
  if (!state) throw new NotFoundError("task", id);
  return [state.view, state.snapshot];
}

async function replaceTags(tx: Executor, taskId: string, tagIds: readonly string[]) {
  await tx.delete(taskTags).where(eq(taskTags.taskId, taskId));
  const unique = [...new Set(tagIds)];
  if (unique.length > 0) await tx.insert(taskTags).values(unique.map((tagId) => ({ taskId, tagId })));
}

function requireDueForRecurrence(rule: string | null | undefined, dueAt: Date | null | undefined) {
  if (rule && !dueAt) {
    throw new ValidationError("dueAt", "a recurring task needs a due date to start the series", "dueAt: 2026-12-01T09:00:00Z");
  }
}

/** Extra fields set by the recurrence worker when it creates the next occurrence of a series. */
export interface SeriesLink {
  seriesId: string;
  previousOccurrenceId: string;
  occurrenceIndex: number;
  /** The rule date the new occurrence stands for when it was moved ahead of time. */
  occurrenceDate?: Date | null;
  /** Skipped and moved occurrences still ahead, carried along the series. */
  recurrenceExdates?: string[];
  recurrenceMoves?: RecurrenceMove[];
}

/** Extra columns an occurrence edit sets in the same UPDATE (series split, pinned values, moved date). */
export type SeriesPatch = (before: TaskView, snapshot: TaskSnapshot) => Partial<Pick<typeof tasks.$inferInsert, "seriesId" | "occurrenceIndex" | "occurrenceDate" | "seriesValues" | "recurrenceExdates" | "recurrenceMoves">>;

export async function createTask(ctx: DomainContext, rawInput: TaskCreateInput, series?: SeriesLink): Promise<TaskView> {
  const input = taskCreateInput.parse(rawInput);
  const recurrenceRule = normalizeRecurrenceRule(input.recurrenceRule) ?? null;
  requireDueForRecurrence(recurrenceRule, input.dueAt);
  return ctx.db.transaction(async (tx) => {
    // Independent checks go out together (postgres.js pipelines them on the transaction's connection).
    await Promise.all([
      input.categoryId ? assertCategoryOwned(tx, ctx.userId, input.categoryId) : undefined,
      input.tagIds ? assertTagsOwned(tx, ctx.userId, input.tagIds) : undefined,
    ]);
    const id = randomUUID();
    const now = ctx.now();
    await tx.insert(tasks).values({
      id,
      userId: ctx.userId,
      title: input.title,
      description: input.description ?? "",
      priority: input.priority ?? "medium",
      dueAt: input.dueAt ?? null,
      allDay: input.allDay ?? false,
      categoryId: input.categoryId ?? null,
      recurrenceRule,
      recurrenceBasis: input.recurrenceBasis ?? "due",
      seriesId: series?.seriesId ?? (recurrenceRule ? id : null),
      previousOccurrenceId: series?.previousOccurrenceId ?? null,
      occurrenceIndex: series?.occurrenceIndex ?? 1,
      occurrenceDate: series?.occurrenceDate ?? null,
      recurrenceExdates: series?.recurrenceExdates ?? [],
      recurrenceMoves: series?.recurrenceMoves ?? [],
      createdAt: now,
      updatedAt: now,
    });
    // A new task has no tags to replace: insert only.
    const tagIds = [...new Set(input.tagIds ?? [])];
    if (tagIds.length > 0) await tx.insert(taskTags).values(tagIds.map((tagId) => ({ taskId: id, tagId })));
    const reminderEvents = input.reminders
      ? await syncReminders(tx, ctx, { id, dueAt: input.dueAt ?? null, active: true }, input.reminders)
      : [];
    const [after, afterSnapshot] = await loadTaskStateOrThrow(tx, ctx.userId, id);
    await emitTaskChange(tx, ctx, { type: EVENT_TYPES.taskCreated, before: null, beforeSnapshot: null, after, afterSnapshot, extraEvents: reminderEvents });
    return after;
  });
}

export async function updateTask(ctx: DomainContext, rawInput: TaskUpdateInput, seriesPatch?: SeriesPatch): Promise<TaskView> {
  const input = taskUpdateInput.parse(rawInput);
  const recurrenceRule = normalizeRecurrenceRule(input.recurrenceRule);
  return ctx.db.transaction(async (tx) => {
    const [before, beforeSnapshot] = await loadTaskStateOrThrow(tx, ctx.userId, input.id);
    if (before.version !== input.version) {
      throw new ConflictError(`task was changed elsewhere (you edited version ${input.version}, current is ${before.version})`, before);
    }
    if (input.categoryId) await assertCategoryOwned(tx, ctx.userId, input.categoryId);
    if (input.tagIds) await assertTagsOwned(tx, ctx.userId, input.tagIds);
    const dueAt = input.dueAt === undefined ? before.dueAt : input.dueAt;
    const rule = recurrenceRule === undefined ? before.recurrenceRule : recurrenceRule;
    requireDueForRecurrence(rule, dueAt);

    const [row] = await tx
      .update(tasks)
      .set({
        title: input.title,
        description: input.description,
        priority: input.priority,
        dueAt: input.dueAt,
        allDay: input.allDay ?? (input.dueAt === null ? false : undefined),
        categoryId: input.categoryId,
        recurrenceRule,
        recurrenceBasis: input.recurrenceBasis,
        seriesId: rule && !before.seriesId ? before.id : undefined,
        ...seriesPatch?.(before, beforeSnapshot),
        updatedAt: ctx.now(),
        version: before.version + 1,
      })
      // The version guard makes a concurrent writer lose cleanly instead of overwriting.
      .where(and(eq(tasks.id, input.id), eq(tasks.userId, ctx.userId), eq(tasks.version, input.version), isNull(tasks.deletedAt)))
      .returning({ ...snapshotRowColumns, version: tasks.version, updatedAt: tasks.updatedAt });
    if (!row) {
      const current = await loadTaskOrThrow(tx, ctx.userId, input.id);
      throw new ConflictError("task was changed elsewhere; reload and apply your edit again", current);
    }
    if (input.tagIds) await replaceTags(tx, input.id, input.tagIds);
    const dueChanged = input.dueAt !== undefined && (input.dueAt?.getTime() ?? null) !== (before.dueAt?.getTime() ?? null);
    const reminderEvents =
      input.reminders || dueChanged
        ? await syncReminders(tx, ctx, { id: input.id, dueAt, active: !before.completed }, input.reminders)
        : [];
    // Only the task's own columns changed (no tags, reminders or category to look up again): its new state is
    // what the UPDATE returned. Otherwise it is read again (view and snapshot in one query).
    const ownColumnsOnly = !input.tagIds && !input.reminders && !dueChanged && (input.categoryId === undefined || input.categoryId === before.categoryId);
    const [after, afterSnapshot] = ownColumnsOnly
      ? stateFromRow(before, beforeSnapshot, row)
      : await loadTaskStateOrThrow(tx, ctx.userId, input.id);
    await emitTaskChange(tx, ctx, { type: EVENT_TYPES.taskUpdated, before, beforeSnapshot, after, afterSnapshot, extraEvents: reminderEvents });
    return after;
  });
}

type UpdatedRow = Parameters<typeof snapshotScalars>[0] & { version: number; updatedAt: Date };

/** The view and snapshot after a change of the task's own columns: the earlier ones with the returned row laid over. */
function stateFromRow(before: TaskView, beforeSnapshot: TaskSnapshot, row: UpdatedRow): [TaskView, TaskSnapshot] {
  const { version, updatedAt, ...snapshotRow } = row;
  const { previousOccurrenceId: _previous, recurrenceExdates: _exdates, recurrenceMoves: _moves, occurrenceDate: _date, seriesValues: _values, ...viewColumns } = snapshotRow;
  const after: TaskView = { ...before, ...viewColumns, version, updatedAt };
  const afterSnapshot: TaskSnapshot = { ...snapshotScalars(snapshotRow), tagIds: beforeSnapshot.tagIds, reminders: beforeSnapshot.reminders };
  return [after, afterSnapshot];
}
