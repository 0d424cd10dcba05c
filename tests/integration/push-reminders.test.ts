import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushSubscriptions, reminders } from "@/server/db/schema";
import { deliverReminderNotification } from "@/server/domain/notifications";
import { handlePushReceipt } from "@/server/domain/push/receipts";
import { listDevices, removeDevice, subscribePush } from "@/server/domain/push/subscriptions";
import { vapidKeys } from "@/server/domain/push/vapid";
import { setQuietHours } from "@/server/domain/quiet-hours";
import { listReminderReceipts } from "@/server/domain/reminder-receipts";
import { fireReminder } from "@/server/domain/reminders";
import { snoozeReminder } from "@/server/domain/snooze";
import { createTask } from "@/server/domain/tasks";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport, type EmbeddedTransport } from "@/server/events/transports/embedded";
import type { WorkerServices } from "@/server/events/worker-types";
import { runEmbedded, type EmbeddedWorkers } from "@workers/host/embedded";
import { notificationsWorker } from "@workers/notifications";
import { createRemindersWorker } from "@workers/reminders";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { startPushServiceDouble, type PushServiceDouble } from "../support/push-double";
import { reportPushLoad, seedPushLoad } from "../support/push-double/scenario";
import { silentLog } from "./relay-helpers";
import { waitFor, workerServices } from "./worker-helpers";

/** Reminders through the real embedded path (outbox → transport → reminders and notifications workers) to a push service double. */
let db: TestDatabase;
let services: WorkerServices;
let transport: EmbeddedTransport;
let relay: OutboxRelay;
let workers: EmbeddedWorkers;
let push: PushServiceDouble;

beforeAll(async () => {
  db = await createTestDatabase();
  push = await startPushServiceDouble();
  services = workerServices(db.handle);
  transport = createEmbeddedTransport({ db: db.handle.db, log: silentLog, initialDelayMs: 10, maxDelayMs: 100 });
  workers = await runEmbedded([createRemindersWorker(), notificationsWorker], services, transport);
  relay = await startOutboxRelay({ db: db.handle, transport, log: silentLog, sweepIntervalMs: 100 });
});

afterAll(async () => {
  await relay.stop();
  await workers.stop();
  await transport.close();
  await push.close();
  await db.drop();
});

const payloadOf = (plaintext: string) => JSON.parse(plaintext) as { title: string; body: string; reminderId: string; taskId: string; held: boolean; subscriptionId: string; token: string };

