import { apiTokenCreateInput, apiTokenIdInput, createApiToken, listApiTokens, revokeApiToken } from "@/server/domain/api-tokens";
import { countTokenChanges, revertTokenChanges, tokenChangesInput, tokenRevertInput } from "@/server/domain/token-revert";
import { protectedProcedure, router } from "../trpc";

/** Personal API tokens for MCP clients: `create` is the only call that ever returns the secret. */
export const apiTokenRouter = router({
  create: protectedProcedure.input(apiTokenCreateInput).mutation(({ ctx, input }) => createApiToken(ctx.domain, input)),
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.domain)),
  revoke: protectedProcedure.input(apiTokenIdInput).mutation(({ ctx, input }) => revokeApiToken(ctx.domain, input)),
  /** How many changes the token made since a time (not yet reverted): for the "Revert everything …" question. */
  changesSince: protectedProcedure.input(tokenChangesInput).query(({ ctx, input }) => countTokenChanges(ctx.domain, input)),
  /** Reverts everything the token did since a time, in one step, through the activity log's revert. */
  revertChanges: protectedProcedure.input(tokenRevertInput).mutation(({ ctx, input }) => revertTokenChanges(ctx.domain, input)),
});
