import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { activity, categories, outbox, tasks } from "@/server/db/schema";
import {
  createCategory,
  deleteCategory,
  getCategory,
  listCategories,
  MAX_CATEGORIES_PER_USER,
  updateCategory,
} from "@/server/domain/categories";
import type { DomainContext } from "@/server/domain/context";
import { ConflictError, LimitError, NotFoundError } from "@/server/domain/errors";
import { pgErrorOf } from "@/server/domain/pg-errors";
import { EVENT_TYPES, TOPICS } from "@/server/events/catalog";
import { createTestDatabase, createTestUser, testDriver, type TestDatabase } from "../support/database";
import { againstUncommittedInsert } from "../support/races";
import { recordedFor } from "../support/recorded";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const newUser = () => createTestUser(database.handle);
const recorded = (ctx: DomainContext) => recordedFor(database.handle, ctx);

/** Tasks are inserted directly: this suite is about categories, not task rules. */
async function insertTask(ctx: DomainContext, fields: Partial<typeof tasks.$inferInsert> = {}) {
  const id = randomUUID();
  await database.handle.db.insert(tasks).values({ id, userId: ctx.userId, title: `task ${id.slice(0, 6)}`, ...fields });
  return id;
}

describe("categories", () => {
  it("creates a category with a trimmed name and an upper-case colour, and records it", async () => {
    const ctx = await newUser();
    const created = await createCategory(ctx, { name: "  Work  ", color: "#3b82f6" });
    expect(created).toMatchObject({ name: "Work", color: "#3B82F6" });

    expect(await listCategories(ctx)).toEqual([expect.objectContaining({ id: created.id, name: "Work", color: "#3B82F6", taskCount: 0 })]);
    expect(await getCategory(ctx, { id: created.id })).toMatchObject({ id: created.id, name: "Work" });

    const { activity: rows, outbox: events } = await recorded(ctx);
    expect(rows).toEqual([
      expect.objectContaining({ entityType: "category", entityId: created.id, action: "created", newValues: { name: "Work", color: "#3B82F6" } }),
    ]);
    expect(events).toEqual([
      { topic: TOPICS.taskEvents, event: expect.objectContaining({ type: EVENT_TYPES.categoryChanged, data: expect.objectContaining({ action: "created", id: created.id }) }) },
      { topic: TOPICS.taskUpdates, event: expect.objectContaining({ type: EVENT_TYPES.syncNotice, data: { entity: "category", action: "created", id: created.id } }) },
    ]);
  });

  it("lists by name case-insensitively with counts of open tasks only", async () => {
    const ctx = await newUser();
    const banana = await createCategory(ctx, { name: "banana" });
    await createCategory(ctx, { name: "Apple" });
    await createCategory(ctx, { name: "cherry" });
    await insertTask(ctx, { categoryId: banana.id });
    await insertTask(ctx, { categoryId: banana.id });
    await insertTask(ctx, { categoryId: banana.id, completed: true, completedAt: new Date() });
    await insertTask(ctx, { categoryId: banana.id, deletedAt: new Date() });

    const list = await listCategories(ctx);
    expect(list.map((c) => [c.name, c.taskCount])).toEqual([
      ["Apple", 0],
      ["banana", 2],
      ["cherry", 0],
    ]);
    expect((await getCategory(ctx, { id: banana.id })).taskCount).toBe(2);
  });

  it("rejects a duplicate name in any letter case and stores nothing", async () => {
    const ctx = await newUser();
    await createCategory(ctx, { name: "Work" });
    const before = await recorded(ctx);

    await expect(createCategory(ctx, { name: "work" })).rejects.toThrow(ConflictError);
    await expect(createCategory(ctx, { name: " WORK " })).rejects.toThrow(/a category named "WORK" already exists/);

    expect((await listCategories(ctx)).map((c) => c.name)).toEqual(["Work"]);
    expect(await recorded(ctx)).toEqual(before);
  });

  it("lets two users use the same name", async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    await createCategory(alice, { name: "Home" });
    await expect(createCategory(bob, { name: "home" })).resolves.toMatchObject({ name: "home" });
  });

  it("renames and recolours, recording old and new values", async () => {
    const ctx = await newUser();
    const category = await createCategory(ctx, { name: "Wrok", color: "#FF0000" });
    const renamed = await updateCategory(ctx, { id: category.id, name: "Work" });
    expect(renamed).toMatchObject({ id: category.id, name: "Work", color: "#FF0000" });
    const cleared = await updateCategory(ctx, { id: category.id, color: null });
    expect(cleared.color).toBeNull();

    const { activity: rows, outbox: events } = await recorded(ctx);
    expect(rows.slice(1).map((r) => [r.action, r.oldValues, r.newValues])).toEqual([
      ["updated", { name: "Wrok" }, { name: "Work" }],
      ["updated", { color: "#FF0000" }, { color: null }],
    ]);
    expect(events.filter((e) => e.topic === TOPICS.taskUpdates).map((e) => e.event.data.action)).toEqual(["created", "updated", "updated"]);
    expect(await getCategory(ctx, { id: category.id })).toMatchObject({ name: "Work", color: null });
  });

  it("rejects renaming to another category's name but allows changing the case of its own", async () => {
    const ctx = await newUser();
    await createCategory(ctx, { name: "Work" });
    const personal = await createCategory(ctx, { name: "Personal" });
    const before = await recorded(ctx);

    await expect(updateCategory(ctx, { id: personal.id, name: "WORK" })).rejects.toThrow(ConflictError);
    expect(await getCategory(ctx, { id: personal.id })).toMatchObject({ name: "Personal" });
    expect(await recorded(ctx)).toEqual(before);

    await expect(updateCategory(ctx, { id: personal.id, name: "personal" })).resolves.toMatchObject({ name: "personal" });
  });

  it("rejects a malformed colour or an empty name with a validation error", async () => {
    const ctx = await newUser();
    await expect(createCategory(ctx, { name: "Work", color: "blue" })).rejects.toThrow(ZodError);
    await expect(createCategory(ctx, { name: "Work", color: "#12345" })).rejects.toThrow(ZodError);
    await expect(createCategory(ctx, { name: "   " })).rejects.toThrow(ZodError);
    await expect(createCategory(ctx, { name: "x".repeat(51) })).rejects.toThrow(ZodError);
    expect(await listCategories(ctx)).toEqual([]);
  });

  it(`allows ${MAX_CATEGORIES_PER_USER} categories and refuses the next one`, async () => {
    const ctx = await newUser();
    for (let i = 1; i <= MAX_CATEGORIES_PER_USER; i += 1) await createCategory(ctx, { name: `Category ${i}` });
    const before = await recorded(ctx);

    const error = await createCategory(ctx, { name: "One too many" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect(error).toMatchObject({ limit: "categoriesPerUser", max: 50 });

    expect(await listCategories(ctx)).toHaveLength(MAX_CATEGORIES_PER_USER);
    expect(await recorded(ctx)).toEqual(before);
  });

  it("reports a duplicate even when two requests race for the same name", async () => {
    const ctx = await newUser();
    const results = await Promise.allSettled([createCategory(ctx, { name: "Errands" }), createCategory(ctx, { name: "errands" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
    expect(await listCategories(ctx)).toHaveLength(1);
  });

  it("reads the database's own error code and constraint through drizzle's wrapper", async () => {
    const ctx = await newUser();
    const db = database.handle.db;
    await db.insert(categories).values({ userId: ctx.userId, name: "Dup" });
    const error = await db
      .insert(categories)
      .values({ userId: ctx.userId, name: "DUP" })
      .catch((e: unknown) => e);
    expect(pgErrorOf(error)).toEqual({ code: "23505", constraint: "categories_user_name_unique" });
    expect(pgErrorOf(new Error("plain"))).toBeNull();
  });

  it("deletes a category: its tasks stay, without it, at a new version", async () => {
    const ctx = await newUser();
    const category = await createCategory(ctx, { name: "Doomed" });
    const keep = await createCategory(ctx, { name: "Kept" });
    const affected = [await insertTask(ctx, { categoryId: category.id }), await insertTask(ctx, { categoryId: category.id, completed: true, completedAt: new Date() })];
    const untouched = await insertTask(ctx, { categoryId: keep.id });

    const result = await deleteCategory(ctx, { id: category.id });
    expect(result).toEqual({ id: category.id, affectedTasks: 2 });

    const rows = await database.handle.db.select().from(tasks).where(eq(tasks.userId, ctx.userId));
    expect(rows).toHaveLength(3);
    for (const id of affected) expect(rows.find((r) => r.id === id)).toMatchObject({ categoryId: null, version: 2 });
    expect(rows.find((r) => r.id === untouched)).toMatchObject({ categoryId: keep.id, version: 1 });
    expect((await listCategories(ctx)).map((c) => c.name)).toEqual(["Kept"]);
    await expect(getCategory(ctx, { id: category.id })).rejects.toThrow(NotFoundError);

    const { activity: activityRows, outbox: events } = await recorded(ctx);
    expect(activityRows.at(-1)).toMatchObject({ entityType: "category", entityId: category.id, action: "deleted", oldValues: { name: "Doomed", color: null } });
    const changed = events.filter((e) => e.event.type === EVENT_TYPES.categoryChanged).at(-1);
    expect(changed?.event.data).toMatchObject({ action: "deleted", id: category.id });
    expect([...(changed?.event.data.affectedTaskIds as string[])].sort()).toEqual([...affected].sort());
    expect(events.at(-1)?.event.data).toEqual({ entity: "category", action: "deleted", id: category.id });
  });

  it("treats another user's category as not found and leaves it alone", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const category = await createCategory(owner, { name: "Private" });
    const taskId = await insertTask(owner, { categoryId: category.id });

    await expect(getCategory(stranger, { id: category.id })).rejects.toThrow(NotFoundError);
    await expect(updateCategory(stranger, { id: category.id, name: "Mine now" })).rejects.toThrow(NotFoundError);
    await expect(deleteCategory(stranger, { id: category.id })).rejects.toThrow(NotFoundError);
    await expect(deleteCategory(owner, { id: randomUUID() })).rejects.toThrow(NotFoundError);
    expect(await listCategories(stranger)).toEqual([]);

    expect(await getCategory(owner, { id: category.id })).toMatchObject({ name: "Private", taskCount: 1 });
    const [task] = await database.handle.db.select().from(tasks).where(and(eq(tasks.id, taskId)));
    expect(task).toMatchObject({ categoryId: category.id, version: 1 });
    expect(await recorded(stranger)).toEqual({ activity: [], outbox: [] });
    const ownerEvents = await database.handle.db.select().from(outbox).where(inArray(outbox.partitionKey, [owner.userId]));
    expect(ownerEvents).toHaveLength(2); // only the create
  });
});

describe.runIf(testDriver() === "postgres")("categories: races the database settles", () => {
  it("maps the unique index violation to the same duplicate-name conflict", async () => {
    const ctx = await newUser();
    const error = await againstUncommittedInsert(
      database.url ?? "",
      (tx) => tx`INSERT INTO categories (user_id, name) VALUES (${ctx.userId}, 'Errands')`,
      () => createCategory(ctx, { name: "errands" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(await recorded(ctx)).toEqual({ activity: [], outbox: [] });
  });

  it("maps the per-user limit trigger to the same LimitError", async () => {
    const ctx = await newUser();
    await database.handle.db
      .insert(categories)
      .values(Array.from({ length: MAX_CATEGORIES_PER_USER - 1 }, (_, i) => ({ userId: ctx.userId, name: `Category ${i}` })));
    const error = await againstUncommittedInsert(
      database.url ?? "",
      (tx) => tx`INSERT INTO categories (user_id, name) VALUES (${ctx.userId}, 'Fiftieth')`,
      () => createCategory(ctx, { name: "Fifty-first" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect(await listCategories(ctx)).toHaveLength(MAX_CATEGORIES_PER_USER);
  });
});
