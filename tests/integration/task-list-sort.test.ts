import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { tasks } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { ValidationError } from "@/server/domain/errors";
import { updateTask } from "@/server/domain/tasks";
import { listTasks } from "@/server/domain/tasks/list";
import type { SORT_FIELDS } from "@/server/domain/tasks/schemas";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createTasks, listTitles, newUser, titles, userWithClock, walkAllPages } from "./task-list-helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const day = (n: number) => new Date(Date.UTC(2026, 5, n, 9));
const sortBy = (by: (typeof SORT_FIELDS)[number], dir: "asc" | "desc") => ({ sort: { by, dir } }) as const;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("task list sorting", () => {
  it("sorts by due date with undated tasks last in both directions", async () => {
    const ctx = await newUser(database.handle);
    await createTasks(ctx, [{ title: "later", dueAt: day(20) }, { title: "undated" }, { title: "sooner", dueAt: day(2) }]);
    expect(await listTitles(ctx)).toEqual(["sooner", "later", "undated"]);
    expect(await listTitles(ctx, sortBy("due", "asc"))).toEqual(["sooner", "later", "undated"]);
    expect(await listTitles(ctx, sortBy("due", "desc"))).toEqual(["later", "sooner", "undated"]);
  });

  it("breaks ties by id in the sort's direction", async () => {
    const ctx = await newUser(database.handle);
    const created = await createTasks(ctx, [1, 2, 3, 4].map((i) => ({ title: `tie ${i}`, dueAt: day(5) })));
    const ascending = [...created].sort(byId).map((t) => t.id);
    expect((await listTasks(ctx, sortBy("due", "asc"))).items.map((t) => t.id)).toEqual(ascending);
    expect((await listTasks(ctx, sortBy("due", "desc"))).items.map((t) => t.id)).toEqual([...ascending].reverse());
  });

  it("sorts by priority, urgent first when descending", async () => {
    const ctx = await newUser(database.handle);
    await createTasks(ctx, [
      { title: "m", priority: "medium" },
      { title: "u", priority: "urgent" },
      { title: "l", priority: "low" },
      { title: "h", priority: "high" },
    ]);
    expect(await listTitles(ctx, sortBy("priority", "desc"))).toEqual(["u", "h", "m", "l"]);
    expect(await listTitles(ctx, sortBy("priority", "asc"))).toEqual(["l", "m", "h", "u"]);
  });

  it("sorts by creation and last update", async () => {
    const clock = await userWithClock(database.handle, new Date("2026-01-01T00:00:00Z"));
    const [first, second, third] = await createTasks(clock.ctx, [{ title: "first" }, { title: "second" }, { title: "third" }]);
    // Same clock for all three: give them distinct creation days directly.
    const db = database.handle.db;
    for (const [i, t] of [first!, second!, third!].entries()) {
      await db.update(tasks).set({ createdAt: new Date(Date.UTC(2026, 0, 1 + i)) }).where(eq(tasks.id, t.id));
    }
    clock.setNow(new Date("2026-02-01T00:00:00Z"));
    await updateTask(clock.ctx, { id: second!.id, version: second!.version, title: "second edited" });
    clock.setNow(new Date("2026-02-02T00:00:00Z"));
    await updateTask(clock.ctx, { id: first!.id, version: first!.version, title: "first edited" });
    expect(await listTitles(clock.ctx, sortBy("created", "asc"))).toEqual(["first edited", "second edited", "third"]);
    expect(await listTitles(clock.ctx, sortBy("created", "desc"))).toEqual(["third", "second edited", "first edited"]);
    expect(await listTitles(clock.ctx, sortBy("updated", "desc"))).toEqual(["first edited", "second edited", "third"]);
    expect(await listTitles(clock.ctx, sortBy("updated", "asc"))).toEqual(["third", "second edited", "first edited"]);
  });

  it("sorts by title ignoring case", async () => {
    const ctx = await newUser(database.handle);
    await createTasks(ctx, [{ title: "cherry" }, { title: "Banana" }, { title: "apple" }, { title: "Apricot" }]);
    expect(await listTitles(ctx, sortBy("title", "asc"))).toEqual(["apple", "Apricot", "Banana", "cherry"]);
    expect(await listTitles(ctx, sortBy("title", "desc"))).toEqual(["cherry", "Banana", "Apricot", "apple"]);
  });
});

