import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { processedEvents, reminders } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS } from "@/server/events/catalog";
import { writeEventBatch } from "@/server/events/outbox-writer";

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
  return (await fireReminders(db, [reminderId], options)).get(reminderId) ?? { status: "missing" };
}

/**
 * `fireReminder` for many reminders in one transaction (a minute in which hundreds fall due costs one commit,
 * not hundreds). Returns each id's result.
 */
export async function fireReminders(db: Executor, reminderIds: readonly string[], options: { now?: Date } = {}): Promise<Map<string, FireResult>> {
  const now = options.now ?? new Date();
  const results = new Map<string, FireResult>(reminderIds.map((id) => [id, { status: "missing" }]));
  if (reminderIds.length === 0) return results;
  await db.transaction(async (tx) => {
    // The row locks order this against a concurrent edit of the task (which may move or cancel the reminder);
    // taken in id order so two batches never wait on each other in a cycle.
    const rows = await tx.select().from(reminders).where(inArray(reminders.id, [...reminderIds])).orderBy(asc(reminders.id)).for("update");
    const due: (typeof rows)[number][] = [];
    for (const row of rows) {
      if (row.status !== "pending") results.set(row.id, { status: "not-pending" });
      else if (row.remindAt.getTime() > now.getTime()) results.set(row.id, { status: "not-due", remindAt: row.remindAt });
      else due.push(row);
    }
    if (due.length === 0) return;
    // Claimed (consumer, due key) pairs are the ones not fired yet at this remind time; a repeat is a duplicate.
    const claimed = await tx
      .insert(processedEvents)
      .values(due.map((row) => ({ consumer: REMINDER_DUE_CONSUMER, eventId: dueKey(row.id, row.remindAt) })))
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    const claimedKeys = new Set(claimed.map((c) => c.eventId));
    const firing = due.filter((row) => claimedKeys.has(dueKey(row.id, row.remindAt)));
    for (const row of due) if (!claimedKeys.has(dueKey(row.id, row.remindAt))) results.set(row.id, { status: "duplicate" });
    const events = await writeEventBatch(
      tx,
      firing.map((row) => ({
        ctx: { userId: row.userId, source: REMINDERS_SOURCE, correlationId: randomUUID(), now: () => now },
        draft: {
          topic: TOPICS.reminders,
          type: EVENT_TYPES.reminderDue,
          subject: row.id,
          data: { reminderId: row.id, taskId: row.taskId, userId: row.userId, remindAt: row.remindAt.toISOString() },
        },
      })),
    );
    firing.forEach((row, i) => results.set(row.id, { status: "fired", eventId: events[i]!.id, remindAt: row.remindAt }));
  });
  return results;
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
