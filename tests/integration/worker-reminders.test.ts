import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { reminders } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { completeTask, createTask } from "@/server/domain/tasks";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { WorkerDefinition, WorkerServices } from "@/server/events/worker-types";
import { serveWithDapr, type DaprWorkerServer } from "@workers/host/dapr-server";
import { createDaprJobsScheduler, createRemindersWorker, reminderJobName } from "@workers/reminders";
import { startDaprDouble, type DaprDouble } from "../support/dapr-double";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { deliver, lastEvent, outboxEvents, subscription, waitFor, workerServices } from "./worker-helpers";

let db: TestDatabase;
let services: WorkerServices;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  services = workerServices(db.handle);
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
afterAll(() => db.drop());

async function startWorker(worker: WorkerDefinition = createRemindersWorker()) {
  const stop = await worker.start!(services);
  stops.push(stop);
  return { worker, stop };
}

/** A task with one absolute reminder; returns the reminder's id. */
async function taskWithReminder(ctx: DomainContext, remindAt: Date, title = "Pay rent") {
  const task = await createTask(ctx, { title, dueAt: new Date(remindAt.getTime() + 3_600_000), reminders: [{ at: remindAt }] });
  const [row] = await db.handle.db.select().from(reminders).where(eq(reminders.taskId, task.id));
  return { taskId: task.id, reminderId: row!.id };
}

const dueEvents = (reminderId: string) => outboxEvents(db.handle, { type: EVENT_TYPES.reminderDue, subject: reminderId });

/** Hands the reminder's latest scheduled/cancelled event to the worker, as the relay would. */
async function deliverLatest(worker: WorkerDefinition, type: string, reminderId: string) {
  await deliver(subscription(worker, "reminder-changes"), await lastEvent(db.handle, type, reminderId), services);
}

describe("reminders worker, embedded durable timer", () => {
  it("fires a reminder due in ~200 ms exactly once", async () => {
    const { worker } = await startWorker();
    // The reminder is set "now" for 200 ms later (a frozen clock, so a slow machine cannot make it past already).
    const setAt = new Date();
    const ctx = await createTestUser(db.handle, { now: () => setAt });
    const { reminderId } = await taskWithReminder(ctx, new Date(setAt.getTime() + 200));
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, reminderId);

    const [due] = await waitFor(() => dueEvents(reminderId), (events) => events.length > 0);
    expect(due).toMatchObject({ userid: ctx.userId, data: { reminderId, userId: ctx.userId } });

    // Later wake-ups (a repeated event, a reconciliation round) find it already fired.
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, reminderId);
    await startWorker();
    expect(await dueEvents(reminderId)).toHaveLength(1);
    // Still pending: only the notifications worker marks it sent.
    const [row] = await db.handle.db.select().from(reminders).where(eq(reminders.id, reminderId));
    expect(row?.status).toBe("pending");
  });

  it("does not fire a reminder cancelled before its time", async () => {
    const { worker } = await startWorker();
    const ctx = await createTestUser(db.handle);
    // Far enough ahead that the cancellation surely happens first, even on a slow machine.
    const cancelled = await taskWithReminder(ctx, new Date(Date.now() + 3_000), "Cancelled");
    const kept = await taskWithReminder(ctx, new Date(Date.now() + 3_500), "Kept");
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, cancelled.reminderId);
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, kept.reminderId);

    await completeTask(ctx, cancelled.taskId);
    await deliverLatest(worker, EVENT_TYPES.reminderCancelled, cancelled.reminderId);

    // The later reminder firing proves the timer passed the cancelled one's time.
    await waitFor(() => dueEvents(kept.reminderId), (events) => events.length === 1);
    expect(await dueEvents(cancelled.reminderId)).toEqual([]);
  });

  it("fires, once, a reminder that fell due while no worker was running", async () => {
    const { stop } = await startWorker();
    await stop();
    stops.length = 0;
    // The reminder was set while its time was still ahead; then the app was down past it.
    const past = new Date(Date.now() - 10 * 60_000);
    const ctx = await createTestUser(db.handle, { now: () => past });
    const { reminderId } = await taskWithReminder(ctx, new Date(Date.now() - 5 * 60_000));
    expect(await dueEvents(reminderId)).toEqual([]);

    await startWorker(); // "restart": start-up reconciliation
    expect(await dueEvents(reminderId)).toHaveLength(1);
    await startWorker(); // and another restart
    expect(await dueEvents(reminderId)).toHaveLength(1);
  });

  it("treats a repeated job trigger as a no-op and ignores an early one", async () => {
    const worker = createRemindersWorker();
    const job = worker.jobs![0]!;
    const past = new Date(Date.now() - 10 * 60_000);
    const ctx = await createTestUser(db.handle, { now: () => past });
    const overdue = await taskWithReminder(ctx, new Date(Date.now() - 60_000));
    const future = await taskWithReminder(ctx, new Date(Date.now() + 3_600_000));

    await job.handle(reminderJobName(overdue.reminderId), { reminderId: overdue.reminderId }, services);
    await job.handle(reminderJobName(overdue.reminderId), { reminderId: overdue.reminderId }, services);
    await job.handle(reminderJobName(future.reminderId), { reminderId: future.reminderId }, services);

    expect(await dueEvents(overdue.reminderId)).toHaveLength(1);
    expect(await dueEvents(future.reminderId)).toEqual([]);
  });
});

