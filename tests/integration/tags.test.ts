import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { activity, outbox, tags, taskTags, tasks } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { ConflictError, LimitError, NotFoundError } from "@/server/domain/errors";
import { createTag, deleteTag, getTag, listTags, MAX_TAGS_PER_USER, updateTag } from "@/server/domain/tags";
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

/** Tasks are inserted directly: this suite is about tags, not task rules. */
async function insertTask(ctx: DomainContext, tagIds: string[], fields: Partial<typeof tasks.$inferInsert> = {}) {
  const id = randomUUID();
  await database.handle.db.insert(tasks).values({ id, userId: ctx.userId, title: `task ${id.slice(0, 6)}`, ...fields });
  if (tagIds.length > 0) await database.handle.db.insert(taskTags).values(tagIds.map((tagId) => ({ taskId: id, tagId })));
  return id;
}

const tagIdsOf = async (taskId: string) =>
  (await database.handle.db.select({ tagId: taskTags.tagId }).from(taskTags).where(eq(taskTags.taskId, taskId))).map((r) => r.tagId);

describe("tags", () => {
  it("creates a tag and records an activity row, a changed event and a sync notice", async () => {
    const ctx = await newUser();
    const tag = await createTag(ctx, { name: " urgent-ish ", color: "#abcdef" });
    expect(tag).toMatchObject({ name: "urgent-ish", color: "#ABCDEF" });
    expect(await getTag(ctx, { id: tag.id })).toMatchObject({ id: tag.id, name: "urgent-ish", taskCount: 0 });

    const { activity: rows, outbox: events } = await recorded(ctx);
    expect(rows).toEqual([expect.objectContaining({ entityType: "tag", entityId: tag.id, action: "created", newValues: { name: "urgent-ish", color: "#ABCDEF" } })]);
    expect(events).toEqual([
      { topic: TOPICS.taskEvents, event: expect.objectContaining({ type: EVENT_TYPES.tagChanged, data: expect.objectContaining({ action: "created", id: tag.id }) }) },
      { topic: TOPICS.taskUpdates, event: expect.objectContaining({ type: EVENT_TYPES.syncNotice, data: { entity: "tag", action: "created", id: tag.id } }) },
    ]);
  });

  it("lists by name case-insensitively with counts of open tasks only", async () => {
    const ctx = await newUser();
    const home = await createTag(ctx, { name: "home" });
    const calls = await createTag(ctx, { name: "Calls" });
    await createTag(ctx, { name: "zeta" });
    await insertTask(ctx, [home.id, calls.id]);
    await insertTask(ctx, [home.id]);
    await insertTask(ctx, [home.id], { completed: true, completedAt: new Date() });
    await insertTask(ctx, [calls.id], { deletedAt: new Date() });

    expect((await listTags(ctx)).map((t) => [t.name, t.taskCount])).toEqual([
      ["Calls", 1],
      ["home", 2],
      ["zeta", 0],
    ]);
  });

  it("rejects a duplicate name in any letter case, on create and on rename, storing nothing", async () => {
    const ctx = await newUser();
    await createTag(ctx, { name: "Errand" });
    const other = await createTag(ctx, { name: "Chore" });
    const before = await recorded(ctx);

    await expect(createTag(ctx, { name: "errand" })).rejects.toThrow(ConflictError);
    await expect(updateTag(ctx, { id: other.id, name: "ERRAND" })).rejects.toThrow(/a tag named "ERRAND" already exists/);

    expect((await listTags(ctx)).map((t) => t.name)).toEqual(["Chore", "Errand"]);
    expect(await recorded(ctx)).toEqual(before);
  });

  it("renames and recolours, recording old and new values", async () => {
    const ctx = await newUser();
    const tag = await createTag(ctx, { name: "calls" });
    await expect(updateTag(ctx, { id: tag.id, name: "Calls", color: "#00ff00" })).resolves.toMatchObject({ name: "Calls", color: "#00FF00" });

    const { activity: rows } = await recorded(ctx);
    expect(rows.at(-1)).toMatchObject({ action: "updated", oldValues: { name: "calls", color: null }, newValues: { name: "Calls", color: "#00FF00" } });
  });

  it("rejects a malformed colour or a name over 30 characters", async () => {
    const ctx = await newUser();
    await expect(createTag(ctx, { name: "ok", color: "#GGGGGG" })).rejects.toThrow(ZodError);
    await expect(createTag(ctx, { name: "x".repeat(31) })).rejects.toThrow(ZodError);
    const tag = await createTag(ctx, { name: "x".repeat(30) });
    await expect(updateTag(ctx, { id: tag.id, color: "red" })).rejects.toThrow(ZodError);
    expect(await listTags(ctx)).toHaveLength(1);
  });

  it(`allows ${MAX_TAGS_PER_USER} tags and refuses the next one`, async () => {
    const ctx = await newUser();
    for (let i = 1; i <= MAX_TAGS_PER_USER; i += 1) await createTag(ctx, { name: `tag-${i}` });
    const before = await recorded(ctx);

    const error = await createTag(ctx, { name: "one-too-many" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect(error).toMatchObject({ limit: "tagsPerUser", max: 100, message: "Limit reached: at most 100 tags per user" });

    expect(await listTags(ctx)).toHaveLength(MAX_TAGS_PER_USER);
    expect(await recorded(ctx)).toEqual(before);
  });

  it("deletes a tag: it leaves every task that had it, and those tasks move to a new version", async () => {
    const ctx = await newUser();
    const doomed = await createTag(ctx, { name: "doomed" });
    const kept = await createTag(ctx, { name: "kept" });
    const both = await insertTask(ctx, [doomed.id, kept.id]);
    const trashed = await insertTask(ctx, [doomed.id], { deletedAt: new Date() });
    const untouched = await insertTask(ctx, [kept.id]);

    expect(await deleteTag(ctx, { id: doomed.id })).toEqual({ id: doomed.id, affectedTasks: 2 });

    expect(await tagIdsOf(both)).toEqual([kept.id]);
    expect(await tagIdsOf(trashed)).toEqual([]);
    const rows = await database.handle.db.select().from(tasks).where(eq(tasks.userId, ctx.userId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.version]))).toEqual({ [both]: 2, [trashed]: 2, [untouched]: 1 });
    await expect(getTag(ctx, { id: doomed.id })).rejects.toThrow(NotFoundError);
    expect((await listTags(ctx)).map((t) => t.name)).toEqual(["kept"]);

    const { activity: activityRows, outbox: events } = await recorded(ctx);
    expect(activityRows.at(-1)).toMatchObject({ entityType: "tag", entityId: doomed.id, action: "deleted", oldValues: { name: "doomed", color: null } });
    const changed = events.filter((e) => e.event.type === EVENT_TYPES.tagChanged).at(-1);
    expect([...(changed?.event.data.affectedTaskIds as string[])].sort()).toEqual([both, trashed].sort());
    expect(events.at(-1)).toMatchObject({ topic: TOPICS.taskUpdates, event: { data: { entity: "tag", action: "deleted", id: doomed.id } } });
  });

  it("treats another user's tag as not found and records nothing for the stranger", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const tag = await createTag(owner, { name: "mine" });
    const taskId = await insertTask(owner, [tag.id]);

    await expect(getTag(stranger, { id: tag.id })).rejects.toThrow(NotFoundError);
    await expect(updateTag(stranger, { id: tag.id, color: "#000000" })).rejects.toThrow(NotFoundError);
    await expect(deleteTag(stranger, { id: tag.id })).rejects.toThrow(NotFoundError);
    expect(await listTags(stranger)).toEqual([]);

    expect(await getTag(owner, { id: tag.id })).toMatchObject({ name: "mine", color: null, taskCount: 1 });
    expect(await tagIdsOf(taskId)).toEqual([tag.id]);
    expect(await recorded(stranger)).toEqual({ activity: [], outbox: [] });
    expect((await recorded(owner)).outbox).toHaveLength(2); // only the create
  });
});

describe.runIf(testDriver() === "postgres")("tags: races the database settles", () => {
  it("maps the unique index violation to the same duplicate-name conflict", async () => {
    const ctx = await newUser();
    const error = await againstUncommittedInsert(
      database.url ?? "",
      (tx) => tx`INSERT INTO tags (user_id, name) VALUES (${ctx.userId}, 'Errand')`,
      () => createTag(ctx, { name: "errand" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
  });

  it("maps the per-user limit trigger to the same LimitError", async () => {
    const ctx = await newUser();
    await database.handle.db.insert(tags).values(Array.from({ length: MAX_TAGS_PER_USER - 1 }, (_, i) => ({ userId: ctx.userId, name: `tag-${i}` })));
    const error = await againstUncommittedInsert(
      database.url ?? "",
      (tx) => tx`INSERT INTO tags (user_id, name) VALUES (${ctx.userId}, 'hundredth')`,
      () => createTag(ctx, { name: "hundred-and-first" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect(await listTags(ctx)).toHaveLength(MAX_TAGS_PER_USER);
    expect(await recorded(ctx)).toEqual({ activity: [], outbox: [] });
  });
});
