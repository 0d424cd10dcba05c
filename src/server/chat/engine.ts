// A chat turn: store the user's words, answer with the LLM engine when one is configured (falling
// back to the deterministic interpreter on any failure), store the answer and the pending question.
import type { DomainContext } from "@/server/domain/context";
import { newestActivityId } from "@/server/domain/undo/latest";
import { followUp } from "./interpreter/follow-up";
import { normalize } from "./interpreter/normalize";
import { llmTurn, type LlmConfig } from "./llm";
import { appendMessage, conversationMemory, listMessages, loadConversation, touchConversation, type ChatMessageView, type ConversationMemory } from "./store";
import { interpreterTurn, type TurnResult } from "./turn";

export interface ChatTurnOptions {
  /** The LLM engine's settings; null or absent uses the interpreter only. */
  llm?: LlmConfig | null;
  /** Receives the reply's text as the LLM streams it. */
  onToken?: (text: string) => void;
  /** Told when the LLM engine failed and the interpreter answered instead. */
  onLlmError?: (error: unknown) => void;
}

const DEFAULT_TITLE = "New conversation";
const TITLE_LENGTH = 60;

const titleFrom = (text: string) => (text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : text);

async function answer(
  ctx: DomainContext,
  conversationId: string,
  text: string,
  pending: TurnResult["pending"],
  options: ChatTurnOptions,
  memory: ConversationMemory,
  activityFloor: number | undefined,
) {
  // Yes/no and "the second one" are always read deterministically, whichever engine asked.
  const isFollowUp = pending !== null && followUp(normalize(text), pending) !== undefined;
  if (options.llm && !isFollowUp) {
    try {
      const history = (await listMessages(ctx, conversationId)).slice(0, -1).map(({ role, content }) => ({ role, content }));
      return { engine: "llm" as const, result: await llmTurn(ctx, options.llm, history, text, options.onToken, activityFloor) };
    } catch (error) {
      options.onLlmError?.(error);
    }
  }
  return { engine: "interpreter" as const, result: await interpreterTurn(ctx, text, pending, memory, activityFloor) };
}

export async function handleChatTurn(
  ctx: DomainContext,
  conversationId: string,
  text: string,
  options: ChatTurnOptions = {},
): Promise<ChatMessageView> {
  const conversation = await loadConversation(ctx, conversationId);
  await appendMessage(ctx, conversationId, { role: "user", content: text });
  // The assistant's undo reaches back only to the conversation's own changes: the newest activity entry before
  // its first turn is kept on every turn (absent on conversations from before, which are not limited).
  const memory = await conversationMemory(ctx, conversationId);
  const activityFloor = memory.activityFloor === null ? await newestActivityId(ctx) : memory.activityFloor;
  const { engine, result } = await answer(ctx, conversationId, text, conversation.pending, options, memory, activityFloor);
  await touchConversation(ctx, conversationId, {
    pending: result.pending,
    title: conversation.title === DEFAULT_TITLE ? titleFrom(text.trim()) : undefined,
  });
  return appendMessage(ctx, conversationId, {
    role: "assistant",
    content: result.content,
    turn: {
      engine,
      calls: result.calls,
      cards: result.cards,
      suggestions: result.suggestions,
      ...(result.focus !== undefined ? { focus: result.focus } : {}),
      ...(activityFloor !== undefined ? { activityFloor } : {}),
    },
  });
}
