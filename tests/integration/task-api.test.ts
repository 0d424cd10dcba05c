import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, outbox, tasks } from "@/server/db/schema";
import { anonymousCaller, callerForNewUser } from "../support/caller";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

async function expectTRPCError(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

const countRows = async (table: typeof outbox | typeof activity | typeof tasks, userId: string) =>
  (await testDb.handle.db.select().from(table).where(eq("partitionKey" in table ? table.partitionKey : table.userId, userId))).length;

describe("task procedures", () => {
  it("creates a task with every field and returns it with tags, category and reminders", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const category = await caller.category.create({ name: "Home", color: "#22AA66" });
    const tag = await caller.tag.create({ name: "errand" });
    const dueAt = new Date(Date.now() + 3 * 86_400_000);
    const task = await caller.task.create({
      title: "  Buy milk  ",
      description: "2 litres",
      priority: "high",
      dueAt,
      categoryId: category.id,
      tagIds: [tag.id],
      reminders: [{ minutesBefore: 30 }],
    });
    expect(task).toMatchObject({ title: "Buy milk", description: "2 litres", priority: "high", completed: false, version: 1 });
    expect(task.dueAt?.getTime()).toBe(dueAt.getTime());
    expect(task.category).toMatchObject({ id: category.id, name: "Home" });
    expect(task.tags.map((t) => t.name)).toEqual(["errand"]);
    expect(task.reminders).toHaveLength(1);
    expect(task.reminders[0]).toMatchObject({ minutesBefore: 30, status: "pending" });
    expect(task.reminders[0]!.remindAt.getTime()).toBe(dueAt.getTime() - 30 * 60_000);
    // A change also answers with the activity entry it wrote (what its Undo reverts); reading the task does not.
    const { activityId, ...stored } = task;
    expect(activityId).toEqual(expect.any(Number));
    expect(await caller.task.get({ id: task.id })).toEqual(stored);
  });

  it("writes the change, an activity row and CloudEvents in the outbox for each mutation", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const task = await caller.task.create({ title: "Write report" });
    const rows = await testDb.handle.db.select().from(outbox).where(eq(outbox.partitionKey, userId));
    const created = rows.find((r) => r.event.type === "cadence.task.created.v1");
    expect(created?.topic).toBe("task-events");
    expect(created?.event).toMatchObject({ specversion: "1.0", subject: task.id, userid: userId });
    expect((created?.event.data as { task: { title: string } }).task.title).toBe("Write report");
    expect(rows.some((r) => r.topic === "task-updates")).toBe(true);
    await caller.task.update({ id: task.id, version: task.version, priority: "urgent" });
    const [updateActivity] = await testDb.handle.db.select().from(activity).where(eq(activity.action, "updated"));
    expect(updateActivity).toBeDefined();
    const updated = (await testDb.handle.db.select().from(outbox).where(eq(outbox.partitionKey, userId))).find(
      (r) => r.event.type === "cadence.task.updated.v1",
    );
    expect((updated?.event.data as { changed: string[] }).changed).toEqual(["priority"]);
    const mine = await caller.activity.list({ entityId: task.id });
    expect(mine.items.map((a) => a.action)).toEqual(["updated", "created"]);
    expect(mine.items[0]).toMatchObject({ oldValues: { priority: "medium" }, newValues: { priority: "urgent" } });
  });

  it("rejects a stale version with CONFLICT carrying the current task, and changes nothing", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const task = await caller.task.create({ title: "Draft" });
    await caller.task.update({ id: task.id, version: 1, title: "Draft v2" });
    const error = await expectTRPCError(caller.task.update({ id: task.id, version: 1, title: "Lost edit" }), "CONFLICT");
    expect(error.cause).toMatchObject({ current: { title: "Draft v2", version: 2 } });
    expect((await caller.task.get({ id: task.id })).title).toBe("Draft v2");
  });

  it("completes, uncompletes, deletes and restores, bumping the version each time", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const task = await caller.task.create({ title: "Cycle", dueAt: new Date(Date.now() + 86_400_000), reminders: [{ minutesBefore: 10 }] });
    const done = await caller.task.complete({ id: task.id });
    expect(done).toMatchObject({ completed: true, version: 2 });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.reminders).toHaveLength(0); // cancelled reminders are not shown
    const again = await caller.task.complete({ id: task.id });
    expect(again.version).toBe(2);
    const reopened = await caller.task.uncomplete({ id: task.id });
    expect(reopened).toMatchObject({ completed: false, completedAt: null, version: 3 });
    expect(reopened.reminders[0]?.status).toBe("pending");
    await caller.task.delete({ id: task.id });
    await expectTRPCError(caller.task.get({ id: task.id }), "NOT_FOUND");
    const restored = await caller.task.restore({ id: task.id });
    expect(restored.deletedAt).toBeNull();
    expect((await caller.task.get({ id: task.id })).title).toBe("Cycle");
  });

  it("bulk-updates many tasks in one go, all or nothing", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const other = await callerForNewUser(testDb.handle);
    const tag = await caller.tag.create({ name: "batch" });
    const a = await caller.task.create({ title: "A" });
    const b = await caller.task.create({ title: "B" });
    const result = await caller.task.bulkUpdate({ ids: [a.id, b.id], action: { type: "addTag", tagId: tag.id } });
    expect(result.items.every((t) => t.tags.some((x) => x.id === tag.id))).toBe(true);
    await caller.task.bulkUpdate({ ids: [a.id, b.id], action: { type: "setPriority", priority: "low" } });
    await caller.task.bulkUpdate({ ids: [a.id, b.id], action: { type: "complete" } });
    expect((await caller.task.get({ id: a.id })).completed).toBe(true);
    const foreign = await other.caller.task.create({ title: "Not yours" });
    await expectTRPCError(caller.task.bulkUpdate({ ids: [b.id, foreign.id], action: { type: "delete" } }), "NOT_FOUND");
    expect((await caller.task.get({ id: b.id })).deletedAt).toBeNull();
    expect((await other.caller.task.get({ id: foreign.id })).deletedAt).toBeNull();
  });

  it("previews a recurrence in words with DST-correct dates", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const preview = await caller.task.previewRecurrence({
      rule: "FREQ=WEEKLY;BYDAY=FR",
      start: new Date("2026-10-30T13:00:00Z"), // Friday 09:00 in New York (EDT)
      timeZone: "America/New_York",
      count: 3,
    });
    expect(preview.text).toMatch(/every week on Friday/i);
    // 09:00 local on both sides of the 1 November DST change.
    expect(preview.dates.map((d) => d.toISOString())).toEqual([
      "2026-10-30T13:00:00.000Z",
      "2026-11-06T14:00:00.000Z",
      "2026-11-13T14:00:00.000Z",
    ]);
  });
});

