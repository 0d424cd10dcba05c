import type { Executor } from "@/server/db/client";
import { EVENT_TYPES, TOPICS, type EventType } from "@/server/events/catalog";
import type { EventDraft } from "@/server/events/outbox-writer";
import { recordActivityWithEvents, type EntityChange } from "../activity";
import type { DomainContext } from "../context";
import { loadTaskSnapshot, type TaskSnapshot } from "../undo/snapshots";
import { toEventState, type TaskView } from "./view";

/** Fields compared for "what changed" in activity rows and events. */
const TRACKED = [
  "title",
  "description",
  "priority",
  "dueAt",
  "allDay",
  "completed",
  "categoryId",
  "tagIds",
  "recurrenceRule",
  "recurrenceBasis",
  "reminders",
  "deletedAt",
] as const;

function comparable(view: TaskView): Record<(typeof TRACKED)[number], unknown> {
  return {
    title: view.title,
    description: view.description,
    priority: view.priority,
    dueAt: view.dueAt?.toISOString() ?? null,
    allDay: view.allDay,
    completed: view.completed,
    categoryId: view.categoryId,
    tagIds: view.tags.map((t) => t.id).sort(),
    recurrenceRule: view.recurrenceRule,
    recurrenceBasis: view.recurrenceBasis,
    reminders: view.reminders.map((r) => (r.minutesBefore !== null ? { minutesBefore: r.minutesBefore } : { at: r.remindAt.toISOString() })),
    deletedAt: view.deletedAt?.toISOString() ?? null,
  };
}

export function diffTasks(before: TaskView | null, after: TaskView) {
  const a = comparable(after);
  if (!before) return { changed: [...TRACKED].filter((k) => a[k] !== null && a[k] !== ""), oldValues: null, newValues: a };
  const b = comparable(before);
  const changed = TRACKED.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return {
    changed: [...changed],
    oldValues: Object.fromEntries(changed.map((k) => [k, b[k]])),
    newValues: Object.fromEntries(changed.map((k) => [k, a[k]])),
  };
}

const ACTION_BY_TYPE: Partial<Record<EventType, string>> = {
  [EVENT_TYPES.taskCreated]: "created",
  [EVENT_TYPES.taskUpdated]: "updated",
  [EVENT_TYPES.taskCompleted]: "completed",
  [EVENT_TYPES.taskUncompleted]: "uncompleted",
  [EVENT_TYPES.taskDeleted]: "deleted",
  [EVENT_TYPES.taskRestored]: "restored",
};

/**
 * Records one task change in the caller's transaction: an activity row, the lifecycle event with the
 * full task state, a compact sync notice for clients, and any reminder events the change caused.
 */
export interface TaskChange {
  type: EventType;
  before: TaskView | null;
  after: TaskView;
  /** The task's exact state before the change (null when it is new), loaded before changing it. */
  beforeSnapshot: TaskSnapshot | null;
  /** The exact state after; loaded here when not given (null when the row is gone). */
  afterSnapshot?: TaskSnapshot | null;
  extraEvents?: EventDraft[];
  /** Part of a larger entry (a bulk edit, a revert): the change is appended here instead of its own entry. */
  collect?: EntityChange[];
}

export async function emitTaskChange(tx: Executor, ctx: DomainContext, change: TaskChange): Promise<void> {
  const action = ACTION_BY_TYPE[change.type] ?? "updated";
  const { changed, oldValues, newValues } = diffTasks(change.before, change.after);
  const afterSnapshot = change.afterSnapshot !== undefined ? change.afterSnapshot : await loadTaskSnapshot(tx, ctx.userId, change.after.id);
  const entityChange: EntityChange = { entityType: "task", entityId: change.after.id, before: change.beforeSnapshot, after: afterSnapshot };
  if (change.collect) change.collect.push(entityChange);
  // The activity entry, its exact change and the events are one statement (see recordActivityWithEvents).
  const entry = change.collect ? null : { entityType: "task" as const, entityId: change.after.id, action, oldValues, newValues, changes: [entityChange] };
  await recordActivityWithEvents(tx, ctx, entry, [
    {
      topic: TOPICS.taskEvents,
      type: change.type,
      subject: change.after.id,
      data: { task: toEventState(change.after, ctx.userId), changed },
    },
    ...(change.extraEvents ?? []),
    {
      topic: TOPICS.taskUpdates,
      type: EVENT_TYPES.syncNotice,
      subject: change.after.id,
      data: { entity: "task", action, id: change.after.id, version: change.after.version },
    },
  ]);
}
