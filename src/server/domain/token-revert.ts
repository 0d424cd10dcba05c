import { and, count, desc, eq, gte, isNull, min, ne } from "drizzle-orm";
import { z } from "zod";
import { activity, apiTokens } from "@/server/db/schema";
import type { DomainContext } from "./context";
import { NotFoundError, ValidationError } from "./errors";
import { revertActivitiesIn, type RevertResult } from "./undo/revert";

/**
 * "Revert everything this token did since …": every activity entry made through one API token from a given
 * time on, reverted newest first in ONE transaction by the undo engine (activity.revert), recorded as one
 * entry that can itself be reverted. Entries already reverted are left out.
 */

export const tokenChangesInput = z
  .object({
    id: z.uuid({ message: "must be a valid id" }),
    since: z.coerce.date({ message: "must be a date and time" }),
  })
  .strict();
export const tokenRevertInput = tokenChangesInput.extend({ applyRest: z.boolean().optional() }).strict();
export type TokenChangesInput = z.input<typeof tokenChangesInput>;
export type TokenRevertInput = z.input<typeof tokenRevertInput>;

async function assertTokenOwned(ctx: DomainContext, id: string) {
  const [row] = await ctx.db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.userId)));
  if (!row) throw new NotFoundError("apiToken", id);
}

const tokenEntries = (ctx: DomainContext, input: { id: string; since: Date }) =>
  and(
    eq(activity.userId, ctx.userId),
    eq(activity.apiTokenId, input.id),
    gte(activity.createdAt, input.since),
    isNull(activity.revertedById),
    ne(activity.action, "reverted"),
  );

/** How many not-yet-reverted changes the token made since then, and when the first was (for the confirmation). */
export async function countTokenChanges(ctx: DomainContext, rawInput: TokenChangesInput): Promise<{ entries: number; firstAt: Date | null }> {
  const input = tokenChangesInput.parse(rawInput);
  await assertTokenOwned(ctx, input.id);
  const [row] = await ctx.db.select({ entries: count(), firstAt: min(activity.createdAt) }).from(activity).where(tokenEntries(ctx, input));
  return { entries: row?.entries ?? 0, firstAt: row?.firstAt ?? null };
}

export async function revertTokenChanges(ctx: DomainContext, rawInput: TokenRevertInput): Promise<RevertResult> {
  const input = tokenRevertInput.parse(rawInput);
  await assertTokenOwned(ctx, input.id);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ id: activity.id }).from(activity).where(tokenEntries(ctx, input)).orderBy(desc(activity.id));
    if (rows.length === 0) throw new ValidationError("since", "this token changed nothing since then (or it was all reverted already)");
    return revertActivitiesIn(tx, ctx, rows.map((r) => r.id), { applyRest: input.applyRest });
  });
}