describe("Web Push reminders", () => {
  it("reaches every device of the person, encrypted for each and signed with the server's VAPID key; receipts land in the task's history", async () => {
    const ctx = await createTestUser(db.handle);
    const laptop = push.createDevice();
    const phone = push.createDevice();
    await subscribePush(ctx, { ...laptop.subscription, deviceName: "Laptop" }, { allowHttpLoopback: true });
    await subscribePush(ctx, { ...phone.subscription, deviceName: "Phone" }, { allowHttpLoopback: true });

    const task = await createTask(ctx, { title: "Call the plumber", dueAt: new Date(Date.now() + 3_600_000), reminders: [{ at: new Date(Date.now() + 1_500) }] });
    const pushes = await waitFor(() => push.received.filter((p) => payloadOf(p.plaintext).taskId === task.id), (list) => list.length === 2);

    expect(new Set(pushes.map((p) => p.deviceId))).toEqual(new Set([laptop.id, phone.id]));
    for (const p of pushes) {
      expect(payloadOf(p.plaintext)).toMatchObject({ title: "Call the plumber", body: "Due in 1 h", held: false });
      expect(p.vapidPublicKey).toBe(vapidKeys(services.env)!.publicKey);
      expect(p.urgency).toBe("high");
    }
    expect(push.rejected).toEqual([]);

    const receipts = await waitFor(() => listReminderReceipts(ctx, { taskId: task.id }), (list) => list.filter((r) => r.kind === "sent").length === 3);
    expect(receipts.map((r) => [r.kind, r.deviceName]).sort()).toEqual([["scheduled", null], ["sent", "Laptop"], ["sent", "Phone"], ["sent", null]].sort());

    // The phone reports the notification shown, then its "Snooze 1 h" button; a forged token is refused.
    const fromPhone = payloadOf(pushes.find((p) => p.deviceId === phone.id)!.plaintext);
    const keys = vapidKeys(services.env)!;
    expect(await handlePushReceipt(db.handle.db, keys, { reminderId: fromPhone.reminderId, subscriptionId: fromPhone.subscriptionId, token: fromPhone.token, event: "shown" })).toEqual({ status: "recorded" });
    expect(await handlePushReceipt(db.handle.db, keys, { reminderId: fromPhone.reminderId, subscriptionId: fromPhone.subscriptionId, token: "x".repeat(43), event: "clicked" })).toEqual({ status: "forbidden" });
    const before = Date.now();
    const snoozed = await handlePushReceipt(db.handle.db, keys, { reminderId: fromPhone.reminderId, subscriptionId: fromPhone.subscriptionId, token: fromPhone.token, event: "snooze", snooze: "1h" });
    expect(snoozed.status).toBe("snoozed");
    const [row] = await db.handle.db.select().from(reminders).where(eq(reminders.id, fromPhone.reminderId));
    expect(row!.status).toBe("pending");
    expect(row!.remindAt.getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    const history = await listReminderReceipts(ctx, { taskId: task.id });
    expect(history.slice(0, 2).map((r) => [r.kind, r.deviceName])).toEqual([["snoozed", "Phone"], ["shown", "Phone"]]);
  });

  it("removes a device the push service says is gone (410) and still delivers to the others", async () => {
    const ctx = await createTestUser(db.handle);
    const old = push.createDevice();
    const current = push.createDevice();
    await subscribePush(ctx, { ...old.subscription, deviceName: "Old phone" }, { allowHttpLoopback: true });
    await subscribePush(ctx, { ...current.subscription, deviceName: "New phone" }, { allowHttpLoopback: true });
    push.setStatus(old.id, "gone");

    const task = await createTask(ctx, { title: "Renew insurance", dueAt: new Date(Date.now() + 3_600_000), reminders: [{ at: new Date(Date.now() + 1_000) }] });
    await waitFor(() => push.received.filter((p) => payloadOf(p.plaintext).taskId === task.id), (list) => list.length === 1);
    const devices = await waitFor(() => listDevices(ctx), (list) => list.length === 1);
    expect(devices.map((d) => d.deviceName)).toEqual(["New phone"]);
  });

  it("lists and removes devices per user; another user's device is not found", async () => {
    const ana = await createTestUser(db.handle);
    const bo = await createTestUser(db.handle);
    const device = await subscribePush(ana, { ...push.createDevice().subscription, deviceName: "Ana's laptop" }, { allowHttpLoopback: true });
    await expect(removeDevice(bo, { id: device.id })).rejects.toThrow(/not found/);
    await expect(subscribePush(ana, { ...push.createDevice().subscription }, { allowHttpLoopback: false })).rejects.toThrow(/https/);
    await removeDevice(ana, { id: device.id });
    expect(await listDevices(ana)).toEqual([]);
    const rows = await db.handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, ana.userId));
    expect(rows).toEqual([]);
  });

  it("holds a reminder due in quiet hours (in the user's zone) until they end, then sends it marked held", async () => {
    // 23:30 in Tokyo, quiet 22:00–07:00: held until 07:00 Tokyo time.
    const at = new Date("2031-12-01T14:30:00Z"); // far ahead: the running workers must not fire it on their own
    const ctx = await createTestUser(db.handle, { timeZone: "Asia/Tokyo", now: () => new Date(at.getTime() - 3_600_000) });
    await setQuietHours(ctx, { quietHours: { start: "22:00", end: "07:00" } });
    const task = await createTask(ctx, { title: "Take out the bins", dueAt: new Date(at.getTime() + 3_600_000), reminders: [{ at }] });
    const [reminder] = await db.handle.db.select().from(reminders).where(eq(reminders.taskId, task.id));
    const due = { reminderId: reminder!.id, taskId: task.id, userId: ctx.userId, remindAt: at.toISOString() };

    const held = await db.handle.db.transaction((tx) => deliverReminderNotification(tx, due, { now: at }));
    expect(held).toEqual({ status: "held", until: new Date("2031-12-01T22:00:00Z") });
    const [waiting] = await db.handle.db.select().from(reminders).where(eq(reminders.id, reminder!.id));
    expect(waiting).toMatchObject({ status: "pending", remindAt: new Date("2031-12-01T22:00:00Z"), heldFrom: at });

    const end = new Date("2031-12-01T22:00:00Z");
    expect((await fireReminder(db.handle.db, reminder!.id, { now: end })).status).toBe("fired");
    const sent = await db.handle.db.transaction((tx) => deliverReminderNotification(tx, { ...due, remindAt: end.toISOString() }, { now: end }));
    expect(sent.status).toBe("delivered");
    const receipts = await listReminderReceipts(ctx, { taskId: task.id });
    expect(receipts.map((r) => r.kind)).toEqual(expect.arrayContaining(["scheduled", "held", "sent"]));
    expect(receipts.find((r) => r.kind === "sent")!.detail).toMatch(/held/);
  });

  it("snoozes a reminder that went off for 5 min, 1 h, tomorrow morning (09:00 in the user's zone) or a chosen time; not into the past", async () => {
    // Years ahead, so the running reminders worker never fires these on the real clock.
    let now = new Date("2031-12-01T19:50:00Z");
    const ctx = await createTestUser(db.handle, { timeZone: "America/New_York", now: () => now });
    const task = await createTask(ctx, { title: "Book flights", dueAt: new Date("2031-12-01T21:00:00Z"), reminders: [{ at: new Date("2031-12-01T20:00:00Z") }] });
    const [reminder] = await db.handle.db.select().from(reminders).where(eq(reminders.taskId, task.id));
    now = new Date("2031-12-01T20:00:00Z");
    expect((await fireReminder(db.handle.db, reminder!.id, { now })).status).toBe("fired");
    expect((await snoozeReminder(ctx, { taskId: task.id, snooze: "5m" })).remindAt).toEqual(new Date("2031-12-01T20:05:00Z"));
    now = new Date("2031-12-01T20:05:00Z");
    expect((await fireReminder(db.handle.db, reminder!.id, { now })).status).toBe("fired");
    expect((await snoozeReminder(ctx, { taskId: task.id, snooze: "1h" })).remindAt).toEqual(new Date("2031-12-01T21:05:00Z"));
    expect((await snoozeReminder(ctx, { taskId: task.id, snooze: "tomorrow" })).remindAt).toEqual(new Date("2031-12-02T14:00:00Z"));
    expect((await snoozeReminder(ctx, { taskId: task.id, snooze: { at: new Date("2031-12-03T12:00:00Z") } })).remindAt).toEqual(new Date("2031-12-03T12:00:00Z"));
    await expect(snoozeReminder(ctx, { taskId: task.id, snooze: { at: new Date("2031-12-01T19:00:00Z") } })).rejects.toThrow(/future/);
    const other = await createTestUser(db.handle);
    await expect(snoozeReminder(other, { taskId: task.id, snooze: "5m" })).rejects.toThrow(/not found/);
  });

  it("snoozing a reminder that has not gone off yet pushes it back from its own time, never brings it forward", async () => {
    const now = new Date("2031-12-01T20:00:00Z");
    const ctx = await createTestUser(db.handle, { timeZone: "America/New_York", now: () => now });
    // Due 22:00 UTC, reminder an hour before: 21:00 UTC (16:00 in New York), not yet gone off at 20:00.
    const task = await createTask(ctx, { title: "Call the bank", dueAt: new Date(now.getTime() + 7_200_000), reminders: [{ minutesBefore: 60 }] });
    expect((await snoozeReminder(ctx, { taskId: task.id, snooze: "5m" })).remindAt).toEqual(new Date("2031-12-01T21:05:00Z"));
    expect((await snoozeReminder(ctx, { taskId: task.id, snooze: "1h" })).remindAt).toEqual(new Date("2031-12-01T22:05:00Z"));
    await expect(snoozeReminder(ctx, { taskId: task.id, snooze: { at: new Date("2031-12-01T21:30:00Z") } })).rejects.toThrow(
      /later than Dec 1, 2031, 5:05\sPM, when this reminder goes off/,
    );
    expect((await snoozeReminder(ctx, { taskId: task.id, snooze: { at: new Date("2031-12-03T12:00:00Z") } })).remindAt).toEqual(new Date("2031-12-03T12:00:00Z"));
    // Tomorrow morning (09:00 New York = 14:00 UTC on the 2nd) is before the 3rd: refused rather than brought forward.
    await expect(snoozeReminder(ctx, { taskId: task.id, snooze: "tomorrow" })).rejects.toThrow(/never brings a reminder forward/);
    const [stored] = await db.handle.db.select().from(reminders).where(eq(reminders.taskId, task.id));
    expect(stored).toMatchObject({ status: "pending", remindAt: new Date("2031-12-03T12:00:00Z") });
  });

  it("100 reminders due in the same minute for 20 users × 2 devices: 200 pushes, each exactly once, none during quiet hours", async () => {
    const plan = { users: 20, devicesPerUser: 2, remindersTotal: 100, quietUsers: 5, timeZones: ["UTC", "Asia/Kolkata", "America/New_York", "Europe/Berlin"] };
    const load = await seedPushLoad(db.handle, push, plan, (timeZone) => createTestUser(db.handle, { timeZone }), { leadMs: 10_000 });
    const expected = plan.remindersTotal * plan.devicesPerUser;
    await waitFor(
      () => reportPushLoad(load, push.received, plan.devicesPerUser),
      (r) => r.received >= expected,
      load.quietEnd.getTime() - Date.now() + 60_000,
    );
    // Anything extra would show up in a moment: give duplicates the chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const report = reportPushLoad(load, push.received, plan.devicesPerUser);
    expect(report).toMatchObject({ expected: 200, received: 200, duplicates: 0, misrouted: 0, duringQuietHours: 0 });
    expect(report.heldLateness).toHaveLength(5 * 5 * 2);
    expect(push.rejected).toEqual([]);
  }, 180_000);
});
