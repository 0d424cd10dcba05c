import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { reminders } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS, type ReminderEventData } from "@/server/events/catalog";
import type { EventDraft } from "@/server/events/outbox-writer";
import type { DomainContext } from "../context";
import { ValidationError } from "../errors";
import { recordReceipts } from "../reminder-receipts";
import type { ReminderInput } from "./schemas";

interface TaskTiming {
  id: string;
  dueAt: Date | null;
  /** Completed or deleted tasks keep their reminders but none of them fires. */
  active: boolean;
}

type ReminderRow = typeof reminders.$inferSelect;

const reminderKey = (r: { minutesBefore: number | null; remindAt: Date } | ReminderInput) =>
  "minutesBefore" in r && r.minutesBefore !== null && r.minutesBefore !== undefined
    ? `m:${r.minutesBefore}`
    : `a:${("at" in r ? r.at : (r as { remindAt: Date }).remindAt).toISOString()}`;

function remindAtFor(input: ReminderInput, dueAt: Date | null): Date {
  if ("at" in input) return input.at;
  if (!dueAt) throw new ValidationError("reminders", "a reminder relative to the due date needs a due date", "{ at: '2026-12-01T09:00:00Z' }");
  return new Date(dueAt.getTime() - input.minutesBefore * 60_000);
}

export const scheduledEvent = (ctx: DomainContext, row: Pick<ReminderRow, "id" | "taskId" | "remindAt">): EventDraft => ({
  topic: TOPICS.reminders,
  type: EVENT_TYPES.reminderScheduled,
  subject: row.id,
  data: { reminderId: row.id, taskId: row.taskId, userId: ctx.userId, remindAt: row.remindAt.toISOString() },
});
export const cancelledEvent = (ctx: DomainContext, row: Pick<ReminderRow, "id" | "taskId" | "remindAt">): EventDraft => ({
  topic: TOPICS.reminders,
  type: EVENT_TYPES.reminderCancelled,
  subject: row.id,
  data: { reminderId: row.id, taskId: row.taskId, userId: ctx.userId, remindAt: row.remindAt.toISOString() },
});

/** How far in the past a reminder being set may lie and still fire (at once): clock skew, "remind me now". */
const JUST_PASSED_MS = 60_000;

/** A reminder is armed only when it is in the future and its task is open. */
const armedStatus = (remindAt: Date, task: TaskTiming, now: Date) =>
  task.active && remindAt.getTime() > now.getTime() ? ("pending" as const) : ("cancelled" as const);

/** A reminder being set now is armed even if its time just passed, so it fires at once instead of never. */
const newReminderStatus = (remindAt: Date, task: TaskTiming, now: Date) =>
  armedStatus(remindAt, task, new Date(now.getTime() - JUST_PASSED_MS));

/**
 * Makes the task's reminders match `desired` (when given) and its current due date / open state.
 * Returns the reminder events to write with the change (scheduled / cancelled), so schedulers follow the rows.
 */
export async function syncReminders(
  tx: Executor,
  ctx: DomainContext,
  task: TaskTiming,
  desired?: readonly ReminderInput[],
): Promise<EventDraft[]> {
  const now = ctx.now();
  const existing = await tx.select().from(reminders).where(eq(reminders.taskId, task.id));
  const events: EventDraft[] = [];

  if (desired) {
    const wanted = new Map(desired.map((r) => [reminderKey(r), r]));
    const removed = existing.filter((row) => !wanted.has(reminderKey(row)));
    if (removed.length > 0) {
      await tx.delete(reminders).where(inArray(reminders.id, removed.map((r) => r.id)));
      events.push(...removed.filter((r) => r.status === "pending").map((r) => cancelledEvent(ctx, r)));
    }
    const kept = new Set(existing.map(reminderKey));
    const added = [...wanted.entries()].filter(([key]) => !kept.has(key)).map(([, r]) => r);
    if (added.length > 0) {
      const rows = await tx
        .insert(reminders)
        .values(
          added.map((input) => {
            const remindAt = remindAtFor(input, task.dueAt);
            if ("at" in input && remindAt.getTime() <= now.getTime() - JUST_PASSED_MS) {
              throw new ValidationError("reminders", "the reminder time is in the past");
            }
            return {
              taskId: task.id,
              userId: ctx.userId,
              remindAt,
              minutesBefore: "minutesBefore" in input ? input.minutesBefore : null,
              status: newReminderStatus(remindAt, task, now),
            };
          }),
        )
        .returning();
      events.push(...rows.filter((r) => r.status === "pending").map((r) => scheduledEvent(ctx, r)));
    }
  }

  // Re-derive times and states of the rows that stay: relative ones follow the due date.
  const wantedKeys = desired ? new Set(desired.map(reminderKey)) : undefined;
  const survivors = wantedKeys ? existing.filter((row) => wantedKeys.has(reminderKey(row))) : existing;
  for (const row of survivors) {
    if (row.minutesBefore !== null && !task.dueAt) {
      throw new ValidationError("dueAt", "cannot remove the due date while a reminder is relative to it; remove that reminder too");
    }
    const remindAt = row.minutesBefore !== null && task.dueAt ? new Date(task.dueAt.getTime() - row.minutesBefore * 60_000) : row.remindAt;
    const moved = remindAt.getTime() !== row.remindAt.getTime();
    // A sent reminder stays sent unless its time moved (a new due date deserves a new reminder).
    if (row.status === "sent" && !moved) continue;
    if (row.status === "failed" && !moved) continue;
    // Armed and due this very moment (or being fired): an edit of the task must not cancel it before it goes off.
    if (row.status === "pending" && !moved && task.active) continue;
    const status = armedStatus(remindAt, task, now);
    if (!moved && status === row.status) continue;
    await tx
      .update(reminders)
      .set({ remindAt, status, attempts: moved ? 0 : row.attempts, sentAt: moved ? null : row.sentAt, updatedAt: now })
      .where(eq(reminders.id, row.id));
    if (status === "pending") events.push(scheduledEvent(ctx, { ...row, remindAt }));
    else if (row.status === "pending") events.push(cancelledEvent(ctx, { ...row, remindAt }));
  }
  await recordReceipts(
    tx,
    events
      .filter((e) => e.type === EVENT_TYPES.reminderScheduled)
      .map((e) => {
        const data = e.data as ReminderEventData;
        return { userId: ctx.userId, reminderId: data.reminderId, taskId: task.id, kind: "scheduled" as const, remindAt: new Date(data.remindAt), at: now };
      }),
  );
  return events;
}

/** Relative reminder offsets of a task, carried over to the next occurrence of a series. */
export async function relativeReminderOffsets(db: Executor, taskId: string): Promise<number[]> {
  const rows = await db
    .select({ minutesBefore: reminders.minutesBefore })
    .from(reminders)
    .where(and(eq(reminders.taskId, taskId), isNotNull(reminders.minutesBefore)));
  return rows.flatMap((r) => (r.minutesBefore === null ? [] : [r.minutesBefore]));
}
