import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory } from "@/server/domain/categories";
import { NotFoundError } from "@/server/domain/errors";
import { createTag } from "@/server/domain/tags";
import { completeTask, deleteTask } from "@/server/domain/tasks";
import { listTasks } from "@/server/domain/tasks/list";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createTasks, listTitles, newUser, userWithClock } from "./task-list-helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const user = () => newUser(database.handle);
const byTitle = { sort: { by: "title", dir: "asc" } } as const;
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

describe("task list filters", () => {
  it("filters by status", async () => {
    const ctx = await user();
    const [a] = await createTasks(ctx, [{ title: "a done" }, { title: "b open" }]);
    await completeTask(ctx, a!.id);
    expect(await listTitles(ctx, byTitle)).toEqual(["b open"]);
    expect(await listTitles(ctx, { ...byTitle, status: "done" })).toEqual(["a done"]);
    expect(await listTitles(ctx, { ...byTitle, status: "all" })).toEqual(["a done", "b open"]);
  });

  it("filters by priorities", async () => {
    const ctx = await user();
    await createTasks(ctx, [
      { title: "a", priority: "low" },
      { title: "b", priority: "urgent" },
      { title: "c", priority: "high" },
    ]);
    expect(await listTitles(ctx, { ...byTitle, priorities: ["urgent", "high"] })).toEqual(["b", "c"]);
  });

  it("filters by categories", async () => {
    const ctx = await user();
    const work = await createCategory(ctx, { name: "Work" });
    const home = await createCategory(ctx, { name: "Home" });
    await createTasks(ctx, [
      { title: "a", categoryId: work.id },
      { title: "b", categoryId: home.id },
      { title: "c" },
    ]);
    expect(await listTitles(ctx, { ...byTitle, categoryIds: [work.id] })).toEqual(["a"]);
    expect(await listTitles(ctx, { ...byTitle, categoryIds: [work.id, home.id] })).toEqual(["a", "b"]);
  });

  it("filters by tags with any or all", async () => {
    const ctx = await user();
    const red = await createTag(ctx, { name: "red" });
    const blue = await createTag(ctx, { name: "blue" });
    await createTasks(ctx, [
      { title: "both", tagIds: [red.id, blue.id] },
      { title: "red only", tagIds: [red.id] },
      { title: "blue only", tagIds: [blue.id] },
      { title: "none" },
    ]);
    expect(await listTitles(ctx, { ...byTitle, tagIds: [red.id, blue.id] })).toEqual(["blue only", "both", "red only"]);
    expect(await listTitles(ctx, { ...byTitle, tagIds: [red.id, blue.id], tagMode: "all" })).toEqual(["both"]);
    expect(await listTitles(ctx, { ...byTitle, tagIds: [red.id], tagMode: "all" })).toEqual(["both", "red only"]);
    const result = await listTasks(ctx, { tagIds: [red.id, blue.id], tagMode: "all" });
    expect(result.total).toBe(1);
    expect(result.items[0]!.tags.map((t) => t.name)).toEqual(["blue", "red"]);
  });

  it("filters by pending reminders and by recurrence", async () => {
    const ctx = await user();
    const due = inAWeek();
    await createTasks(ctx, [
      { title: "reminded", dueAt: due, reminders: [{ minutesBefore: 30 }] },
      { title: "plain", dueAt: due },
      { title: "daily", dueAt: due, recurrenceRule: "FREQ=DAILY" },
    ]);
    expect(await listTitles(ctx, { ...byTitle, hasReminder: true })).toEqual(["reminded"]);
    expect(await listTitles(ctx, { ...byTitle, hasReminder: false })).toEqual(["daily", "plain"]);
    expect(await listTitles(ctx, { ...byTitle, recurring: true })).toEqual(["daily"]);
    expect(await listTitles(ctx, { ...byTitle, recurring: false })).toEqual(["plain", "reminded"]);
  });

  it("combines filters and search", async () => {
    const ctx = await user();
    const tag = await createTag(ctx, { name: "errand" });
    const [doneOne] = await createTasks(ctx, [
      { title: "buy milk", priority: "high", tagIds: [tag.id] },
      { title: "buy bread", priority: "high", tagIds: [tag.id] },
      { title: "buy eggs", priority: "low", tagIds: [tag.id] },
      { title: "buy cheese", priority: "high" },
      { title: "sell car", priority: "high", tagIds: [tag.id] },
    ]);
    await completeTask(ctx, doneOne!.id);
    const result = await listTasks(ctx, { search: "buy", priorities: ["high"], tagIds: [tag.id], status: "open" });
    expect(result.items.map((t) => t.title)).toEqual(["buy bread"]);
    expect(result.total).toBe(1);
  });

  it("computes today, next 7 days and overdue in the user's time zone, DST included", async () => {
    // 23:30 on Sat 7 March 2026 in New York (EST, UTC-5); clocks go forward on the 8th.
    const { ctx } = await userWithClock(database.handle, new Date("2026-03-08T04:30:00Z"), "America/New_York");
    await createTasks(ctx, [
      { title: "today 00:00", dueAt: new Date("2026-03-07T05:00:00Z") },
      { title: "today 23:00 (past)", dueAt: new Date("2026-03-08T04:00:00Z") },
      { title: "today 23:45", dueAt: new Date("2026-03-08T04:45:00Z") },
      { title: "today all-day", dueAt: new Date("2026-03-07T05:00:00Z"), allDay: true },
      { title: "tomorrow 00:30", dueAt: new Date("2026-03-08T05:30:00Z") },
      { title: "yesterday 23:59", dueAt: new Date("2026-03-07T04:59:00Z") },
      { title: "yesterday all-day", dueAt: new Date("2026-03-06T05:00:00Z"), allDay: true },
      // Friday 13 March 23:30 EDT is the last minute-ish of the 7-day window; 00:30 on the 14th is past it.
      { title: "day 7 23:30", dueAt: new Date("2026-03-14T03:30:00Z") },
      { title: "day 8 00:30", dueAt: new Date("2026-03-14T04:30:00Z") },
      { title: "undated" },
    ]);
    const [doneLate] = await createTasks(ctx, [{ title: "done yesterday", dueAt: new Date("2026-03-06T15:00:00Z") }]);
    await completeTask(ctx, doneLate!.id);

    const all = { ...byTitle, status: "all" } as const;
    expect(await listTitles(ctx, { ...all, due: "today" })).toEqual(["today 00:00", "today 23:00 (past)", "today 23:45", "today all-day"]);
    expect(await listTitles(ctx, { ...all, due: "next7" })).toEqual([
      "day 7 23:30",
      "today 00:00",
      "today 23:00 (past)",
      "today 23:45",
      "today all-day",
      "tomorrow 00:30",
    ]);
    expect(await listTitles(ctx, { ...all, due: "overdue" })).toEqual([
      "today 00:00",
      "today 23:00 (past)",
      "yesterday 23:59",
      "yesterday all-day",
    ]);
    expect(await listTitles(ctx, { ...all, due: "none" })).toEqual(["undated"]);
    expect(
      await listTitles(ctx, { ...all, due: { type: "range", from: new Date("2026-03-08T04:00:00Z"), to: new Date("2026-03-08T05:30:00Z") } }),
    ).toEqual(["today 23:00 (past)", "today 23:45", "tomorrow 00:30"]);
    expect(await listTitles(ctx, { ...all, due: { type: "range", from: new Date("2026-03-14T00:00:00Z") } })).toEqual([
      "day 7 23:30",
      "day 8 00:30",
    ]);
  });

  it("rejects another user's category or tag as a filter", async () => {
    const owner = await user();
    const stranger = await user();
    const category = await createCategory(owner, { name: "Secret" });
    const tag = await createTag(owner, { name: "secret" });
    await createTasks(owner, [{ title: "hidden", categoryId: category.id, tagIds: [tag.id] }]);
    const mine = await createTag(stranger, { name: "mine" });
    await expect(listTasks(stranger, { categoryIds: [category.id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTasks(stranger, { tagIds: [mine.id, tag.id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTasks(stranger, { tagIds: [tag.id], search: "hidden" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never lists another user's tasks", async () => {
    const owner = await user();
    const stranger = await user();
    await createTasks(owner, [{ title: "owner's report" }]);
    await createTasks(stranger, [{ title: "stranger's list" }]);
    expect(await listTitles(stranger, { status: "all" })).toEqual(["stranger's list"]);
    expect((await listTasks(stranger, { search: "report" })).total).toBe(0);
    expect((await listTasks(stranger, { deleted: true, status: "all" })).items).toEqual([]);
  });

  it("excludes deleted tasks, and lists only them for the trash", async () => {
    const ctx = await user();
    const [gone] = await createTasks(ctx, [{ title: "gone" }, { title: "kept" }]);
    await deleteTask(ctx, gone!.id);
    const live = await listTasks(ctx, { status: "all" });
    expect(live.items.map((t) => t.title)).toEqual(["kept"]);
    expect(live.total).toBe(1);
    const trash = await listTasks(ctx, { deleted: true, status: "all" });
    expect(trash.items.map((t) => t.title)).toEqual(["gone"]);
    expect(trash.items[0]!.deletedAt).toBeInstanceOf(Date);
    expect(await listTitles(ctx, { search: "gone" })).toEqual([]);
  });
});
