import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { notifications, reminders, tasks, users } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS, type ReminderEventData } from "@/server/events/catalog";
import { writeEvents, type EventDraft } from "@/server/events/outbox-writer";
import type { DomainContext } from "./context";
import { NotFoundError, ValidationError } from "./errors";
import { quietHoursEnd, quietHoursOf } from "./quiet-hours";
import { recordReceipts } from "./reminder-receipts";

export const NOTIFICATIONS_SOURCE = "cadence/notifications";
/** Deliveries of one reminder that may fail before it is given up as `failed`. */
export const MAX_REMINDER_ATTEMPTS = 5;

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  taskId: string | null;
  reminderId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

const notificationColumns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  taskId: notifications.taskId,
  reminderId: notifications.reminderId,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

// ---- delivering a due reminder -------------------------------------------------------------

export type DeliveryResult =
  | { status: "delivered"; notificationId: string }
  | { status: "held"; until: Date }
  | { status: "skipped"; reason: "not-pending" | "moved" | "missing" };

const dueFormats = new Map<string, Intl.DateTimeFormat>();
/** Building a formatter costs far more than formatting (a busy minute formats hundreds): one per zone. */
function dueFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dueFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
    dueFormats.set(timeZone, format);
  }
  return format;
}

/** "Due now", "Due in 1 h 30 min", or the due time in the user's zone when it is further away or past. */
export function reminderBody(dueAt: Date | null, now: Date, timeZone: string): string {
  if (!dueAt) return "Reminder";
  const minutes = Math.round((dueAt.getTime() - now.getTime()) / 60_000);
  if (Math.abs(minutes) < 1) return "Due now";
  if (minutes > 0 && minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `Due in ${[h > 0 ? `${h} h` : "", m > 0 ? `${m} min` : ""].filter(Boolean).join(" ")}`;
  }
  const when = dueFormat(timeZone).format(dueAt);
  return minutes > 0 ? `Due ${when}` : `Was due ${when}`;
}

/**
 * Turns a `reminder.due` into a notification, in the caller's transaction: only while the reminder is still
 * pending at the time the event names (a moved or cancelled reminder is skipped), so it is sent once.
 */
export async function deliverReminderNotification(tx: Executor, due: ReminderEventData, options: { now?: Date; correlationId?: string } = {}): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const [row] = await tx
    .select({ reminder: reminders, title: tasks.title, dueAt: tasks.dueAt, timeZone: users.timeZone })
    .from(reminders)
    .innerJoin(tasks, eq(tasks.id, reminders.taskId))
    .innerJoin(users, eq(users.id, reminders.userId))
    .where(eq(reminders.id, due.reminderId))
    .for("update", { of: reminders });
  if (!row) return { status: "skipped", reason: "missing" };
  const { reminder } = row;
  if (reminder.status !== "pending") return { status: "skipped", reason: "not-pending" };
  if (reminder.remindAt.getTime() !== new Date(due.remindAt).getTime()) return { status: "skipped", reason: "moved" };
  const ctx = { userId: reminder.userId, source: NOTIFICATIONS_SOURCE, correlationId: options.correlationId ?? randomUUID(), now: () => now };

  // Inside the user's quiet hours: the reminder waits (as an absolute time) until they end, marked as held.
  const holdUntil = quietHoursEnd(await quietHoursOf(tx, reminder.userId), now, row.timeZone);
  if (holdUntil) {
    const held = { ...reminder, remindAt: holdUntil };
    await tx
      .update(reminders)
      .set({ remindAt: holdUntil, minutesBefore: null, heldFrom: reminder.heldFrom ?? reminder.remindAt, updatedAt: now })
      .where(eq(reminders.id, reminder.id));
    await recordReceipts(tx, [
      { userId: reminder.userId, reminderId: reminder.id, taskId: reminder.taskId, kind: "held", remindAt: holdUntil, detail: "quiet hours", at: now },
    ]);
    await writeEvents(tx, ctx, [{ topic: TOPICS.reminders, type: EVENT_TYPES.reminderScheduled, subject: reminder.id, data: reminderData(held) }]);
    return { status: "held", until: holdUntil };
  }

  const [created] = await tx
    .insert(notifications)
    .values({
      userId: reminder.userId,
      kind: "reminder",
      reminderId: reminder.id,
      taskId: reminder.taskId,
      title: row.title,
      body: reminder.heldFrom ? `${reminderBody(row.dueAt, now, row.timeZone)} · held during quiet hours` : reminderBody(row.dueAt, now, row.timeZone),
      createdAt: now,
    })
    .returning({ id: notifications.id });
  const notificationId = created!.id;
  await tx.update(reminders).set({ status: "sent", sentAt: now, updatedAt: now }).where(eq(reminders.id, reminder.id));
  await recordReceipts(tx, [
    { userId: reminder.userId, reminderId: reminder.id, taskId: reminder.taskId, kind: "sent", remindAt: reminder.remindAt, detail: reminder.heldFrom ? "in the app, held by quiet hours" : "in the app", at: now },
  ]);
  await writeEvents(tx, ctx, [
    { topic: TOPICS.reminders, type: EVENT_TYPES.reminderSent, subject: reminder.id, data: { ...reminderData(reminder), notificationId } },
    notificationNotice("created", notificationId),
  ]);
  return { status: "delivered", notificationId };
}

