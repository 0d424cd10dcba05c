import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/context";
import { callerForNewUser } from "../support/caller";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

type Caller = Awaited<ReturnType<typeof callerForNewUser>>["caller"];
const newestEntry = async (caller: Caller) => (await caller.activity.list({ limit: 1 })).items[0]!;

/** Every change returns the id of its own activity entry: the newest one right after it, with its action. */
async function expectOwnEntry(caller: Caller, result: { activityId: number | null }, action: string) {
  expect(result.activityId).toEqual(expect.any(Number));
  const entry = await newestEntry(caller);
  expect(entry.id).toBe(result.activityId);
  expect(entry.action).toBe(action);
}

describe("mutations return their activity entry id", () => {
  it("task, occurrence, bulk, category and tag changes each name the entry they wrote; the result keeps its shape", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const category = await caller.category.create({ name: "Errands" });
    expect(category).toMatchObject({ name: "Errands" });
    await expectOwnEntry(caller, category, "created");
    const tag = await caller.tag.create({ name: "quick" });
    await expectOwnEntry(caller, tag, "created");

    const task = await caller.task.create({ title: "Dry cleaning", categoryId: category.id, tagIds: [tag.id] });
    expect(task).toMatchObject({ title: "Dry cleaning", version: 1 });
    await expectOwnEntry(caller, task, "created");
    const updated = await caller.task.update({ id: task.id, version: task.version, title: "Pick up dry cleaning" });
    expect(updated.title).toBe("Pick up dry cleaning");
    await expectOwnEntry(caller, updated, "updated");
    await expectOwnEntry(caller, await caller.task.complete({ id: task.id }), "completed");
    await expectOwnEntry(caller, await caller.task.uncomplete({ id: task.id }), "uncompleted");
    await expectOwnEntry(caller, await caller.task.delete({ id: task.id }), "deleted");
    await expectOwnEntry(caller, await caller.task.restore({ id: task.id }), "restored");

    const series = await caller.task.create({ title: "Standup", dueAt: new Date(Date.now() + 86_400_000), recurrenceRule: "FREQ=DAILY" });
    const [, second] = (await caller.task.occurrences({ id: series.id, count: 3 })).items;
    await expectOwnEntry(caller, await caller.task.skipOccurrence({ id: series.id, date: second!.date }), "updated");

    const bulk = await caller.task.bulkUpdate({ ids: [task.id, series.id], action: { type: "setPriority", priority: "high" } });
    expect(bulk.items).toHaveLength(2);
    await expectOwnEntry(caller, bulk, "bulk");

    await expectOwnEntry(caller, await caller.category.update({ id: category.id, name: "Chores" }), "updated");
    await expectOwnEntry(caller, await caller.tag.update({ id: tag.id, name: "fast" }), "updated");
    await expectOwnEntry(caller, await caller.tag.delete({ id: tag.id }), "deleted");
    await expectOwnEntry(caller, await caller.category.delete({ id: category.id }), "deleted");
  });

  it("a change that changes nothing returns no entry to undo", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const task = await caller.task.create({ title: "Water the plants" });
    await caller.task.complete({ id: task.id });
    const again = await caller.task.complete({ id: task.id });
    expect(again.activityId).toBeNull();
  });

  it("undoing by the returned id takes back that change, not an edit made in between in another tab", async () => {
    const { caller, userId, domain } = await callerForNewUser(testDb.handle);
    // The same person in a second tab (its own caller, as another HTTP request would have).
    const otherTab = createCaller(createInnerContext({ db: testDb.handle.db, user: { id: userId, email: `${userId}@example.test`, name: "Test", timeZone: domain.timeZone } }));
    const first = await caller.task.create({ title: "Expense report" });
    const second = await caller.task.create({ title: "Call the bank" });
    const completed = await caller.task.complete({ id: first.id });
    const renamed = await otherTab.task.update({ id: second.id, version: second.version, title: "Call the bank about the card" });
    expect((await newestEntry(caller)).id).toBe(renamed.activityId);

    await caller.activity.revert({ id: completed.activityId! });
    expect((await caller.task.get({ id: first.id })).completed).toBe(false);
    expect((await caller.task.get({ id: second.id })).title).toBe("Call the bank about the card");
  });
});
