// Conversations and messages of one user. Another user's conversation is "not found", never "forbidden".
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { chatConversations, chatMessages } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { NotFoundError } from "@/server/domain/errors";
import type { LastChange, Pending, TaskChoice } from "./interpreter";
import type { TaskCard } from "./cards";
import type { ExecutedCall } from "./compose";

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ChatMessageView {
  id: string;
  role: "user" | "assistant";
  content: string;
  cards: TaskCard[];
  suggestions: string[];
  createdAt: Date;
}

/** What an assistant message keeps in `tool_calls`: the calls made, their outcomes, and the cards shown. */
export interface StoredTurn {
  engine: "interpreter" | "llm";
  calls: ExecutedCall[];
  cards: TaskCard[];
  suggestions?: string[];
  /** The task this turn was about (what "it" means next turn); null when it was about several. */
  focus?: TaskChoice | null;
  /** The user's newest activity entry before the conversation's first turn: its undo reaches no further back. */
  activityFloor?: number;
}

const storedTurn = z.object({ cards: z.array(z.custom<TaskCard>()).default([]), suggestions: z.array(z.string()).optional() }).loose();
const pendingSchema = z.custom<Pending>((value) => typeof value === "object" && value !== null && "type" in value);

const summaryColumns = {
  id: chatConversations.id,
  title: chatConversations.title,
  createdAt: chatConversations.createdAt,
  updatedAt: chatConversations.updatedAt,
};

export async function listConversations(ctx: DomainContext): Promise<ConversationSummary[]> {
  return ctx.db
    .select(summaryColumns)
    .from(chatConversations)
    .where(eq(chatConversations.userId, ctx.userId))
    .orderBy(desc(chatConversations.updatedAt))
    .limit(100);
}

export async function createConversation(ctx: DomainContext): Promise<ConversationSummary> {
  // Timestamps come from the database clock so messages of one conversation keep their order.
  const [row] = await ctx.db
    .insert(chatConversations)
    .values({ userId: ctx.userId })
    .returning(summaryColumns);
  if (!row) throw new Error("conversation insert returned no row");
  return row;
}

/** The conversation with its pending question; throws NotFoundError for a missing or foreign id. */
export async function loadConversation(ctx: DomainContext, id: string): Promise<ConversationSummary & { pending: Pending | null }> {
  const [row] = await ctx.db
    .select({ ...summaryColumns, pending: chatConversations.pending })
    .from(chatConversations)
    .where(and(eq(chatConversations.id, id), eq(chatConversations.userId, ctx.userId)));
  if (!row) throw new NotFoundError("conversation", id);
  const pending = pendingSchema.safeParse(row.pending);
  return { ...row, pending: pending.success ? pending.data : null };
}

export async function deleteConversation(ctx: DomainContext, id: string): Promise<{ id: string }> {
  const deleted = await ctx.db
    .delete(chatConversations)
    .where(and(eq(chatConversations.id, id), eq(chatConversations.userId, ctx.userId)))
    .returning({ id: chatConversations.id });
  if (deleted.length === 0) throw new NotFoundError("conversation", id);
  return { id };
}

function toView(row: { id: string; role: string; content: string; toolCalls: unknown; createdAt: Date }): ChatMessageView {
  const turn = storedTurn.safeParse(row.toolCalls ?? {});
  return {
    id: row.id,
    role: row.role === "user" ? "user" : "assistant",
    content: row.content,
    cards: turn.success ? turn.data.cards : [],
    suggestions: turn.success ? (turn.data.suggestions ?? []) : [],
    createdAt: row.createdAt,
  };
}

export async function listMessages(ctx: DomainContext, conversationId: string): Promise<ChatMessageView[]> {
  await loadConversation(ctx, conversationId);
  const rows = await ctx.db
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.conversationId, conversationId))
    .orderBy(asc(chatMessages.createdAt));
  return rows.map(toView);
}

