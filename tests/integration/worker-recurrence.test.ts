import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasks } from "@/server/db/schema";
import { createCategory } from "@/server/domain/categories";
import type { DomainContext } from "@/server/domain/context";
import { createTag } from "@/server/domain/tags";
import { completeTask, createTask, deleteTask, getTask, uncompleteTask, type TaskCreateInput } from "@/server/domain/tasks";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { WorkerServices } from "@/server/events/worker-types";
import { recurrenceWorker } from "@workers/recurrence";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { deliver, lastEvent, outboxEvents, subscription, workerServices } from "./worker-helpers";

let db: TestDatabase;
let services: WorkerServices;
const completed = subscription(recurrenceWorker, "task-completed");

beforeAll(async () => {
  db = await createTestDatabase();
  services = workerServices(db.handle);
});
afterAll(() => db.drop());

/** Dates far ahead, so copied reminders are still in the future whenever the suite runs. */
const at = (iso: string) => new Date(iso);

/** Completes the task and hands its task.completed event to the worker, as the relay would. */
async function completeAndDeliver(ctx: DomainContext, id: string) {
  await completeTask(ctx, id);
  const event = await lastEvent(db.handle, EVENT_TYPES.taskCompleted, id);
  await deliver(completed, event, services);
  return event;
}

async function successorsOf(id: string) {
  return db.handle.db.select().from(tasks).where(eq(tasks.previousOccurrenceId, id));
}

async function nextOf(ctx: DomainContext, id: string) {
  const rows = await successorsOf(id);
  expect(rows).toHaveLength(1);
  return getTask(ctx, rows[0]!.id);
}

async function recurring(ctx: DomainContext, input: Partial<TaskCreateInput> & { dueAt: Date; recurrenceRule: string }) {
  return createTask(ctx, { title: "Water the plants", ...input });
}

