import { TZDate } from "@date-fns/tz";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { notifications, reminders, tasks, users } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS } from "@/server/events/catalog";
import { recordActivityWithEvents } from "./activity";
import type { DomainContext } from "./context";
import { NotFoundError, ValidationError } from "./errors";
import { recordReceipts } from "./reminder-receipts";
import { loadTaskWithSnapshot } from "./undo/snapshots";

export const SNOOZE_CHOICES = ["5m", "1h", "tomorrow"] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];
/** "Tomorrow morning" is this local time on the next day in the user's zone. */
export const TOMORROW_MORNING_HOUR = 9;

export const snoozeInput = z
  .object({
    reminderId: z.uuid({ message: "must be a valid id" }).optional(),
    /** Instead of a reminder: the task's latest reminder (what the assistant knows about). */
    taskId: z.uuid({ message: "must be a valid id" }).optional(),
    snooze: z.union([z.enum(SNOOZE_CHOICES), z.object({ at: z.coerce.date({ message: "must be a date and time" }) }).strict()]),
  })
  .strict()
  .refine((v) => Boolean(v.reminderId) !== Boolean(v.taskId), { message: "give either reminderId or taskId", path: ["reminderId"] });
export type SnoozeInput = z.input<typeof snoozeInput>;

/**
 * Where a snooze moves a reminder. Snoozing means "later": 5 min and 1 h count from when the reminder goes off, or
 * from now once that has passed, so a reminder that has not gone off yet is pushed back, never brought forward.
 */
export function snoozeTarget(choice: z.output<typeof snoozeInput>["snooze"], now: Date, timeZone: string, dueAt: Date = now): Date {
  const from = Math.max(now.getTime(), dueAt.getTime());
  if (choice === "5m") return new Date(from + 5 * 60_000);
  if (choice === "1h") return new Date(from + 60 * 60_000);
  if (choice === "tomorrow") {
    const local = new TZDate(now.getTime(), timeZone);
    return new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, TOMORROW_MORNING_HOUR, 0, 0, 0, timeZone).getTime());
  }
  return choice.at;
}

export interface SnoozeResult {
  reminderId: string;
  taskId: string;
  taskTitle: string;
  remindAt: Date;
}

/**
 * Moves a reminder to a later time and arms it again (pending, absolute time). Any reminder of an open task can be
 * snoozed, sent or not; the in-app notification it produced is marked read. Scoped to `ctx.userId`. The snooze is
 * an activity entry of its task (exact before/after), so it shows in the task's history and can be undone.
 */
export async function snoozeReminder(ctx: DomainContext, raw: SnoozeInput, deviceName: string | null = null): Promise<SnoozeResult> {
  const input = snoozeInput.parse(raw);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ reminder: reminders, title: tasks.title, completed: tasks.completed, deletedAt: tasks.deletedAt, timeZone: users.timeZone })
      .from(reminders)
      .innerJoin(tasks, eq(tasks.id, reminders.taskId))
      .innerJoin(users, eq(users.id, reminders.userId))
      .where(
        and(
          eq(reminders.userId, ctx.userId),
          input.reminderId ? eq(reminders.id, input.reminderId) : eq(reminders.taskId, input.taskId!),
          input.taskId ? inArray(reminders.status, ["sent", "pending"]) : undefined,
        ),
      )
      .orderBy(desc(reminders.remindAt))
      .limit(1)
      .for("update", { of: reminders });
    if (!row) throw input.reminderId ? new NotFoundError("reminder", input.reminderId) : new NotFoundError("reminder");
    if (row.deletedAt || row.completed) throw new ValidationError("reminderId", "the task is completed or deleted; reopen it to be reminded");
    const { reminder } = row;
    const notYetDue = reminder.status === "pending" ? reminder.remindAt : now;
    const remindAt = snoozeTarget(input.snooze, now, row.timeZone, notYetDue);
    if (remindAt.getTime() <= now.getTime()) throw new ValidationError("snooze", "must be a time in the future");
    if (remindAt.getTime() <= notYetDue.getTime()) {
      const goesOff = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: row.timeZone }).format(notYetDue);
      throw new ValidationError("snooze", `must be later than ${goesOff}, when this reminder goes off; snoozing never brings a reminder forward`);
    }
    const before = await loadTaskWithSnapshot(tx, ctx.userId, reminder.taskId);
    await tx
      .update(reminders)
      .set({ remindAt, minutesBefore: null, status: "pending", sentAt: null, attempts: 0, lastError: null, heldFrom: null, updatedAt: now })
      .where(eq(reminders.id, reminder.id));
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.reminderId, reminder.id), eq(notifications.userId, ctx.userId), isNull(notifications.readAt)));
    await recordReceipts(tx, [
      { userId: ctx.userId, reminderId: reminder.id, taskId: reminder.taskId, kind: "snoozed", remindAt, deviceName, at: now },
    ]);
    const after = await loadTaskWithSnapshot(tx, ctx.userId, reminder.taskId);
    await recordActivityWithEvents(
      tx,
      ctx,
      before && after
        ? {
            entityType: "task",
            entityId: reminder.taskId,
            action: "snoozed",
            oldValues: { title: row.title, remindAt: reminder.remindAt.toISOString() },
            newValues: { title: row.title, remindAt: remindAt.toISOString() },
            changes: [{ entityType: "task", entityId: reminder.taskId, before: before.snapshot, after: after.snapshot }],
          }
        : null,
      [
        {
          topic: TOPICS.reminders,
          type: EVENT_TYPES.reminderScheduled,
          subject: reminder.id,
          data: { reminderId: reminder.id, taskId: reminder.taskId, userId: ctx.userId, remindAt: remindAt.toISOString() },
        },
        { topic: TOPICS.taskUpdates, type: EVENT_TYPES.syncNotice, subject: reminder.taskId, data: { entity: "notification", action: "snoozed", id: reminder.id } },
      ],
    );
    return { reminderId: reminder.id, taskId: reminder.taskId, taskTitle: row.title, remindAt };
  });
}
