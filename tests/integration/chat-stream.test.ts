import { createTRPCClient, httpBatchStreamLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createInnerContext, type InnerContext } from "@/server/api/context";
import { chatRouter } from "@/server/api/routers/chat";
import { createCallerFactory } from "@/server/api/trpc";
import type { ChatStreamEvent } from "@/server/chat/stream";
import { streamChatTurn } from "@/server/chat/stream";
import { createConversation } from "@/server/chat/store";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { startOpenAiDouble, type OpenAiDouble } from "../support/openai-double/server";

const now = () => new Date("2026-03-11T15:00:00Z");
const timeZone = "Europe/Berlin";
let db: TestDatabase;
let llm: OpenAiDouble;

beforeAll(async () => {
  db = await createTestDatabase();
  llm = await startOpenAiDouble();
  // The router reads the engine's settings from the environment (parsed once, on first use).
  vi.stubEnv("OPENAI_API_KEY", "test-key");
  vi.stubEnv("OPENAI_BASE_URL", llm.baseURL);
  vi.stubEnv("OPENAI_MODEL", "double");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await llm.close();
  await db.drop();
});

async function chatUser() {
  const domain = await createTestUser(db.handle, { timeZone, now });
  const inner = createInnerContext({ db: db.handle.db, user: { id: domain.userId, email: `${domain.userId}@example.test`, name: "U", timeZone }, now });
  const caller = createCallerFactory(chatRouter)(inner);
  const { id } = await caller.create();
  return { domain, inner, caller, conversationId: id };
}

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const seen: ChatStreamEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

const tokenText = (events: ChatStreamEvent[]) => events.flatMap((e) => (e.type === "token" ? [e.text] : [])).join("");

describe("chat.sendStream", () => {
  it("streams the model's words, then the stored message with its cards", async () => {
    const { caller, conversationId } = await chatUser();
    llm.script(
      { toolCalls: [{ name: "add_task", arguments: { title: "Buy milk", due_date: "tomorrow 5pm" } }] },
      { content: "Added Buy milk for tomorrow at 17:00." },
    );
    const events = await collect(await caller.sendStream({ conversationId, text: "I need milk tomorrow at 5" }));

    const last = events.at(-1);
    expect(last?.type).toBe("message");
    if (last?.type !== "message") return;
    expect(events.slice(0, -1).every((e) => e.type === "token")).toBe(true);
    expect(tokenText(events)).toBe("Added Buy milk for tomorrow at 17:00.");
    expect(last.message).toMatchObject({ role: "assistant", content: "Added Buy milk for tomorrow at 17:00." });
    expect(last.message.cards).toEqual([expect.objectContaining({ title: "Buy milk", dueAt: "2026-03-12T16:00:00.000Z" })]);
    // The streamed exchange is stored like a non-streamed one.
    const stored = await caller.messages({ conversationId });
    expect(stored.map((m) => [m.role, m.content])).toEqual([
      ["user", "I need milk tomorrow at 5"],
      ["assistant", "Added Buy milk for tomorrow at 17:00."],
    ]);
  });

  it("ends with the interpreter's answer when the model fails", async () => {
    const { caller, conversationId } = await chatUser();
    llm.script({ status: 500 });
    const events = await collect(await caller.sendStream({ conversationId, text: "add pay rent on April 1" }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "message", message: { content: expect.stringMatching(/^Added "pay rent"/) } });
  });

  it("ends with the interpreter's answer when the model's stream breaks off midway", async () => {
    const { caller, conversationId } = await chatUser();
    llm.script({ content: "Sure, let me think about rent for a moment.", dropAfterWords: 3 });
    const events = await collect(await caller.sendStream({ conversationId, text: "add pay rent on April 1" }));
    // The words that did arrive were passed on; the stored answer is the interpreter's.
    expect(tokenText(events)).toBe("Sure, let me ");
    const last = events.at(-1);
    expect(last).toMatchObject({ type: "message", message: { content: expect.stringMatching(/^Added "pay rent"/) } });
    const stored = await caller.messages({ conversationId });
    expect(stored.map((m) => m.content)).toEqual(["add pay rent on April 1", expect.stringMatching(/^Added "pay rent"/)]);
  });

  it("refuses another user's conversation before streaming", async () => {
    const owner = await chatUser();
    const stranger = await chatUser();
    await expect(stranger.caller.sendStream({ conversationId: owner.conversationId, text: "show my tasks" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await owner.caller.messages({ conversationId: owner.conversationId })).toEqual([]);
  });

  it("keeps chat.send answering in one piece", async () => {
    const { caller, conversationId } = await chatUser();
    llm.script({ content: "You have no tasks." });
    const reply = await caller.send({ conversationId, text: "what do I have?" });
    expect(reply.content).toBe("You have no tasks.");
  });

  it("reaches a browser-style client over HTTP with httpBatchStreamLink", async () => {
    const { inner, conversationId } = await chatUser();
    const handle = (req: Request) =>
      fetchRequestHandler({ endpoint: "/api/trpc", req, router: chatRouter, createContext: (): InnerContext => inner });
    const client = createTRPCClient<typeof chatRouter>({
      links: [httpBatchStreamLink({ url: "http://cadence.test/api/trpc", transformer: superjson, fetch: (url, init) => handle(new Request(url, init)) })],
    });
    llm.script({ content: "Nothing is due today." });
    const events = await collect(await client.sendStream.mutate({ conversationId, text: "what's due today?" }));
    expect(tokenText(events)).toBe("Nothing is due today.");
    const last = events.at(-1);
    expect(last).toMatchObject({ type: "message", message: { content: "Nothing is due today." } });
    if (last?.type === "message") expect(last.message.createdAt).toBeInstanceOf(Date);
  });
});

describe("streamChatTurn with the interpreter engine", () => {
  it("sends the answer as one final message", async () => {
    const { domain } = await chatUser();
    const { id } = await createConversation(domain);
    const events = await collect(streamChatTurn(domain, id, "add a high priority task to finish the report by Friday 5pm"));
    expect(events).toEqual([
      { type: "message", message: expect.objectContaining({ content: expect.stringMatching(/^Added "finish the report"/) }) },
    ]);
  });
});