const reminderData = (r: typeof reminders.$inferSelect): ReminderEventData => ({
  reminderId: r.id,
  taskId: r.taskId,
  userId: r.userId,
  remindAt: r.remindAt.toISOString(),
});

const notificationNotice = (action: string, id: string): EventDraft => ({
  topic: TOPICS.taskUpdates,
  type: EVENT_TYPES.syncNotice,
  subject: id,
  data: { entity: "notification", action, id },
});

/**
 * Counts a failed delivery attempt (in its own transaction, since the failed one rolled back).
 * After MAX_REMINDER_ATTEMPTS the still-pending reminder becomes `failed` with the last error and a
 * `reminder.failed` event; returns whether it was given up.
 */
export async function recordReminderDeliveryFailure(db: Executor, reminderId: string, error: string, options: { now?: Date; maxAttempts?: number } = {}): Promise<{ attempts: number; failed: boolean }> {
  const now = options.now ?? new Date();
  const max = options.maxAttempts ?? MAX_REMINDER_ATTEMPTS;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(reminders)
      .set({ attempts: sql`${reminders.attempts} + 1`, lastError: error.slice(0, 2000), updatedAt: now })
      .where(and(eq(reminders.id, reminderId), eq(reminders.status, "pending")))
      .returning();
    if (!row) return { attempts: 0, failed: false };
    if (row.attempts < max) return { attempts: row.attempts, failed: false };
    await tx.update(reminders).set({ status: "failed" }).where(eq(reminders.id, reminderId));
    const ctx = { userId: row.userId, source: NOTIFICATIONS_SOURCE, correlationId: randomUUID(), now: () => now };
    await writeEvents(tx, ctx, [{ topic: TOPICS.reminders, type: EVENT_TYPES.reminderFailed, subject: row.id, data: reminderData(row) }]);
    return { attempts: row.attempts, failed: true };
  });
}

// ---- the user's notification list -----------------------------------------------------------

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.uuid() });

export const notificationListInput = z
  .object({
    unreadOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(100, "must be at most 100").default(20),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type NotificationListInput = z.input<typeof notificationListInput>;

export const markNotificationsReadInput = z
  .object({ ids: z.array(z.uuid({ message: "must be a valid id" })).min(1).max(100, "at most 100 at once").optional() })
  .strict();
export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadInput>;

function encodeCursor(item: NotificationView): string {
  return Buffer.from(JSON.stringify({ t: item.createdAt.toISOString(), id: item.id })).toString("base64url");
}

function decodeCursor(cursor: string): { t: Date; id: string } {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { t: new Date(parsed.t), id: parsed.id };
  } catch {
    throw new ValidationError("cursor", "is not a cursor returned by a previous page");
  }
}

async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Newest first, keyset-paginated, with the number of unread notifications for the badge. */
export async function listNotifications(ctx: DomainContext, rawInput: NotificationListInput = {}) {
  const input = notificationListInput.parse(rawInput);
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await ctx.db
    .select(notificationColumns)
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, ctx.userId),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
        after ? or(lt(notifications.createdAt, after.t), and(eq(notifications.createdAt, after.t), lt(notifications.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit + 1);
  const items: NotificationView[] = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    items,
    unreadCount: await unreadCount(ctx.db, ctx.userId),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

/** Marks the given notifications (or all of the user's) read; another user's id is NotFound. */
export async function markNotificationsRead(ctx: DomainContext, rawInput: MarkNotificationsReadInput = {}) {
  const input = markNotificationsReadInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const ids = input.ids ? [...new Set(input.ids)] : undefined;
    if (ids) {
      const owned = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, ctx.userId), inArray(notifications.id, ids)));
      const ownedIds = new Set(owned.map((r) => r.id));
      const foreign = ids.find((id) => !ownedIds.has(id));
      if (foreign) throw new NotFoundError("notification", foreign);
    }
    const updated = await tx
      .update(notifications)
      .set({ readAt: ctx.now() })
      .where(and(eq(notifications.userId, ctx.userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
      .returning({ id: notifications.id });
    // Other open tabs of the user update their badge from this notice.
    if (updated.length > 0) {
      const notices = ids ? updated.map((r) => notificationNotice("read", r.id)) : [notificationNotice("read-all", "all")];
      await writeEvents(tx, ctx, notices);
    }
    return { updated: updated.length, unreadCount: await unreadCount(tx, ctx.userId) };
  });
}
