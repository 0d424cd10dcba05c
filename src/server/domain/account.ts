import { and, eq, like, or, sql } from "drizzle-orm";
import { verifyPassword } from "better-auth/crypto";
import { z } from "zod";
import { accounts, deadLetters, outbox, rateLimitCounters, users } from "@/server/db/schema";
import type { DomainContext } from "./context";
import { ValidationError } from "./errors";

export const accountDeleteInput = z
  .object({ password: z.string().min(1, "enter your password to confirm").max(128, "must be at most 128 characters") })
  .strict();
export type AccountDeleteInput = z.input<typeof accountDeleteInput>;

/**
 * Deletes the signed-in user and everything that is theirs, after they re-entered their password. Rows that
 * reference the user (tasks, tags, categories, reminders, notifications, activity, sessions, API tokens, chat,
 * push subscriptions, webhooks, …) go by ON DELETE CASCADE; events about them that still sit in the outbox or
 * the dead-letter table, and their rate-limit counters, are removed in the same transaction.
 */
export async function deleteAccount(ctx: DomainContext, rawInput: AccountDeleteInput): Promise<{ deleted: true }> {
  const input = accountDeleteInput.parse(rawInput);
  const [credential] = await ctx.db
    .select({ hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, ctx.userId), eq(accounts.providerId, "credential")));
  const matches = credential?.hash ? await verifyPassword({ hash: credential.hash, password: input.password }) : false;
  if (!matches) throw new ValidationError("password", "is not your current password");
  await ctx.db.transaction(async (tx) => {
    await tx.delete(outbox).where(eq(outbox.partitionKey, ctx.userId));
    await tx.delete(deadLetters).where(sql`${deadLetters.event}::text like ${`%${ctx.userId}%`}`);
    await tx
      .delete(rateLimitCounters)
      .where(or(like(rateLimitCounters.key, `writes:${ctx.userId}`), like(rateLimitCounters.key, `assistant:${ctx.userId}`)));
    await tx.delete(users).where(eq(users.id, ctx.userId));
  });
  return { deleted: true };
}