describe("bad input", () => {
  it("rejects invalid fields with BAD_REQUEST naming the field, and stores nothing", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const cases: [unknown, RegExp][] = [
      [{ title: "   " }, /empty/],
      [{ title: "x".repeat(201) }, /200/],
      [{ title: "ok", description: "d".repeat(2001) }, /2000/],
      [{ title: "ok", priority: "critical" }, /./],
      [{ title: "ok", categoryId: "not-a-uuid" }, /valid id/],
      [{ title: "ok", reminders: [{ minutesBefore: -5 }] }, /negative/],
    ];
    for (const [input, message] of cases) {
      const error = await expectTRPCError(caller.task.create(input as never), "BAD_REQUEST", message);
      expect(error.cause).toBeDefined();
    }
    expect(await countRows(tasks, userId)).toBe(0);
    expect(await countRows(outbox, userId)).toBe(0);
    expect(await countRows(activity, userId)).toBe(0);
  });

  it("explains an invalid RRULE with the parser's reason and a valid example", async () => {
    const { caller, userId } = await callerForNewUser(testDb.handle);
    const error = await expectTRPCError(
      caller.task.create({ title: "Bad rule", dueAt: new Date(), recurrenceRule: "FREQ=SOMETIMES" }),
      "BAD_REQUEST",
      /recurrenceRule/,
    );
    expect(error.message).toMatch(/FREQ=WEEKLY/);
    await expectTRPCError(caller.task.create({ title: "No start", recurrenceRule: "FREQ=DAILY" }), "BAD_REQUEST", /due date/);
    expect(await countRows(tasks, userId)).toBe(0);
  });

  it("enforces the 10-tags-per-task limit and says which limit", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const tagIds = [];
    for (let i = 0; i < 11; i++) tagIds.push((await caller.tag.create({ name: `t${i}` })).id);
    await expectTRPCError(caller.task.create({ title: "Too many", tagIds }), "BAD_REQUEST", /10 tags per task/);
    const task = await caller.task.create({ title: "Ten", tagIds: tagIds.slice(0, 10) });
    await expectTRPCError(
      caller.task.bulkUpdate({ ids: [task.id], action: { type: "addTag", tagId: tagIds[10]! } }),
      "BAD_REQUEST",
      /10 tags per task/,
    );
    expect((await caller.task.get({ id: task.id })).tags).toHaveLength(10);
  });

  it("needs a due date for relative reminders and refuses absolute reminders in the past", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    await expectTRPCError(caller.task.create({ title: "r", reminders: [{ minutesBefore: 15 }] }), "BAD_REQUEST", /due date/);
    await expectTRPCError(caller.task.create({ title: "r", reminders: [{ at: new Date(Date.now() - 3_600_000) }] }), "BAD_REQUEST", /past/);
  });

  it("keeps a reminder set for a moment ago (a slow clock, 'remind me now') armed, so it fires at once", async () => {
    const { caller } = await callerForNewUser(testDb.handle);
    const task = await caller.task.create({ title: "r", reminders: [{ at: new Date(Date.now() - 20_000) }] });
    expect(task.reminders.map((r) => r.status)).toEqual(["pending"]);
  });

  it("refuses callers who are not signed in", async () => {
    await expectTRPCError(anonymousCaller(testDb.handle).task.list({}), "UNAUTHORIZED");
  });
});