export async function appendMessage(
  ctx: DomainContext,
  conversationId: string,
  message: { role: "user" | "assistant"; content: string; turn?: StoredTurn },
): Promise<ChatMessageView> {
  const [row] = await ctx.db
    .insert(chatMessages)
    // clock_timestamp, not now(): several messages written in one transaction still keep their order.
    .values({ conversationId, role: message.role, content: message.content, toolCalls: message.turn ?? null, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!row) throw new Error("message insert returned no row");
  return toView(row);
}

/** Saves the pending question (or clears it), bumps the conversation, and names it after its first request. */
export async function touchConversation(ctx: DomainContext, id: string, update: { pending: Pending | null; title?: string }): Promise<void> {
  await ctx.db
    .update(chatConversations)
    .set({ pending: update.pending, updatedAt: sql`now()`, ...(update.title ? { title: update.title } : {}) })
    .where(and(eq(chatConversations.id, id), eq(chatConversations.userId, ctx.userId)));
}

const FOCUS_LOOKBACK = 10;

/** What the conversation so far means for the next words: "it", "them", the change a correction replaces, undo's reach. */
export interface ConversationMemory {
  focus: TaskChoice | null;
  listed: TaskChoice[] | null;
  lastChange: LastChange | null;
  /** undefined: a conversation from before floors were kept (undo is not limited). */
  activityFloor: number | null | undefined;
}

const storedMemory = z
  .object({
    cards: z.array(z.object({ id: z.string(), title: z.string() }).loose()).default([]),
    calls: z.array(z.object({ tool: z.string(), args: z.record(z.string(), z.unknown()), outcome: z.object({ ok: z.boolean() }).loose() }).loose()).default([]),
    focus: z.object({ id: z.string(), title: z.string() }).nullable().optional(),
    activityFloor: z.number().optional(),
  })
  .loose();

/** Tools that only read: a turn of them changed nothing a correction could replace. */
const READ_TOOLS = new Set(["list_tasks", "search_tasks", "get_overdue_tasks", "get_upcoming_tasks", "list_tags", "list_categories", "get_task"]);

export async function conversationMemory(ctx: DomainContext, conversationId: string): Promise<ConversationMemory> {
  const rows = await ctx.db
    .select({ toolCalls: chatMessages.toolCalls })
    .from(chatMessages)
    .innerJoin(chatConversations, eq(chatConversations.id, chatMessages.conversationId))
    .where(and(eq(chatMessages.conversationId, conversationId), eq(chatConversations.userId, ctx.userId), eq(chatMessages.role, "assistant")))
    .orderBy(desc(chatMessages.createdAt))
    .limit(FOCUS_LOOKBACK);
  const memory: ConversationMemory = { focus: null, listed: null, lastChange: null, activityFloor: null };
  let focusSeen = false;
  for (const [index, row] of rows.entries()) {
    const turn = storedMemory.safeParse(row.toolCalls);
    if (!turn.success) continue;
    if (!focusSeen && turn.data.focus !== undefined) [memory.focus, focusSeen] = [turn.data.focus, true];
    // Only the latest turn's cards: "them" means what was just shown.
    if (index === 0 && turn.data.cards.length) memory.listed = turn.data.cards.map((c) => ({ id: c.id, title: c.title }));
    const write = turn.data.calls.findLast((c) => c.outcome.ok && !READ_TOOLS.has(c.tool));
    if (!memory.lastChange && index === 0 && write) memory.lastChange = { tool: write.tool as LastChange["tool"], args: write.args as LastChange["args"] };
  }
  // The floor is kept on every turn from the first on; a conversation without it on its turns predates floors.
  const latest = rows[0] ? storedMemory.safeParse(rows[0].toolCalls) : undefined;
  memory.activityFloor = !rows.length ? null : latest?.success && latest.data.activityFloor !== undefined ? latest.data.activityFloor : undefined;
  return memory;
}
