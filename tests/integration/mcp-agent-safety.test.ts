import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { activity, categories, reminders, tags, tasks, taskTags } from "@/server/db/schema";
import { createApiToken, type ApiTokenCreateInput } from "@/server/domain/api-tokens";
import { createCategory } from "@/server/domain/categories";
import type { DomainContext } from "@/server/domain/context";
import { createTag } from "@/server/domain/tags";
import { createTask } from "@/server/domain/tasks";
import { countTokenChanges, revertTokenChanges } from "@/server/domain/token-revert";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { dumpUserData } from "../support/user-data";
import { serveMcp } from "./mcp-helpers";

/**
 * The agent-safety acceptance, scripted through the official MCP SDK client over Streamable HTTP:
 * scopes, dry runs, confirmed deletions and bulk changes, category-limited tokens, and activity tagged
 * with the token's name. "Unchanged" is checked on a full dump of the user's rows, not on one field.
 */

let database: TestDatabase;
let server: Awaited<ReturnType<typeof serveMcp>>;
/** The server's clock: tests move it to expire confirmations. */
let clockOffsetMs = 0;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await serveMcp(database.handle.db, { now: () => new Date(Date.now() + clockOffsetMs) });
});
afterEach(async () => {
  clockOffsetMs = 0;
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

async function connect(ctx: DomainContext, token: ApiTokenCreateInput): Promise<Client> {
  const { token: secret } = await createApiToken(ctx, token);
  const client = new Client({ name: "agent-safety-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(server.url, { requestInit: { headers: { Authorization: `Bearer ${secret}` } } }));
  clients.push(client);
  return client;
}

type Structured = Record<string, unknown>;
interface Change {
  entity: string;
  id: string;
  action: string;
  name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
interface Preview {
  summary: string;
  applied: false;
  changes: Change[];
  confirmation_token?: string;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ isError: boolean; structured: Structured; text: string }> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text: string }[]).map((c) => c.text).join("\n");
  return { isError: result.isError === true, structured: result.structuredContent as Structured, text };
}
async function callOk<T = Structured>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const result = await call(client, name, args);
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.structured)}`);
  return result.structured as T;
}

/** Every row of the user's data (tasks with their tags and reminders, categories, tags), in a stable order. */
async function dump(userId: string): Promise<string> {
  const db = database.handle.db;
  const taskRows = await db.select().from(tasks).where(eq(tasks.userId, userId)).orderBy(asc(tasks.id));
  const ids = taskRows.map((t) => t.id);
  const [tagLinks, reminderRows, categoryRows, tagRows] = await Promise.all([
    ids.length ? db.select().from(taskTags).where(inArray(taskTags.taskId, ids)).orderBy(asc(taskTags.taskId), asc(taskTags.tagId)) : [],
    ids.length ? db.select().from(reminders).where(inArray(reminders.taskId, ids)).orderBy(asc(reminders.id)) : [],
    db.select().from(categories).where(eq(categories.userId, userId)).orderBy(asc(categories.id)),
    db.select().from(tags).where(eq(tags.userId, userId)).orderBy(asc(tags.id)),
  ]);
  return JSON.stringify({ taskRows, tagLinks, reminderRows, categoryRows, tagRows });
}

const deletedIds = async (userId: string) =>
  (await database.handle.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.userId, userId), isNotNull(tasks.deletedAt)))).map((r) => r.id).sort();

/** A user with 25 tasks: 5 in Work (one tagged), 20 in Home. */
async function seededUser() {
  const ctx = await createTestUser(database.handle, { timeZone: "Europe/Berlin", now: () => new Date() });
  const work = await createCategory(ctx, { name: "Work" });
  const home = await createCategory(ctx, { name: "Home" });
  const urgent = await createTag(ctx, { name: "urgent" });
  const workTasks = [];
  for (let i = 1; i <= 5; i += 1) {
    workTasks.push(await createTask(ctx, { title: `Work ${i}`, categoryId: work.id, tagIds: i === 1 ? [urgent.id] : [], dueAt: new Date(Date.UTC(2027, 0, i, 9)) }));
  }
  const homeTasks = [];
  for (let i = 1; i <= 20; i += 1) homeTasks.push(await createTask(ctx, { title: `Home ${i}`, categoryId: home.id }));
  return { ctx, work, home, urgent, workTasks, homeTasks };
}

describe("dry runs", () => {
  it("every kind of write answers with the exact before/after and leaves the data byte-identical", async () => {
    const { ctx, work, urgent, workTasks } = await seededUser();
    const client = await connect(ctx, { name: "Claude Desktop" });
    const before = await dump(ctx.userId);
    const target = workTasks[1]!;

    const update = await callOk<Preview>(client, "update_task", { task_id: target.id, title: "Renamed", priority: "urgent", due_date: null, dry_run: true });
    expect(update).toMatchObject({ applied: false, dry_run: true, summary: expect.stringMatching(/^Dry run, nothing changed: this would change 1 task \("Renamed"\)/) });
    expect(update.changes).toEqual([
      {
        entity: "task",
        id: target.id,
        action: "updated",
        name: "Renamed",
        before: { title: "Work 2", priority: "medium", due_date: "2027-01-02T09:00:00.000Z" },
        after: { title: "Renamed", priority: "urgent", due_date: null },
      },
    ]);

    const added = await callOk<Preview>(client, "add_task", { title: "New one", category_id: work.id, dry_run: true });
    expect(added.changes).toEqual([expect.objectContaining({ entity: "task", action: "created", name: "New one", before: null })]);

    const completed = await callOk<Preview>(client, "update_tasks", { task_ids: workTasks.map((t) => t.id), action: "complete", dry_run: true });
    expect(completed.changes.map((c) => [c.id, c.action, c.before?.completed, c.after?.completed])).toEqual(
      workTasks.map((t) => [t.id, "completed", false, true]),
    );

    const untag = await callOk<Preview>(client, "delete_tag", { tag_id: urgent.id, dry_run: true });
    expect(untag.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: "tag", id: urgent.id, action: "deleted", name: "urgent" }),
        expect.objectContaining({ entity: "task", id: workTasks[0]!.id, before: { tag_ids: [urgent.id] }, after: { tag_ids: [] } }),
      ]),
    );
    expect(untag.changes).toHaveLength(2);

    expect(await dump(ctx.userId)).toBe(before);
    // A dry run leaves no trace in the activity log either.
    expect(await database.handle.db.select().from(activity).where(and(eq(activity.userId, ctx.userId), isNotNull(activity.apiTokenId)))).toEqual([]);
  });
});

describe("confirmations for deletions and bulk changes", () => {
  it("a delete without confirmation deletes nothing; with it, exactly the previewed tasks", async () => {
    const { ctx, homeTasks } = await seededUser();
    const client = await connect(ctx, { name: "Claude Desktop" });
    const before = await dump(ctx.userId);
    const chosen = [homeTasks[2]!, homeTasks[5]!, homeTasks[7]!].map((t) => t.id);

    const preview = await callOk<Preview>(client, "delete_tasks", { task_ids: chosen });
    expect(preview).toMatchObject({ applied: false, confirmation_required: true, confirmation_token: expect.stringMatching(/^confirm_/) });
    expect(preview.summary).toContain('this would delete 3 tasks ("Home 3", "Home 6", "Home 8")');
    expect(preview.summary).toContain(preview.confirmation_token);
    expect(await dump(ctx.userId)).toBe(before);

    const done = await callOk<{ tasks: { id: string; deleted?: true }[] }>(client, "delete_tasks", {
      task_ids: chosen,
      confirmation_token: preview.confirmation_token,
    });
    expect(done.tasks.every((t) => t.deleted)).toBe(true);
    expect(await deletedIds(ctx.userId)).toEqual(preview.changes.map((c) => c.id).sort());
    expect(await deletedIds(ctx.userId)).toEqual([...chosen].sort());
  });

  it("a confirmation works once, only with the same arguments, only for 5 minutes, only for its own token", async () => {
    const { ctx, homeTasks, workTasks } = await seededUser();
    const client = await connect(ctx, { name: "Claude Desktop" });
    const other = await connect(ctx, { name: "Other agent" });
    const id = homeTasks[0]!.id;
    const tokenFor = async (args: Record<string, unknown>) => (await callOk<Preview>(client, "delete_task", args)).confirmation_token!;

    const changedArgs = await call(client, "delete_task", { task_id: workTasks[0]!.id, confirmation_token: await tokenFor({ task_id: id }) });
    expect(changedArgs).toMatchObject({ isError: true, structured: { error: { code: "invalid_argument", argument: "confirmation_token" } } });
    expect(changedArgs.text).toMatch(/arguments differ from the previewed call/);

    const foreign = await call(other, "delete_task", { task_id: id, confirmation_token: await tokenFor({ task_id: id }) });
    expect(foreign.text).toMatch(/unknown confirmation token/);

    const late = await tokenFor({ task_id: id });
    clockOffsetMs = 5 * 60_000 + 1_000;
    expect((await call(client, "delete_task", { task_id: id, confirmation_token: late })).text).toMatch(/expired/);
    clockOffsetMs = 0;
    expect(await deletedIds(ctx.userId)).toEqual([]);

    const once = await tokenFor({ task_id: id });
    await callOk(client, "delete_task", { task_id: id, confirmation_token: once });
    await callOk(client, "update_tasks", { task_ids: [id], action: "set_priority", priority: "low" }).catch(() => undefined);
    expect((await call(client, "delete_task", { task_id: id, confirmation_token: once })).text).toMatch(/already used/);
    expect(await deletedIds(ctx.userId)).toEqual([id]);
  });

  it("a confirmed call refuses when the data changed since the preview, and changes nothing", async () => {
    const { ctx, home, homeTasks } = await seededUser();
    const client = await connect(ctx, { name: "Claude Desktop" });
    const preview = await callOk<Preview>(client, "delete_category", { category_id: home.id });
    expect(preview.changes.filter((c) => c.entity === "task")).toHaveLength(20);
    await createTask(ctx, { title: "Home 21", categoryId: home.id }); // now the deletion would touch 21 tasks
    const before = await dump(ctx.userId);
    const refused = await call(client, "delete_category", { category_id: home.id, confirmation_token: preview.confirmation_token });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/data changed since the preview/);
    expect(await dump(ctx.userId)).toBe(before);
    expect(homeTasks).toHaveLength(20);
  });

  it("a change to more than 20 tasks needs confirmation; 20 or fewer do not", async () => {
    const { ctx, workTasks, homeTasks } = await seededUser();
    const client = await connect(ctx, { name: "Claude Desktop" });
    const twenty = homeTasks.map((t) => t.id);
    expect(await callOk(client, "update_tasks", { task_ids: twenty, action: "set_priority", priority: "high" })).toMatchObject({
      summary: expect.stringMatching(/^Set priority high on 20 tasks/),
    });
    const all = [...twenty, ...workTasks.map((t) => t.id)];
    const before = await dump(ctx.userId);
    const preview = await callOk<Preview>(client, "update_tasks", { task_ids: all, action: "set_priority", priority: "low" });
    expect(preview).toMatchObject({ applied: false, confirmation_required: true });
    expect(preview.changes).toHaveLength(25);
    expect(await dump(ctx.userId)).toBe(before);
    await callOk(client, "update_tasks", { task_ids: all, action: "set_priority", priority: "low", confirmation_token: preview.confirmation_token });
    const priorities = await database.handle.db.select({ p: tasks.priority }).from(tasks).where(eq(tasks.userId, ctx.userId));
    expect(new Set(priorities.map((r) => r.p))).toEqual(new Set(["low"]));
  });
});

describe("scopes", () => {
  it("a read-only token can read but not write or delete, and the error names the missing scope", async () => {
    const { ctx, homeTasks } = await seededUser();
    const client = await connect(ctx, { name: "Read only", scopes: ["read"] });
    const before = await dump(ctx.userId);
    expect(await callOk(client, "list_tasks", { limit: 5 })).toMatchObject({ total: 25 });

    const write = await call(client, "add_task", { title: "Sneaky" });
    expect(write).toMatchObject({ isError: true, structured: { error: { code: "forbidden", missing_scope: "write" } } });
    expect(write.text).toMatch(/lacks the "write" scope, which add_task needs/);
    const dry = await call(client, "update_task", { task_id: homeTasks[0]!.id, title: "x", dry_run: true });
    expect(dry.structured).toMatchObject({ error: { code: "forbidden", missing_scope: "write" } });
    const remove = await call(client, "delete_task", { task_id: homeTasks[0]!.id });
    expect(remove.structured).toMatchObject({ error: { code: "forbidden", missing_scope: "delete" } });
    expect(await dump(ctx.userId)).toBe(before);
  });

  it("a write token without delete cannot delete; a delete-only token cannot read", async () => {
    const { ctx, homeTasks } = await seededUser();
    const writer = await connect(ctx, { name: "Writer", scopes: ["read", "write"] });
    expect((await call(writer, "delete_tasks", { task_ids: [homeTasks[0]!.id] })).structured).toMatchObject({ error: { missing_scope: "delete" } });
    await callOk(writer, "complete_task", { task_id: homeTasks[0]!.id });
    const deleter = await connect(ctx, { name: "Deleter", scopes: ["delete"] });
    expect((await call(deleter, "search_tasks", { query: "home" })).structured).toMatchObject({ error: { missing_scope: "read" } });
  });

  it("undo_change through a token: only the token's own changes, and undoing a creation needs the delete scope", async () => {
    const { ctx, homeTasks } = await seededUser();
    const writer = await connect(ctx, { name: "Writer", scopes: ["read", "write"] });
    const created = await callOk<{ task: { id: string } }>(writer, "add_task", { title: "Made by the agent" });
    const before = await dump(ctx.userId);
    const refused = await call(writer, "undo_change", {});
    expect(refused.structured).toMatchObject({ error: { code: "forbidden", missing_scope: "delete" } });
    expect(await dump(ctx.userId)).toBe(before);

    // The person's own change (the seeding) is not the token's to undo, even by id.
    const [own] = await database.handle.db
      .select({ id: activity.id })
      .from(activity)
      .where(and(eq(activity.userId, ctx.userId), eq(activity.entityId, homeTasks[0]!.id)));
    expect((await call(writer, "undo_change", { activity_id: own!.id })).structured).toMatchObject({ error: { code: "not_found" } });
    expect(await dump(ctx.userId)).toBe(before);

    await callOk(writer, "complete_task", { task_id: created.task.id });
    await callOk(writer, "undo_change", {});
    const [row] = await database.handle.db.select({ completed: tasks.completed }).from(tasks).where(eq(tasks.id, created.task.id));
    expect(row!.completed).toBe(false);
  });

  it("a token limited to a category reads and changes only tasks in it", async () => {
    const { ctx, work, home, urgent, workTasks, homeTasks } = await seededUser();
    // Open tasks tagged "urgent": Work 1, plus two at home and one uncategorised the token must not count.
    for (const title of ["Home urgent 1", "Home urgent 2"]) await createTask(ctx, { title, categoryId: home.id, tagIds: [urgent.id] });
    await createTask(ctx, { title: "Loose urgent", tagIds: [urgent.id] });
    const client = await connect(ctx, { name: "Work bot", categoryIds: [work.id] });
    expect(await callOk(client, "list_tags", {})).toMatchObject({ tags: [{ id: urgent.id, open_tasks: 1 }], summary: "1 tag: urgent (1 open)." });
    const everything = await connect(ctx, { name: "Everything" });
    expect(await callOk(everything, "list_tags", {})).toMatchObject({ tags: [{ id: urgent.id, open_tasks: 4 }] });
    expect(await callOk(client, "list_tasks", { limit: 100 })).toMatchObject({ total: 5 });
    expect(await callOk(client, "search_tasks", { query: "home" })).toMatchObject({ total: 0 });
    expect(await callOk(client, "list_categories", {})).toMatchObject({ categories: [{ id: work.id }] });
    expect((await call(client, "list_tasks", { category_id: home.id })).structured).toMatchObject({ error: { code: "forbidden" } });

    const before = await dump(ctx.userId);
    expect((await call(client, "update_task", { task_id: homeTasks[0]!.id, title: "mine now" })).structured).toMatchObject({ error: { code: "forbidden" } });
    expect((await call(client, "update_task", { task_id: workTasks[0]!.id, category_id: home.id })).structured).toMatchObject({ error: { code: "forbidden" } });
    expect((await call(client, "add_task", { title: "No category" })).text).toMatch(/category_id/);
    expect((await call(client, "add_category", { name: "Elsewhere" })).structured).toMatchObject({ error: { code: "forbidden" } });
    expect(await dump(ctx.userId)).toBe(before);

    expect(await callOk(client, "add_task", { title: "Work 6", category_id: work.id })).toMatchObject({ task: { category: { id: work.id } } });
    expect(await callOk(client, "update_task", { task_id: workTasks[0]!.id, priority: "high" })).toMatchObject({ task: { priority: "high" } });
  });
});

describe("activity through a token", () => {
  it("every change is tagged with the token's name; the app's own changes are not", async () => {
    const { ctx, work, workTasks } = await seededUser();
    const client = await connect(ctx, { name: "Claude Desktop" });
    await callOk(client, "add_task", { title: "From the agent", category_id: work.id });
    const preview = await callOk<Preview>(client, "delete_task", { task_id: workTasks[0]!.id });
    await callOk(client, "delete_task", { task_id: workTasks[0]!.id, confirmation_token: preview.confirmation_token });
    const rows = await database.handle.db
      .select({ action: activity.action, actorName: activity.actorName, apiTokenId: activity.apiTokenId })
      .from(activity)
      .where(eq(activity.userId, ctx.userId))
      .orderBy(asc(activity.id));
    const byToken = rows.filter((r) => r.apiTokenId !== null);
    expect(byToken.map((r) => [r.action, r.actorName])).toEqual([
      ["created", "Claude Desktop"],
      ["deleted", "Claude Desktop"],
    ]);
    // The seeded rows (3 labels + 25 tasks) came from the app itself.
    expect(rows.filter((r) => r.apiTokenId === null)).toHaveLength(28);
    expect(rows.filter((r) => r.apiTokenId === null).every((r) => r.actorName === null)).toBe(true);
  });
});

describe("revert everything a token did", () => {
  it("restores the user's data byte-identical in one step, and leaves earlier changes alone", async () => {
    const { ctx, work, home, urgent, workTasks, homeTasks } = await seededUser();
    const client = await connect(ctx, { name: "Claude Desktop", scopes: ["read", "write", "delete"] });
    const before = await dumpUserData(database.handle.db, ctx.userId);
    const since = new Date(Date.now() - 1000);

    await callOk(client, "update_task", { task_id: workTasks[0]!.id, title: "Renamed by the agent", priority: "urgent", due_date: "2027-02-01T10:00" });
    await callOk(client, "complete_task", { task_id: workTasks[1]!.id });
    await callOk(client, "add_task", { title: "Agent's own task", category_id: work.id, tag_ids: [urgent.id] });
    await callOk(client, "update_tasks", { task_ids: homeTasks.slice(0, 10).map((t) => t.id), action: "set_priority", priority: "low" });
    const confirmDelete = await callOk<Preview>(client, "delete_tasks", { task_ids: [homeTasks[11]!.id, homeTasks[12]!.id] });
    await callOk(client, "delete_tasks", { task_ids: [homeTasks[11]!.id, homeTasks[12]!.id], confirmation_token: confirmDelete.confirmation_token });
    const confirmTag = await callOk<Preview>(client, "delete_tag", { tag_id: urgent.id });
    await callOk(client, "delete_tag", { tag_id: urgent.id, confirmation_token: confirmTag.confirmation_token });
    expect(await dumpUserData(database.handle.db, ctx.userId)).not.toBe(before);

    const { id: tokenId } = (await database.handle.db.select({ id: activity.apiTokenId }).from(activity).where(and(eq(activity.userId, ctx.userId), isNotNull(activity.apiTokenId))))[0]!;
    expect(await countTokenChanges(ctx, { id: tokenId!, since })).toMatchObject({ entries: 6 });
    const result = await revertTokenChanges(ctx, { id: tokenId!, since });
    expect(result.reverted).toHaveLength(6);
    expect(await dumpUserData(database.handle.db, ctx.userId)).toBe(before);
    expect(await countTokenChanges(ctx, { id: tokenId!, since })).toMatchObject({ entries: 0 });
    expect(home.name).toBe("Home");
    // Another user cannot revert this token's changes.
    const stranger = await createTestUser(database.handle, { now: () => new Date() });
    await expect(revertTokenChanges(stranger, { id: tokenId!, since })).rejects.toThrow(/apiToken/);
  });
});