describe("isolation between users", () => {
  it("makes another user's task, tag and category NOT_FOUND for every procedure", async () => {
    const alice = await callerForNewUser(testDb.handle);
    const bob = await callerForNewUser(testDb.handle);
    const task = await alice.caller.task.create({ title: "Alice's secret" });
    const tag = await alice.caller.tag.create({ name: "alice-tag" });
    const category = await alice.caller.category.create({ name: "Alice's" });
    const { id } = task;
    await expectTRPCError(bob.caller.task.get({ id }), "NOT_FOUND");
    await expectTRPCError(bob.caller.task.update({ id, version: 1, title: "pwned" }), "NOT_FOUND");
    for (const call of [bob.caller.task.complete, bob.caller.task.uncomplete, bob.caller.task.delete, bob.caller.task.restore]) {
      await expectTRPCError(call({ id }), "NOT_FOUND");
    }
    await expectTRPCError(bob.caller.task.create({ title: "x", tagIds: [tag.id] }), "NOT_FOUND");
    await expectTRPCError(bob.caller.task.create({ title: "x", categoryId: category.id }), "NOT_FOUND");
    await expectTRPCError(bob.caller.task.list({ tagIds: [tag.id] }), "NOT_FOUND");
    await expectTRPCError(bob.caller.task.list({ categoryIds: [category.id] }), "NOT_FOUND");
    await expectTRPCError(bob.caller.tag.update({ id: tag.id, name: "mine" }), "NOT_FOUND");
    await expectTRPCError(bob.caller.category.delete({ id: category.id }), "NOT_FOUND");
    expect((await bob.caller.task.list({ status: "all" })).total).toBe(0);
    expect((await bob.caller.activity.list({})).items).toHaveLength(0);
    expect(await alice.caller.task.get({ id })).toMatchObject({ title: "Alice's secret", version: 1, completed: false });
  });
});
