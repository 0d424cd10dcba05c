import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, reminders } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { NotFoundError } from "@/server/domain/errors";
import { listNotifications, markNotificationsRead } from "@/server/domain/notifications";
import { fireReminder } from "@/server/domain/reminders";
import { createTask, getTask, updateTask } from "@/server/domain/tasks";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { WorkerServices } from "@/server/events/worker-types";
import { notificationsWorker } from "@workers/notifications";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { deliver, lastEvent, outboxEvents, subscription, workerServices } from "./worker-helpers";

let db: TestDatabase;
let services: WorkerServices;
const reminderDue = subscription(notificationsWorker, "reminder-due");

beforeAll(async () => {
  db = await createTestDatabase();
  services = workerServices(db.handle);
});
afterAll(() => db.drop());

/** A user whose reminders were set a while ago, so one "60 minutes before" a due date an hour ahead is due now. */
async function userSettingRemindersEarlier() {
  const earlier = new Date(Date.now() - 10 * 60_000);
  return createTestUser(db.handle, { now: () => earlier });
}

/** A task due in an hour with a reminder 60 minutes before; fires the reminder and returns its due event. */
async function dueReminder(ctx: DomainContext, title = "Submit the report") {
  const task = await createTask(ctx, { title, dueAt: new Date(Date.now() + 3_600_000), reminders: [{ minutesBefore: 60 }] });
  const [row] = await db.handle.db.select().from(reminders).where(eq(reminders.taskId, task.id));
  const fired = await fireReminder(db.handle.db, row!.id);
  expect(fired.status).toBe("fired");
  return { task, reminderId: row!.id, event: await lastEvent(db.handle, EVENT_TYPES.reminderDue, row!.id) };
}

async function reminderRow(id: string) {
  const [row] = await db.handle.db.select().from(reminders).where(eq(reminders.id, id));
  return row!;
}

describe("notifications worker", () => {
  it("turns reminder.due into one notification and marks the reminder sent once, however often delivered", async () => {
    const ctx = await userSettingRemindersEarlier();
    const { task, reminderId, event } = await dueReminder(ctx);

    await deliver(reminderDue, event, services);
    await Promise.all([deliver(reminderDue, event, services), deliver(reminderDue, event, services)]);

    const { items, unreadCount } = await listNotifications(ctx);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "Submit the report", body: "Due in 1 h", taskId: task.id, reminderId, readAt: null });
    expect(unreadCount).toBe(1);
    const row = await reminderRow(reminderId);
    expect(row.status).toBe("sent");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect((await getTask(ctx, task.id)).reminders.map((r) => r.status)).toEqual(["sent"]);
    expect(await outboxEvents(db.handle, { type: EVENT_TYPES.reminderSent, subject: reminderId })).toHaveLength(1);
    const notices = await outboxEvents(db.handle, { type: EVENT_TYPES.syncNotice, subject: items[0]!.id });
    expect(notices.map((n) => n.data)).toEqual([{ entity: "notification", action: "created", id: items[0]!.id }]);
    expect(notices[0]?.userid).toBe(ctx.userId);
  });

  it("sends nothing for a reminder whose time moved after it fell due", async () => {
    const ctx = await userSettingRemindersEarlier();
    const { task, reminderId, event } = await dueReminder(ctx);
    await updateTask(ctx, { id: task.id, version: task.version, dueAt: new Date(Date.now() + 7_200_000) });

    await deliver(reminderDue, event, services);

    expect((await listNotifications(ctx)).items).toEqual([]);
    expect((await reminderRow(reminderId)).status).toBe("pending");
  });

  it("retries a failing delivery and gives the reminder up as failed after five attempts", async () => {
    await db.handle.db.execute(sql`
      CREATE FUNCTION refuse_unlucky() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'notification store unavailable'; END $$`);
    await db.handle.db.execute(sql`
      CREATE TRIGGER refuse_unlucky BEFORE INSERT ON notifications
      FOR EACH ROW WHEN (NEW.title = 'Unlucky task') EXECUTE FUNCTION refuse_unlucky()`);
    try {
      const ctx = await userSettingRemindersEarlier();
      const { reminderId, event } = await dueReminder(ctx, "Unlucky task");
      for (let attempt = 1; attempt < 5; attempt += 1) {
        await expect(deliver(reminderDue, event, services)).rejects.toThrow(/insert into "notifications"/);
        expect(await reminderRow(reminderId)).toMatchObject({ status: "pending", attempts: attempt });
      }
      expect(await deliver(reminderDue, event, services)).toBe("drop");
      expect(await reminderRow(reminderId)).toMatchObject({
        status: "failed",
        attempts: 5,
        lastError: expect.stringContaining("notification store unavailable"),
      });
      expect(await outboxEvents(db.handle, { type: EVENT_TYPES.reminderFailed, subject: reminderId })).toHaveLength(1);
      expect((await listNotifications(ctx)).items).toEqual([]);
    } finally {
      await db.handle.db.execute(sql`DROP TRIGGER refuse_unlucky ON notifications`);
      await db.handle.db.execute(sql`DROP FUNCTION refuse_unlucky()`);
    }
  });
});

describe("notification list", () => {
  it("pages newest first, counts unread, marks read, and keeps users apart", async () => {
    const ctx = await userSettingRemindersEarlier();
    const other = await createTestUser(db.handle);
    for (const title of ["First", "Second", "Third"]) {
      await deliver(reminderDue, (await dueReminder(ctx, title)).event, services);
    }

    const page1 = await listNotifications(ctx, { limit: 2 });
    expect(page1.items.map((n) => n.title)).toEqual(["Third", "Second"]);
    expect(page1.unreadCount).toBe(3);
    const page2 = await listNotifications(ctx, { limit: 2, cursor: page1.nextCursor! });
    expect(page2.items.map((n) => n.title)).toEqual(["First"]);
    expect(page2.nextCursor).toBeNull();

    const [third] = page1.items;
    expect(await markNotificationsRead(ctx, { ids: [third!.id] })).toEqual({ updated: 1, unreadCount: 2 });
    expect((await listNotifications(ctx, { unreadOnly: true })).items.map((n) => n.title)).toEqual(["Second", "First"]);

    // Another user neither sees nor changes them.
    expect(await listNotifications(other)).toEqual({ items: [], unreadCount: 0, nextCursor: null });
    await expect(markNotificationsRead(other, { ids: [page2.items[0]!.id] })).rejects.toBeInstanceOf(NotFoundError);
    expect(await markNotificationsRead(other)).toEqual({ updated: 0, unreadCount: 0 });
    expect((await listNotifications(ctx)).unreadCount).toBe(2);

    expect(await markNotificationsRead(ctx)).toEqual({ updated: 2, unreadCount: 0 });
    const rows = await db.handle.db.select().from(notifications).where(eq(notifications.userId, ctx.userId));
    expect(rows.every((row) => row.readAt !== null)).toBe(true);
  });
});
