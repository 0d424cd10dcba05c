import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { tasks } from "@/server/db/schema";
import { createApiToken, revokeApiToken } from "@/server/domain/api-tokens";
import type { DomainContext } from "@/server/domain/context";
import { getTool, TOOL_NAMES } from "@/server/tools";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { serveMcp } from "./mcp-helpers";

/**
 * The MCP endpoint end to end over real HTTP: the SDK's own client against `handleMcpRequest`
 * (the same handler the Next route /api/mcp adapts), served by node:http on the loopback address.
 */

let database: TestDatabase;
let server: Awaited<ReturnType<typeof serveMcp>>;
let url: URL;
let alice: DomainContext;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await createTestUser(database.handle, { timeZone: "Europe/Berlin", now: () => new Date() });
  server = await serveMcp(database.handle.db);
  url = server.url;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: "cadence-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function tokenFor(ctx: DomainContext) {
  return createApiToken(ctx, { name: "test client" });
}

type Structured = Record<string, unknown> & { summary?: string };

async function callOk(client: Client, name: string, args: Record<string, unknown>): Promise<Structured> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.structuredContent)}`);
  const structured = result.structuredContent as Structured;
  // The text content is the human summary of the same result.
  expect(result.content).toEqual([{ type: "text", text: structured.summary }]);
  return structured;
}

/** A destructive call: the first answer is a preview with a confirmation token, the second does it. */
async function callConfirmed(client: Client, name: string, args: Record<string, unknown>): Promise<Structured> {
  const preview = await callOk(client, name, args);
  expect(preview).toMatchObject({ applied: false, confirmation_required: true, confirmation_token: expect.stringMatching(/^confirm_/) });
  return callOk(client, name, { ...args, confirmation_token: preview.confirmation_token });
}

const taskCount = async (userId: string) => (await database.handle.db.select().from(tasks).where(eq(tasks.userId, userId))).length;

describe("MCP server over Streamable HTTP", () => {
  it("lists the registry's tools with their argument schemas", async () => {
    const client = await connect((await tokenFor(alice)).token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOL_NAMES);
    const addTask = tools.find((t) => t.name === "add_task")!;
    expect(addTask.description).toBeTruthy();
    expect(addTask.inputSchema).toMatchObject({ type: "object", required: ["title"] });
    expect(Object.keys(addTask.inputSchema.properties ?? {})).toContain("due_date");
  });

  it("each tool's schema, as listed to the client, accepts its documented examples and refuses a wrong call", async () => {
    const client = await connect((await tokenFor(alice)).token);
    const { tools } = await client.listTools();
    const validator = new AjvJsonSchemaValidator();
    for (const tool of tools) {
      const examples = (tool.inputSchema as { examples?: unknown[] }).examples ?? [];
      expect(examples.length, `${tool.name} documents an example`).toBeGreaterThan(0);
      const validate = validator.getValidator(tool.inputSchema as Parameters<typeof validator.getValidator>[0]);
      for (const example of examples) {
        expect(validate(example), `${tool.name} ${JSON.stringify(example)}`).toMatchObject({ valid: true });
        // The registry's own (zod) schema agrees with the JSON Schema the client sees.
        expect(getTool(tool.name)!.inputSchema.safeParse(example).success, `${tool.name} ${JSON.stringify(example)}`).toBe(true);
      }
      expect(validate({ ...(examples[0] as object), not_an_argument: 1 }).valid, `${tool.name} refuses unknown arguments`).toBe(false);
      const writes = getTool(tool.name)!.scope !== "read";
      expect(Object.keys(tool.inputSchema.properties ?? {}).includes("dry_run"), `${tool.name} takes dry_run`).toBe(writes);
    }
  });

  it("calls every tool and returns structured results with a summary", async () => {
    const client = await connect((await tokenFor(alice)).token);
    const { category } = (await callOk(client, "add_category", { name: "Errands" })) as { category: { id: string } };
    const { tag } = (await callOk(client, "add_tag", { name: "shop", color: "#3b82f6" })) as { tag: { id: string } };
    const added = (await callOk(client, "add_task", {
      title: "Buy milk",
      due_date: "tomorrow 5pm",
      category_id: category.id,
      recurrence_rule: "every week",
    })) as { task: { id: string; title: string; recurrence_rule: string } };
    expect(added.task).toMatchObject({ title: "Buy milk", recurrence_rule: "FREQ=WEEKLY" });
    const id = added.task.id;

    expect(await callOk(client, "add_tag_to_task", { task_id: id, tag_id: tag.id })).toMatchObject({ task: { tags: [{ id: tag.id }] } });
    expect(await callOk(client, "remove_tag_from_task", { task_id: id, tag_id: tag.id })).toMatchObject({ task: { tags: [] } });
    expect(await callOk(client, "set_reminder", { task_id: id, remind_before_minutes: 15 })).toMatchObject({
      task: { reminders: [{ minutes_before: 15 }] },
    });
    expect(await callOk(client, "update_task", { task_id: id, priority: "high" })).toMatchObject({ task: { priority: "high" } });
    expect(await callOk(client, "list_tasks", {})).toMatchObject({ total: 1, tasks: [{ id }] });
    expect(await callOk(client, "search_tasks", { query: "milk" })).toMatchObject({ total: 1 });
    expect(await callOk(client, "get_upcoming_tasks", { days: 2 })).toMatchObject({ total: 1 });
    expect(await callOk(client, "get_overdue_tasks", {})).toMatchObject({ total: 0 });
    expect(await callOk(client, "list_categories", {})).toMatchObject({ categories: [{ id: category.id, open_tasks: 1 }] });
    expect(await callOk(client, "list_tags", {})).toMatchObject({ tags: [{ id: tag.id }] });
    expect(await callOk(client, "rename_tag", { tag_id: tag.id, name: "shopping" })).toMatchObject({ tag: { id: tag.id, name: "shopping" }, previous_name: "shop" });
    expect(await callOk(client, "rename_category", { category_id: category.id, name: "Chores" })).toMatchObject({
      summary: 'Renamed the category "Errands" to "Chores".',
      category: { id: category.id, name: "Chores" },
    });
    await callOk(client, "undo_change", {});
    expect(await callOk(client, "list_categories", {})).toMatchObject({ categories: [{ id: category.id, name: "Errands" }] });
    expect(await callOk(client, "complete_task", { task_id: id })).toMatchObject({ task: { completed: true } });
    expect(await callOk(client, "update_tasks", { task_ids: [id], action: "set_priority", priority: "low" })).toMatchObject({ tasks: [{ priority: "low" }] });
    // Deletions answer with a preview first and happen once confirmed.
    expect(await callConfirmed(client, "delete_task", { task_id: id })).toMatchObject({ task: { deleted: true } });
    expect(await callConfirmed(client, "delete_tag", { tag_id: tag.id })).toMatchObject({ deleted_id: tag.id });
    expect(await callConfirmed(client, "delete_category", { category_id: category.id })).toMatchObject({ deleted_id: category.id });
    const second = (await callOk(client, "add_task", { title: "Second" })) as { task: { id: string } };
    expect(await callConfirmed(client, "delete_tasks", { task_ids: [second.task.id] })).toMatchObject({ tasks: [{ deleted: true }] });
  });

  it("reports a bad argument as a tool error naming the argument", async () => {
    const client = await connect((await tokenFor(alice)).token);
    const result = await client.callTool({ name: "add_task", arguments: { title: "x", due_date: "someday maybe" } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ error: { code: "invalid_argument", argument: "due_date" } });
    expect(JSON.stringify(result.content)).toContain("due_date");
    const missing = await client.callTool({ name: "complete_task", arguments: { task_id: "6f1c7e4e-1111-4222-8333-444455556666" } });
    expect(missing).toMatchObject({ isError: true, structuredContent: { error: { code: "not_found", argument: "task_id" } } });
    await expect(client.callTool({ name: "rm_rf", arguments: {} })).rejects.toThrow(/Unknown tool/);
  });
});

describe("MCP authentication", () => {
  const addTaskRequest = (authorization?: string) =>
    fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        "MCP-Protocol-Version": "2025-06-18",
        ...(authorization ? { Authorization: authorization } : {}),
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "add_task", arguments: { title: "Sneaky" } } }),
    });

  it("refuses a missing or invalid token with 401 and runs no tool", async () => {
    const before = await taskCount(alice.userId);
    for (const authorization of [undefined, "Bearer cad_not-a-real-token", "Basic abc", `Bearer cad_${"A".repeat(43)}`]) {
      const response = await addTaskRequest(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32001 }, id: null });
    }
    expect(await taskCount(alice.userId)).toBe(before);
    await expect(connect("cad_wrong")).rejects.toThrow();
  });

  it("a valid token works over plain HTTP too, acting as its owner", async () => {
    const bob = await createTestUser(database.handle, { now: () => new Date() });
    const { token } = await tokenFor(bob);
    const response = await addTaskRequest(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { structuredContent: { task: { title: "Sneaky" } } } });
    expect(await taskCount(bob.userId)).toBe(1);
  });

  it("refuses the next request once the token is revoked mid-session", async () => {
    const created = await tokenFor(alice);
    const client = await connect(created.token);
    await callOk(client, "list_tasks", {});
    await revokeApiToken(alice, { id: created.id });
    const before = await taskCount(alice.userId);
    await expect(client.callTool({ name: "add_task", arguments: { title: "After revoke" } })).rejects.toThrow(/401|Unauthorized/i);
    expect(await taskCount(alice.userId)).toBe(before);
  });

  it("answers GET and DELETE with 405 (stateless server) but only after the token check", async () => {
    const { token } = await tokenFor(alice);
    expect((await fetch(url, { method: "GET", headers: { Accept: "text/event-stream" } })).status).toBe(401);
    const get = await fetch(url, { method: "GET", headers: { Accept: "text/event-stream", Authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
    expect((await fetch(url, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } })).status).toBe(405);
  });
});