describe("reminders worker, Dapr Jobs API", () => {
  let dapr: DaprDouble;
  let server: DaprWorkerServer;
  let sidecarPort = 0;
  const worker = createRemindersWorker({
    scheduler: ({ db: handle, log }) => createDaprJobsScheduler({ db: handle.db, log, daprHttpPort: sidecarPort }),
  });

  beforeAll(async () => {
    dapr = await startDaprDouble();
    server = await serveWithDapr(worker, { port: 0, host: "127.0.0.1", services });
    sidecarPort = (await dapr.addApp({ appId: "reminders", appPort: server.port })).port;
  });
  afterAll(async () => {
    await server.close();
    await dapr.close();
  });

  it("schedules a one-shot job whose callback fires the reminder once, even when triggered twice", async () => {
    const setAt = new Date();
    const ctx = await createTestUser(db.handle, { now: () => setAt });
    const { reminderId } = await taskWithReminder(ctx, new Date(setAt.getTime() + 300));
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, reminderId);

    // The sidecar calls the job back at its time; that callback fires the reminder.
    await waitFor(() => dueEvents(reminderId), (events) => events.length === 1);
    await dapr.idle();
    expect(dapr.jobTriggers().filter((t) => t.name === reminderJobName(reminderId)).map((t) => t.outcome)).toEqual(["done"]);

    // An at-least-once repeat of the callback changes nothing.
    const { reminderId: other } = await taskWithReminder(ctx, new Date(Date.now() + 3_600_000));
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, other);
    await db.handle.db.update(reminders).set({ remindAt: new Date(Date.now() - 1_000) }).where(eq(reminders.id, other));
    await dapr.fireJobNow(reminderJobName(other), { duplicate: true });
    expect(await dueEvents(other)).toHaveLength(1);
  });

  it("fires at once, without a job, a reminder set for a moment ago", async () => {
    const ctx = await createTestUser(db.handle);
    const { reminderId } = await taskWithReminder(ctx, new Date(Date.now() - 20_000));
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, reminderId);
    expect(await dueEvents(reminderId)).toHaveLength(1);
    expect(dapr.jobs().map((job) => job.name)).not.toContain(reminderJobName(reminderId));
  });

  it("deletes the job when the reminder is cancelled", async () => {
    const ctx = await createTestUser(db.handle);
    const { taskId, reminderId } = await taskWithReminder(ctx, new Date(Date.now() + 3_600_000));
    await deliverLatest(worker, EVENT_TYPES.reminderScheduled, reminderId);
    expect(dapr.jobs().map((job) => job.name)).toContain(reminderJobName(reminderId));

    await completeTask(ctx, taskId);
    await deliverLatest(worker, EVENT_TYPES.reminderCancelled, reminderId);
    expect(dapr.jobs().map((job) => job.name)).not.toContain(reminderJobName(reminderId));
  });
});
