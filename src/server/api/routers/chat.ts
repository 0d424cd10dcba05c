import { z } from "zod";
import { handleChatTurn } from "@/server/chat/engine";
import { llmConfigFrom } from "@/server/chat/llm";
import { createConversation, deleteConversation, listConversations, listMessages, loadConversation } from "@/server/chat/store";
import { streamChatTurn } from "@/server/chat/stream";
import { env } from "@/server/env";
import { LIMITS } from "@/server/limits";
import type { InnerContext } from "../context";
import { toTRPCError } from "../errors";
import { assistantProcedure, protectedProcedure, router } from "../trpc";

const conversationInput = z.object({ conversationId: z.uuid({ message: "must be a conversation id" }) }).strict();
const sendInput = conversationInput.extend({
  text: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(LIMITS.chatMessageLength, `must be at most ${LIMITS.chatMessageLength} characters`),
});

const turnOptions = (ctx: InnerContext) => ({
  llm: llmConfigFrom(env()),
  onLlmError: (error: unknown) => ctx.log?.warn({ err: error }, "chat LLM engine failed; the interpreter answered"),
});

/** Errors thrown mid-stream skip the middleware, so they are mapped here. */
async function* withMappedErrors<T>(events: AsyncGenerator<T, void, void>): AsyncGenerator<T, void, void> {
  try {
    yield* events;
  } catch (error) {
    throw toTRPCError(error) ?? error;
  }
}

export const chatRouter = router({
  conversations: protectedProcedure.query(({ ctx }) => listConversations(ctx.domain)),
  create: protectedProcedure.mutation(({ ctx }) => createConversation(ctx.domain)),
  messages: protectedProcedure.input(conversationInput).query(({ ctx, input }) => listMessages(ctx.domain, input.conversationId)),
  /** The whole answer at once, for callers that do not read streams. */
  send: assistantProcedure.input(sendInput).mutation(({ ctx, input }) => handleChatTurn(ctx.domain, input.conversationId, input.text, turnOptions(ctx))),
  /**
   * The answer as it is written: `token` events, then the stored `message`. Needs httpBatchStreamLink
   * (or createCaller, which hands back the async iterable).
   */
  sendStream: assistantProcedure.input(sendInput).mutation(async ({ ctx, input }) => {
    // Checked before streaming starts, while the error-mapping middleware can still turn it into NOT_FOUND.
    await loadConversation(ctx.domain, input.conversationId);
    return withMappedErrors(streamChatTurn(ctx.domain, input.conversationId, input.text, turnOptions(ctx)));
  }),
  delete: protectedProcedure.input(conversationInput).mutation(({ ctx, input }) => deleteConversation(ctx.domain, input.conversationId)),
});
