import { apiTokenCreateInput, apiTokenIdInput, createApiToken, listApiTokens, revokeApiToken } from "@/server/domain/api-tokens";
import { protectedProcedure, router } from "../trpc";

/** Personal API tokens for MCP clients: `create` is the only call that ever returns the secret. */
export const apiTokenRouter = router({
  create: protectedProcedure.input(apiTokenCreateInput).mutation(({ ctx, input }) => createApiToken(ctx.domain, input)),
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.domain)),
  revoke: protectedProcedure.input(apiTokenIdInput).mutation(({ ctx, input }) => revokeApiToken(ctx.domain, input)),
});
