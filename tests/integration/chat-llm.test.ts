import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { handleChatTurn } from "@/server/chat/engine";
import type { LlmConfig } from "@/server/chat/llm";
import { createConversation, listMessages } from "@/server/chat/store";
import { executeTool } from "@/server/tools";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { startOpenAiDouble, type OpenAiDouble } from "../support/openai-double/server";

const now = () => new Date("2026-03-11T15:00:00Z");
let db: TestDatabase;
let llm: OpenAiDouble;
let config: LlmConfig;

beforeAll(async () => {
  db = await createTestDatabase();
  llm = await startOpenAiDouble();
  config = { apiKey: "test-key", baseURL: llm.baseURL, model: "double" };
});
afterEach(() => {
  llm.requests.length = 0;
});
afterAll(async () => {
  await llm.close();
  await db.drop();
});

async function setup() {
  const ctx = await createTestUser(db.handle, { timeZone: "Europe/Berlin", now });
  const { id } = await createConversation(ctx);
  return { ctx, id };
}

describe("chat assistant (LLM engine via an OpenAI-compatible server)", () => {
  it("runs the model's tool calls through the registry and streams its answer", async () => {
    const { ctx, id } = await setup();
    llm.script(
      { toolCalls: [{ name: "add_task", arguments: { title: "Buy milk", due_date: "tomorrow 5pm", priority: "high" } }] },
      { content: "Added Buy milk for tomorrow at 17:00." },
    );
    const tokens: string[] = [];
    const reply = await handleChatTurn(ctx, id, "I need milk tomorrow at 5", { llm: config, onToken: (t) => tokens.push(t) });

    expect(reply.content).toBe("Added Buy milk for tomorrow at 17:00.");
    expect(tokens.join("")).toBe(reply.content);
    expect(reply.cards).toEqual([expect.objectContaining({ title: "Buy milk", priority: "high", dueAt: "2026-03-12T16:00:00.000Z" })]);
    // The model saw every registry tool, and the tool's outcome came back to it.
    expect(llm.requests[0]!.tools!.map((t) => t.function.name)).toContain("get_upcoming_tasks");
    expect(llm.requests[0]!.stream).toBe(true);
    const toolMessage = llm.requests[1]!.messages.find((m) => m.role === "tool");
    expect(JSON.parse(toolMessage!.content!)).toMatchObject({ ok: true, result: { task: { title: "Buy milk" } } });
  });

  it("turns a destructive tool call into a yes/no question", async () => {
    const { ctx, id } = await setup();
    const added = await executeTool(ctx, "add_task", { title: "Old plan" });
    if (!added.ok) throw new Error(added.error.message);
    llm.script(
      { toolCalls: [{ name: "search_tasks", arguments: { query: "old plan" } }] },
      { toolCalls: [{ name: "delete_task", arguments: { task_id: added.result.task.id } }] },
    );
    const ask = await handleChatTurn(ctx, id, "get rid of the old plan", { llm: config });
    expect(ask.content).toBe('Delete the task "Old plan"? Reply yes or no.');
    expect(await executeTool(ctx, "search_tasks", { query: "Old plan" })).toMatchObject({ ok: true, result: { total: 1 } });
    const done = await handleChatTurn(ctx, id, "yes", { llm: config });
    expect(done.content).toMatch(/Deleted "Old plan"/);
    expect(llm.requests).toHaveLength(2); // the "yes" never went to the model
  });

  it("undoes only what the conversation changed when the model asks to undo without naming an entry", async () => {
    const { ctx, id } = await setup();
    const earlier = await executeTool(ctx, "add_task", { title: "Water the ferns" });
    if (!earlier.ok) throw new Error(earlier.error.message);
    llm.script({ toolCalls: [{ name: "undo_change", arguments: {} }] }, { content: "Nothing of ours to undo." });
    await handleChatTurn(ctx, id, "undo that", { llm: config });

    const toolMessage = llm.requests[1]!.messages.find((m) => m.role === "tool");
    expect(JSON.parse(toolMessage!.content!)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/left to undo/) } });
    expect(await executeTool(ctx, "search_tasks", { query: "Water the ferns" })).toMatchObject({ ok: true, result: { total: 1 } });

    llm.script(
      { toolCalls: [{ name: "add_task", arguments: { title: "Call the plumber" } }] },
      { content: "Added." },
      { toolCalls: [{ name: "undo_change", arguments: {} }] },
      { content: "Undone." },
    );
    await handleChatTurn(ctx, id, "add call the plumber", { llm: config });
    await handleChatTurn(ctx, id, "undo that", { llm: config });
    expect(await executeTool(ctx, "search_tasks", { query: "Call the plumber" })).toMatchObject({ ok: true, result: { total: 0 } });
    expect(await executeTool(ctx, "search_tasks", { query: "Water the ferns" })).toMatchObject({ ok: true, result: { total: 1 } });
  });

  it("falls back to the interpreter when the service fails", async () => {
    const { ctx, id } = await setup();
    llm.script({ status: 500 });
    const errors: unknown[] = [];
    const reply = await handleChatTurn(ctx, id, "add pay rent on April 1", { llm: config, onLlmError: (e) => errors.push(e) });
    expect(errors).toHaveLength(1);
    expect(reply.content).toMatch(/^Added "pay rent"/);
    expect(reply.cards[0]).toMatchObject({ title: "pay rent", allDay: true });
    const messages = await listMessages(ctx, id);
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  });
});