describe("recurrence worker", () => {
  it("creates the next daily occurrence with the same details, tags, category, priority and relative reminders", async () => {
    const ctx = await createTestUser(db.handle, { timeZone: "Europe/Berlin" });
    const tag = await createTag(ctx, { name: "home" });
    const category = await createCategory(ctx, { name: "Chores" });
    const first = await recurring(ctx, {
      description: "Balcony and kitchen",
      priority: "high",
      dueAt: at("2030-06-03T07:00:00Z"), // 09:00 in Berlin
      recurrenceRule: "FREQ=DAILY",
      tagIds: [tag.id],
      categoryId: category.id,
      reminders: [{ minutesBefore: 30 }, { minutesBefore: 1440 }],
    });

    await completeAndDeliver(ctx, first.id);

    const next = await nextOf(ctx, first.id);
    expect(next).toMatchObject({
      title: "Water the plants",
      description: "Balcony and kitchen",
      priority: "high",
      dueAt: at("2030-06-04T07:00:00Z"),
      completed: false,
      categoryId: category.id,
      recurrenceRule: first.recurrenceRule,
      seriesId: first.id,
      occurrenceIndex: 2,
    });
    expect(next.tags.map((t) => t.id)).toEqual([tag.id]);
    expect(next.reminders.map((r) => [r.minutesBefore, r.remindAt.toISOString(), r.status])).toEqual([
      [1440, "2030-06-03T07:00:00.000Z", "pending"],
      [30, "2030-06-04T06:30:00.000Z", "pending"],
    ]);
    // Created through the domain: clients hear about it like any new task.
    expect(await outboxEvents(db.handle, { type: EVENT_TYPES.taskCreated, subject: next.id })).toHaveLength(1);
    expect(await outboxEvents(db.handle, { type: EVENT_TYPES.reminderScheduled })).toEqual(
      expect.arrayContaining([expect.objectContaining({ data: expect.objectContaining({ taskId: next.id }) })]),
    );
  });

  it("follows a weekly rule to the next listed weekday", async () => {
    const ctx = await createTestUser(db.handle);
    const first = await recurring(ctx, { dueAt: at("2030-06-03T09:00:00Z"), recurrenceRule: "FREQ=WEEKLY;BYDAY=MO,TH" }); // a Monday
    await completeAndDeliver(ctx, first.id);
    expect((await nextOf(ctx, first.id)).dueAt).toEqual(at("2030-06-06T09:00:00Z"));
  });

  it("keeps a monthly series on the 31st, skipping months without one", async () => {
    const ctx = await createTestUser(db.handle);
    const first = await recurring(ctx, { dueAt: at("2030-01-31T10:00:00Z"), recurrenceRule: "FREQ=MONTHLY;BYMONTHDAY=31" });
    await completeAndDeliver(ctx, first.id);
    const second = await nextOf(ctx, first.id);
    expect(second.dueAt).toEqual(at("2030-03-31T10:00:00Z"));
    await completeAndDeliver(ctx, second.id);
    const third = await nextOf(ctx, second.id);
    expect(third.dueAt).toEqual(at("2030-05-31T10:00:00Z"));
    expect(third.occurrenceIndex).toBe(3);
  });

  it("counts from the completion time when the task says so", async () => {
    let now = at("2030-01-01T00:00:00Z");
    const ctx = await createTestUser(db.handle, { timeZone: "Europe/Berlin", now: () => now });
    const first = await recurring(ctx, {
      dueAt: at("2030-01-07T08:00:00Z"), // Monday 09:00 Berlin
      recurrenceRule: "FREQ=DAILY",
      recurrenceBasis: "completion",
    });
    now = at("2030-01-10T14:00:00Z"); // done three days late, Thursday 15:00 Berlin
    await completeAndDeliver(ctx, first.id);
    const next = await nextOf(ctx, first.id);
    expect(next.dueAt).toEqual(at("2030-01-11T08:00:00Z")); // Friday 09:00, not Tuesday
    expect(next.recurrenceBasis).toBe("completion");
  });

  it("keeps 9:00 local time across the March DST change in New York", async () => {
    const ctx = await createTestUser(db.handle, { timeZone: "America/New_York" });
    const first = await recurring(ctx, { dueAt: at("2030-03-09T14:00:00Z"), recurrenceRule: "FREQ=DAILY" }); // 09:00 EST
    await completeAndDeliver(ctx, first.id);
    expect((await nextOf(ctx, first.id)).dueAt).toEqual(at("2030-03-10T13:00:00Z")); // 09:00 EDT
  });

  it("ends the series after COUNT occurrences", async () => {
    const ctx = await createTestUser(db.handle);
    const first = await recurring(ctx, { dueAt: at("2030-06-03T09:00:00Z"), recurrenceRule: "FREQ=DAILY;COUNT=2" });
    await completeAndDeliver(ctx, first.id);
    const second = await nextOf(ctx, first.id);
    expect(second.occurrenceIndex).toBe(2);
    await completeAndDeliver(ctx, second.id);
    expect(await successorsOf(second.id)).toEqual([]);
  });

  it("creates one occurrence when the same event is delivered twice", async () => {
    const ctx = await createTestUser(db.handle);
    const first = await recurring(ctx, { dueAt: at("2030-06-03T09:00:00Z"), recurrenceRule: "FREQ=DAILY" });
    const event = await completeAndDeliver(ctx, first.id);
    await deliver(completed, event, services);
    await Promise.all([deliver(completed, event, services), deliver(completed, event, services)]);
    expect(await successorsOf(first.id)).toHaveLength(1);
  });

  it("creates one occurrence when a task is completed, uncompleted and completed again", async () => {
    const ctx = await createTestUser(db.handle);
    const first = await recurring(ctx, { dueAt: at("2030-06-03T09:00:00Z"), recurrenceRule: "FREQ=DAILY" });
    await completeTask(ctx, first.id);
    await uncompleteTask(ctx, first.id);
    await completeTask(ctx, first.id);
    const events = await outboxEvents(db.handle, { type: EVENT_TYPES.taskCompleted, subject: first.id });
    expect(events).toHaveLength(2);
    // Both deliveries at once, as two consumer instances might: the unique link settles the race.
    await Promise.all(events.map((event) => deliver(completed, event, services)));
    expect(await successorsOf(first.id)).toHaveLength(1);
  });

  it("creates nothing for a task deleted before the event arrives, or for a one-off task", async () => {
    const ctx = await createTestUser(db.handle);
    const series = await recurring(ctx, { dueAt: at("2030-06-03T09:00:00Z"), recurrenceRule: "FREQ=DAILY" });
    await completeTask(ctx, series.id);
    await deleteTask(ctx, series.id);
    await deliver(completed, await lastEvent(db.handle, EVENT_TYPES.taskCompleted, series.id), services);
    expect(await successorsOf(series.id)).toEqual([]);

    const oneOff = await createTask(ctx, { title: "Call the bank", dueAt: at("2030-06-03T09:00:00Z") });
    await completeAndDeliver(ctx, oneOff.id);
    expect(await successorsOf(oneOff.id)).toEqual([]);
  });
});
