import { and, eq } from "drizzle-orm";
import { tasks } from "@/server/db/schema";
import { EVENT_TYPES, type EventType } from "@/server/events/catalog";
import type { Executor } from "@/server/db/client";
import type { DomainContext } from "../context";
import { NotFoundError } from "../errors";
import { emitTaskChange } from "./emit";
import { loadTaskOrThrow } from "./mutations";
import { syncReminders } from "./reminder-sync";
import { taskColumns, type TaskView } from "./view";
import type { EntityChange } from "../activity";
import { loadTaskSnapshot } from "../undo/snapshots";

/** The task's own columns as the view names them (not userId / previousOccurrenceId, which views omit). */
const { userId: _userId, previousOccurrenceId: _previous, ...scalarViewColumns } = taskColumns;

type Transition = {
  type: EventType;
  /** Which tasks it applies to; anything else is a no-op that returns the task unchanged. */
  applies: (task: TaskView) => boolean;
  set: (now: Date) => Partial<typeof tasks.$inferInsert>;
  includeDeleted: boolean;
  /** Whether reminders may fire after the transition. */
  active: (task: TaskView) => boolean;
};

const TRANSITIONS = {
  complete: {
    type: EVENT_TYPES.taskCompleted,
    applies: (t) => !t.completed,
    set: (now) => ({ completed: true, completedAt: now }),
    includeDeleted: false,
    active: () => false,
  },
  uncomplete: {
    type: EVENT_TYPES.taskUncompleted,
    applies: (t) => t.completed,
    set: () => ({ completed: false, completedAt: null }),
    includeDeleted: false,
    active: () => true,
  },
  delete: {
    type: EVENT_TYPES.taskDeleted,
    applies: (t) => t.deletedAt === null,
    set: (now) => ({ deletedAt: now }),
    includeDeleted: false,
    active: () => false,
  },
  restore: {
    type: EVENT_TYPES.taskRestored,
    applies: (t) => t.deletedAt !== null,
    set: () => ({ deletedAt: null }),
    includeDeleted: true,
    active: (t) => !t.completed,
  },
} satisfies Record<string, Transition>;

export type TaskTransition = keyof typeof TRANSITIONS;

/** Applies a lifecycle transition inside an open transaction (shared by single and bulk calls). */
export async function applyTransition(
  tx: Executor,
  ctx: DomainContext,
  id: string,
  name: TaskTransition,
  collect?: EntityChange[],
): Promise<TaskView> {
  const transition: Transition = TRANSITIONS[name];
  const before = await loadTaskOrThrow(tx, ctx.userId, id, { includeDeleted: transition.includeDeleted });
  if (!transition.applies(before)) return before;
  const beforeSnapshot = await loadTaskSnapshot(tx, ctx.userId, id);
  const now = ctx.now();
  // RETURNING gives the row as committed by this statement (even if someone changed it since `before`),
  // so the view needs no reload: tags and reminders are untouched by the update itself.
  const [row] = await tx
    .update(tasks)
    .set({ ...transition.set(now), updatedAt: now, version: before.version + 1 })
    .where(and(eq(tasks.id, id), eq(tasks.userId, ctx.userId)))
    .returning(scalarViewColumns);
  if (!row) throw new NotFoundError("task", id);
  const interim: TaskView = { ...before, ...row };
  const active = transition.active(interim);
  // The view lists every reminder that is not cancelled; with none and the task inactive there is nothing to sync.
  const reminderEvents =
    !active && before.reminders.length === 0 ? [] : await syncReminders(tx, ctx, { id, dueAt: interim.dueAt, active });
  const after = reminderEvents.length > 0 ? await loadTaskOrThrow(tx, ctx.userId, id, { includeDeleted: true }) : interim;
  await emitTaskChange(tx, ctx, { type: transition.type, before, beforeSnapshot, after, extraEvents: reminderEvents, collect });
  return after;
}

export const completeTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "complete"));
export const uncompleteTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "uncomplete"));
/** Soft delete: the task stays restorable (undo) until purged. */
export const deleteTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "delete"));
export const restoreTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "restore"));

export const getTask = (ctx: DomainContext, id: string) => loadTaskOrThrow(ctx.db, ctx.userId, id);
