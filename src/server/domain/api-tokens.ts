import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/server/db/client";
import { apiTokens, users } from "@/server/db/schema";
import type { DomainContext } from "./context";
import { NotFoundError } from "./errors";

/**
 * Per-user API tokens for the MCP server. The secret is shown once at creation; only its SHA-256 hash
 * is stored, so a database leak does not hand out working tokens.
 */

export const API_TOKEN_PREFIX = "cad_";
/** "cad_" + 8 characters: enough to recognise a token in a list, far too little to guess the rest. */
const DISPLAY_PREFIX_LENGTH = 12;
/** 32 random bytes in base64url are 43 characters. */
const TOKEN_LENGTH = API_TOKEN_PREFIX.length + 43;
/** last_used_at is a hint for the user, not an audit log: at most one write a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const apiTokenCreateInput = z
  .object({ name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters") })
  .strict();
export const apiTokenIdInput = z.object({ id: z.uuid({ message: "must be a valid id" }) }).strict();
export type ApiTokenCreateInput = z.input<typeof apiTokenCreateInput>;
export type ApiTokenIdInput = z.input<typeof apiTokenIdInput>;

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  /** The full secret: returned only here, never stored or shown again. */
  token: string;
  prefix: string;
  createdAt: Date;
}

export interface ApiTokenIdentity {
  userId: string;
  timeZone: string;
  tokenId: string;
}

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

const summaryColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function createApiToken(ctx: DomainContext, rawInput: ApiTokenCreateInput): Promise<CreatedApiToken> {
  const input = apiTokenCreateInput.parse(rawInput);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, DISPLAY_PREFIX_LENGTH);
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ userId: ctx.userId, name: input.name, tokenHash: hashToken(token), prefix, createdAt: ctx.now() })
    .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
  return { id: row!.id, name: input.name, token, prefix, createdAt: row!.createdAt };
}

/** The user's tokens, newest first, revoked ones included (so the user sees what was revoked when). */
export async function listApiTokens(ctx: DomainContext): Promise<ApiTokenSummary[]> {
  return ctx.db
    .select(summaryColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, ctx.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revoking takes effect on the token's next request. Revoking twice keeps the first revocation time. */
export async function revokeApiToken(ctx: DomainContext, rawInput: ApiTokenIdInput): Promise<ApiTokenSummary> {
  const { id } = apiTokenIdInput.parse(rawInput);
  const owned = and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.userId));
  const [revoked] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.now() })
    .where(and(owned, isNull(apiTokens.revokedAt)))
    .returning(summaryColumns);
  if (revoked) return revoked;
  const [existing] = await ctx.db.select(summaryColumns).from(apiTokens).where(owned);
  if (!existing) throw new NotFoundError("apiToken", id);
  return existing;
}

/** Who a bearer token acts for, or null for anything that is not a live token. */
export async function authenticateApiToken(db: Database, token: string, now: Date = new Date()): Promise<ApiTokenIdentity | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length !== TOKEN_LENGTH) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: apiTokens.userId, timeZone: users.timeZone, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests of one token write once.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          // Column-typed comparison so both drivers bind the Date (a raw sql`` param would not be mapped).
          or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS))),
        ),
      );
  }
  return { userId: row.userId, timeZone: row.timeZone, tokenId: row.tokenId };
}
