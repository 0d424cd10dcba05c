import type { Executor } from "@/server/db/client";
import { EVENT_TYPES, TOPICS, type EventType } from "@/server/events/catalog";
import { writeEvents, type EventDraft } from "@/server/events/outbox-writer";
import { recordActivity } from "../activity";
import type { DomainContext } from "../context";
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
export async function emitTaskChange(
  tx: Executor,
  ctx: DomainContext,
  change: { type: EventType; before: TaskView | null; after: TaskView; extraEvents?: EventDraft[] },
): Promise<void> {
  const action = ACTION_BY_TYPE[change.type] ?? "updated";
  const { changed, oldValues, newValues } = diffTasks(change.before, change.after);
  // Both inserts go out together (pipelined on the transaction's connection): one round-trip instead of two.
  await Promise.all([
    recordActivity(tx, ctx, [{ entityType: "task", entityId: change.after.id, action, oldValues, newValues }]),
    writeEvents(tx, ctx, [
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
    ]),
  ]);
}
