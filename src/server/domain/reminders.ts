import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { reminders } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS } from "@/server/events/catalog";
import { processOnce } from "@/server/events/consumer";
import { writeEvents } from "@/server/events/outbox-writer";

/**
 * Firing reminders. The reminder row stays `pending` until the notifications worker marks it `sent`;
 * that `reminder.due` was already emitted for a given (reminder, remind time) is recorded in
 * processed_events, so a repeated wake-up (duplicate job trigger, restart, reconciliation) is a no-op,
 * while a reminder whose time moved can fire again at its new time.
 */
export const REMINDER_DUE_CONSUMER = "reminders/due";
export const REMINDERS_SOURCE = "cadence/reminders";

export const dueKey = (reminderId: string, remindAt: Date) => `${reminderId}:${remindAt.getTime()}`;

/** SQL twin of `dueKey` (remind_at holds whole milliseconds: it always comes from a JS Date). */
const dueKeySql = sql`${reminders.id}::text || ':' || floor(extract(epoch from ${reminders.remindAt}) * 1000)::bigint::text`;

/** Pending reminders whose `reminder.due` was not emitted yet: the ones a scheduler must keep a wake-up for. */
const unfired: SQL = and(
  eq(reminders.status, "pending"),
  sql`NOT EXISTS (SELECT 1 FROM processed_events pe WHERE pe.consumer = ${REMINDER_DUE_CONSUMER} AND pe.event_id = ${dueKeySql})`,
)!;

export interface ReminderWakeUp {
  id: string;
  remindAt: Date;
}

export type FireResult =
  | { status: "fired"; eventId: string; remindAt: Date }
  | { status: "duplicate" }
  | { status: "not-pending" }
  | { status: "not-due"; remindAt: Date }
  | { status: "missing" };

/** Emits `reminder.due` for a pending reminder whose time has come, at most once per remind time. */
export async function fireReminder(db: Executor, reminderId: string, options: { now?: Date } = {}): Promise<FireResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx): Promise<FireResult> => {
    // The row lock orders this against a concurrent edit of the task (which may move or cancel the reminder).
    const [row] = await tx.select().from(reminders).where(eq(reminders.id, reminderId)).for("update");
    if (!row) return { status: "missing" };
    if (row.status !== "pending") return { status: "not-pending" };
    if (row.remindAt.getTime() > now.getTime()) return { status: "not-due", remindAt: row.remindAt };
    const claimed = await processOnce(tx, REMINDER_DUE_CONSUMER, dueKey(row.id, row.remindAt), async (inner) => {
      const ctx = { userId: row.userId, source: REMINDERS_SOURCE, correlationId: randomUUID(), now: () => now };
      const [event] = await writeEvents(inner, ctx, [
        {
          topic: TOPICS.reminders,
          type: EVENT_TYPES.reminderDue,
          subject: row.id,
          data: { reminderId: row.id, taskId: row.taskId, userId: row.userId, remindAt: row.remindAt.toISOString() },
        },
      ]);
      return event!.id;
    });
    return claimed.duplicate || claimed.result === undefined ? { status: "duplicate" } : { status: "fired", eventId: claimed.result, remindAt: row.remindAt };
  });
}

/** The wake-up a reminder still needs, or null when it is not pending or was already fired at its time. */
export async function reminderWakeUp(db: Executor, reminderId: string): Promise<ReminderWakeUp | null> {
  const [row] = await db
    .select({ id: reminders.id, remindAt: reminders.remindAt })
    .from(reminders)
    .where(and(eq(reminders.id, reminderId), unfired));
  return row ?? null;
}

/** The earliest reminder that still needs a wake-up (served by reminders_pending_due_idx). */
export async function nextUnfiredReminder(db: Executor): Promise<ReminderWakeUp | null> {
  const [row] = await db
    .select({ id: reminders.id, remindAt: reminders.remindAt })
    .from(reminders)
    .where(unfired)
    .orderBy(asc(reminders.remindAt), asc(reminders.id))
    .limit(1);
  return row ?? null;
}

/**
 * Unfired pending reminders in time order, one page at a time (keyset on remind time and id);
 * `until` limits the page to reminders due by then.
 */
export async function unfiredReminders(
  db: Executor,
  options: { after?: ReminderWakeUp; until?: Date; limit?: number } = {},
): Promise<ReminderWakeUp[]> {
  const { after, until } = options;
  return db
    .select({ id: reminders.id, remindAt: reminders.remindAt })
    .from(reminders)
    .where(
      and(
        unfired,
        until ? lte(reminders.remindAt, until) : undefined,
        after
          ? or(gt(reminders.remindAt, after.remindAt), and(eq(reminders.remindAt, after.remindAt), gt(reminders.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(reminders.remindAt), asc(reminders.id))
    .limit(options.limit ?? 500);
}
