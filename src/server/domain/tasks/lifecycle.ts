import { and, eq } from "drizzle-orm";
import { tasks } from "@/server/db/schema";
import { EVENT_TYPES, type EventType } from "@/server/events/catalog";
import type { Executor } from "@/server/db/client";
import type { DomainContext } from "../context";
import { emitTaskChange } from "./emit";
import { loadTaskOrThrow } from "./mutations";
import { syncReminders } from "./reminder-sync";
import type { TaskView } from "./view";

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
export async function applyTransition(tx: Executor, ctx: DomainContext, id: string, name: TaskTransition): Promise<TaskView> {
  const transition: Transition = TRANSITIONS[name];
  const before = await loadTaskOrThrow(tx, ctx.userId, id, { includeDeleted: transition.includeDeleted });
  if (!transition.applies(before)) return before;
  const now = ctx.now();
  await tx
    .update(tasks)
    .set({ ...transition.set(now), updatedAt: now, version: before.version + 1 })
    .where(and(eq(tasks.id, id), eq(tasks.userId, ctx.userId)));
  const interim = await loadTaskOrThrow(tx, ctx.userId, id, { includeDeleted: true });
  const reminderEvents = await syncReminders(tx, ctx, { id, dueAt: interim.dueAt, active: transition.active(interim) });
  const after = reminderEvents.length > 0 ? await loadTaskOrThrow(tx, ctx.userId, id, { includeDeleted: true }) : interim;
  await emitTaskChange(tx, ctx, { type: transition.type, before, after, extraEvents: reminderEvents });
  return after;
}

export const completeTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "complete"));
export const uncompleteTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "uncomplete"));
/** Soft delete: the task stays restorable (undo) until purged. */
export const deleteTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "delete"));
export const restoreTask = (ctx: DomainContext, id: string) => ctx.db.transaction((tx) => applyTransition(tx, ctx, id, "restore"));

export const getTask = (ctx: DomainContext, id: string) => loadTaskOrThrow(ctx.db, ctx.userId, id);
