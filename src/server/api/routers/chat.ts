import { z } from "zod";
import { handleChatTurn } from "@/server/chat/engine";
import { llmConfigFrom } from "@/server/chat/llm";
import { createConversation, deleteConversation, listConversations, listMessages } from "@/server/chat/store";
import { env } from "@/server/env";
import { protectedProcedure, router } from "../trpc";

const conversationInput = z.object({ conversationId: z.uuid({ message: "must be a conversation id" }) }).strict();
const sendInput = conversationInput.extend({
  text: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
});

export const chatRouter = router({
  conversations: protectedProcedure.query(({ ctx }) => listConversations(ctx.domain)),
  create: protectedProcedure.mutation(({ ctx }) => createConversation(ctx.domain)),
  messages: protectedProcedure.input(conversationInput).query(({ ctx, input }) => listMessages(ctx.domain, input.conversationId)),
  send: protectedProcedure.input(sendInput).mutation(({ ctx, input }) =>
    handleChatTurn(ctx.domain, input.conversationId, input.text, {
      llm: llmConfigFrom(env()),
      onLlmError: (error) => ctx.log?.warn({ err: error }, "chat LLM engine failed; the interpreter answered"),
    }),
  ),
  delete: protectedProcedure.input(conversationInput).mutation(({ ctx, input }) => deleteConversation(ctx.domain, input.conversationId)),
});
