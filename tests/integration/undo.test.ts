import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, outbox, tasks as taskTable } from "@/server/db/schema";
import { callerForNewUser } from "../support/caller";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { dumpUserData } from "../support/user-data";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const latestEntryId = async (caller: Awaited<ReturnType<typeof callerForNewUser>>["caller"]) => (await caller.activity.list({ limit: 1 })).items[0]!.id;

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("activity.revert", () => {
  it("undoes an edit from its activity entry, records the revert as an entry, and redoes it by reverting that", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const dueAt = new Date(Date.now() + 5 * 86_400_000);
    const task = await caller.task.create({ title: "Book flights to Lisbon", dueAt, reminders: [{ minutesBefore: 60 }] });
    const start = await dumpUserData(testDb.handle.db, userId);
    await caller.task.update({ id: task.id, version: task.version, title: "Book flights to Porto", priority: "high", dueAt: new Date(dueAt.getTime() + 86_400_000) });
    const editId = await latestEntryId(caller);

    const result = await caller.activity.revert({ id: editId });
    const reverted = await caller.task.get({ id: task.id });
    expect(reverted).toMatchObject({ title: "Book flights to Lisbon", priority: "medium" });
    expect(reverted.dueAt?.getTime()).toBe(dueAt.getTime());
    expect(reverted.reminders[0]!.remindAt.getTime()).toBe(dueAt.getTime() - 3_600_000);
    expect(await dumpUserData(testDb.handle.db, userId)).toBe(start);

    // The revert is an entry of its own, published like any change, and the original is marked reverted.
    const [latest, original] = (await caller.activity.list({ limit: 2 })).items;
    expect(latest).toMatchObject({ id: result.activityId, action: "reverted", entityId: task.id });
    expect(original).toMatchObject({ id: editId, revertedById: result.activityId });
    const events = await testDb.handle.db.select().from(outbox).where(eq(outbox.partitionKey, userId));
    expect(events.filter((e) => e.event.type === "cadence.task.updated.v1" && (e.event as { correlationid?: string }).correlationid !== undefined).length).toBeGreaterThanOrEqual(2);

    // Reverting the revert is a redo.
    await caller.activity.revert({ id: result.activityId });
    expect(await caller.task.get({ id: task.id })).toMatchObject({ title: "Book flights to Porto", priority: "high" });
    const [redo] = (await caller.activity.list({ limit: 1 })).items;
    expect(redo!.action).toBe("reverted");
    const originalAgain = await testDb.handle.db.select().from(activity).where(and(eq(activity.id, editId), eq(activity.userId, userId)));
    expect(originalAgain[0]!.revertedById).toBeNull();
  });

  it("brings back the very reminder rows a change replaced", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const task = await caller.task.create({ title: "Renew passport", dueAt: new Date(Date.now() + 5 * 86_400_000), reminders: [{ minutesBefore: 30 }] });
    const start = await dumpUserData(testDb.handle.db, userId);
    await caller.task.update({ id: task.id, version: task.version, reminders: [{ at: new Date(Date.now() + 3 * 86_400_000) }] });
    await caller.activity.revert({ id: await latestEntryId(caller) });
    expect(await dumpUserData(testDb.handle.db, userId)).toBe(start);
  });

  it("undoes a snooze: the reminder goes back to when it was due and to its state, and the snooze is in the task's history", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const remindAt = new Date(Date.now() + 2 * 3_600_000);
    const task = await caller.task.create({ title: "Walk Rex", reminders: [{ at: remindAt }] });
    const start = await dumpUserData(testDb.handle.db, userId);
    const snoozed = await caller.reminder.snooze({ taskId: task.id, snooze: "1h" });
    expect(snoozed.remindAt.getTime()).toBe(remindAt.getTime() + 3_600_000);
    const [entry] = (await caller.activity.list({ limit: 1 })).items;
    expect(entry).toMatchObject({ action: "snoozed", entityType: "task", entityId: task.id });
    expect((await caller.activity.list({ limit: 5, entityType: "task", entityId: task.id })).items.map((e) => e.action)).toEqual(["snoozed", "created"]);

    await caller.activity.revert({ id: entry!.id });
    const back = await caller.task.get({ id: task.id });
    expect(back.reminders.map((r) => [r.remindAt.getTime(), r.status])).toEqual([[remindAt.getTime(), "pending"]]);
    expect(await dumpUserData(testDb.handle.db, userId)).toBe(start);
  });

  it("undoes create, complete and delete", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const start = await dumpUserData(testDb.handle.db, userId);
    const task = await caller.task.create({ title: "Pick up dry cleaning" });
    const createId = await latestEntryId(caller);
    await caller.task.complete({ id: task.id });
    await caller.activity.revert({ id: await latestEntryId(caller) });
    expect(await caller.task.get({ id: task.id })).toMatchObject({ completed: false, completedAt: null });
    await caller.task.delete({ id: task.id });
    await caller.activity.revert({ id: await latestEntryId(caller) });
    expect(await caller.task.get({ id: task.id })).toMatchObject({ deletedAt: null });
    await caller.activity.revert({ id: createId });
    expect((await failure(caller.task.get({ id: task.id }))).code).toBe("NOT_FOUND");
    expect(await dumpUserData(testDb.handle.db, userId)).toBe(start);
  });

  it("says which field changed since, and applies the rest when asked", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const task = await caller.task.create({ title: "Expense report" });
    const edited = await caller.task.update({ id: task.id, version: task.version, title: "Expense report Q3", priority: "urgent" });
    const editId = await latestEntryId(caller);
    await caller.task.update({ id: task.id, version: edited.version, title: "Expense report Q4" });

    const error = await failure(caller.activity.revert({ id: editId }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/title of task “Expense report Q4” changed since \(now "Expense report Q4"\)/);
    expect(await caller.task.get({ id: task.id })).toMatchObject({ title: "Expense report Q4", priority: "urgent" });

    const result = await caller.activity.revert({ id: editId, applyRest: true });
    expect(result.skipped.map((c) => c.field)).toEqual(["title"]);
    expect(await caller.task.get({ id: task.id })).toMatchObject({ title: "Expense report Q4", priority: "medium" });
    expect((await failure(caller.activity.revert({ id: editId }))).message).toMatch(/already reverted/);
  });

  it("undoes a category delete (tasks get it back) and a tag rename; another user's entry is NOT_FOUND", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const home = await caller.category.create({ name: "Home", color: "#22AA66" });
    const errand = await caller.tag.create({ name: "errand" });
    await caller.task.create({ title: "Fix the tap", categoryId: home.id, tagIds: [errand.id] });
    await caller.task.create({ title: "Paint the fence", categoryId: home.id });
    const start = await dumpUserData(testDb.handle.db, userId);

    await caller.tag.update({ id: errand.id, name: "chore" });
    const renameId = await latestEntryId(caller);
    await caller.category.delete({ id: home.id });
    await caller.tag.delete({ id: errand.id });
    await caller.activity.revert({ id: await latestEntryId(caller) });
    const deleteCategoryId = (await caller.activity.list({ limit: 3 })).items[2]!.id;
    await caller.activity.revert({ id: deleteCategoryId });
    await caller.activity.revert({ id: renameId });
    expect(await dumpUserData(testDb.handle.db, userId)).toBe(start);
    const tasks = (await caller.task.list({})).items;
    expect(tasks.map((t) => t.category?.name)).toEqual(["Home", "Home"]);

    const stranger = await callerForNewUser(testDb.handle);
    expect((await failure(stranger.caller.activity.revert({ id: renameId }))).code).toBe("NOT_FOUND");
  });

  it("records a bulk edit of 500 tasks as one entry and reverts it in one step, byte-identical", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const urgent = await caller.tag.create({ name: "urgent" });
    // Seeded in one statement: the edit and its revert are under test, not 500 single creates.
    const seeded = await testDb.handle.db
      .insert(taskTable)
      .values(Array.from({ length: 500 }, (_, i) => ({ userId, title: `Task ${i}`, priority: i % 2 ? ("low" as const) : ("medium" as const) })))
      .returning({ id: taskTable.id });
    const ids = seeded.map((r) => r.id);
    await caller.task.bulkUpdate({ ids: ids.slice(0, 250), action: { type: "addTag", tagId: urgent.id } });
    const start = await dumpUserData(testDb.handle.db, userId);
    const before = (await caller.activity.list({ limit: 100 })).items.length;

    await caller.task.bulkUpdate({ ids, action: { type: "setPriority", priority: "urgent" } });
    const entries = (await caller.activity.list({ limit: 100 })).items;
    expect(entries[0]).toMatchObject({ action: "bulk", newValues: { action: "setPriority", priority: "urgent", count: 500 } });
    expect(entries.length).toBe(Math.min(100, before + 1));
    const result = await caller.activity.revert({ id: entries[0]!.id });
    expect(result.changed).toBe(500);
    expect(await dumpUserData(testDb.handle.db, userId)).toBe(start);
  }, 240_000);
});