describe("task list pagination", () => {
  let ctx: DomainContext;
  beforeAll(async () => {
    ctx = await newUser(database.handle);
    // 5 due dates shared by 4 tasks each, plus 3 undated: ties everywhere.
    const inputs = [];
    for (let i = 0; i < 20; i += 1) {
      inputs.push({
        title: `Report ${String.fromCharCode(97 + (i % 3))}`,
        dueAt: day(1 + (i % 5)),
        priority: (["low", "medium", "high", "urgent"] as const)[i % 4],
      });
    }
    inputs.push({ title: "report undated 1" }, { title: "report undated 2" }, { title: "report undated 3" });
    await createTasks(ctx, inputs);
    // Timestamps one microsecond apart: the cursor must not round them to milliseconds.
    await database.handle.db.execute(
      sql`UPDATE tasks SET updated_at = '2026-01-01T00:00:00Z'::timestamptz + (random() * 3)::int * interval '1 microsecond' WHERE user_id = ${ctx.userId}`,
    );
  });

  const sorts = (["due", "priority", "created", "updated", "title", "relevance"] as const).flatMap((by) =>
    (["asc", "desc"] as const).map((dir) => ({ by, dir })),
  );

  it.each(sorts)("walks every page of $by $dir once, in the same order as one big page", async (sort) => {
    const input = { sort, search: sort.by === "relevance" ? "report" : undefined };
    const whole = await listTasks(ctx, { ...input, limit: 100 });
    expect(whole.items).toHaveLength(23);
    expect(whole.nextCursor).toBeNull();
    const walked = await walkAllPages(ctx, { ...input, limit: 4 });
    expect(walked.pages).toBe(6);
    expect(walked.items.map((t) => t.id)).toEqual(whole.items.map((t) => t.id));
    expect(new Set(walked.items.map((t) => t.id)).size).toBe(23);
    expect(walked.totals.every((n) => n === 23)).toBe(true);
  });

  it("reports the total of the whole filtered set on every page", async () => {
    const first = await listTasks(ctx, { priorities: ["urgent"], limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(5);
    const second = await listTasks(ctx, { priorities: ["urgent"], limit: 2, cursor: first.nextCursor! });
    expect(second.total).toBe(5);
    expect(titles(second.items)).toHaveLength(2);
  });

  it("rejects a cursor from another sort, and a forged one", async () => {
    const page = await listTasks(ctx, { ...sortBy("due", "asc"), limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    await expect(listTasks(ctx, { ...sortBy("due", "desc"), cursor: page.nextCursor! })).rejects.toBeInstanceOf(ValidationError);
    await expect(listTasks(ctx, { ...sortBy("title", "asc"), cursor: page.nextCursor! })).rejects.toBeInstanceOf(ValidationError);
    const forged = Buffer.from(JSON.stringify({ v: 1, by: "due", dir: "asc", f: false, k: "'; DROP TABLE tasks", id: page.items[0]!.id })).toString("base64url");
    await expect(listTasks(ctx, { ...sortBy("due", "asc"), cursor: forged })).rejects.toMatchObject({ field: "cursor" });
    await expect(listTasks(ctx, { cursor: "not a cursor" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("pages through long non-ASCII titles sorted by title", async () => {
    const owner = await newUser(database.handle);
    const long = (c: string) => `${c}${"日本語の“長い”題名".repeat(20)}`.slice(0, 200);
    await createTasks(owner, ["c", "a", "b"].map((c) => ({ title: long(c) })));
    const walked = await walkAllPages(owner, { ...sortBy("title", "asc"), limit: 1 });
    expect(walked.items.map((t) => t.title[0])).toEqual(["a", "b", "c"]);
  });

  it("caps the page size at 100", async () => {
    await expect(listTasks(ctx, { limit: 101 })).rejects.toBeInstanceOf(ZodError);
  });
});
