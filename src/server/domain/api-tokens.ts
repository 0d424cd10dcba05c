import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "@/lib/api-token-scopes";
import type { Database } from "@/server/db/client";
import { apiTokens, categories, users } from "@/server/db/schema";
import type { ApiTokenGrant, DomainContext } from "./context";
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

const MAX_TOKEN_LIFETIME_DAYS = 365;
const DAY_MS = 86_400_000;

export const apiTokenCreateInput = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    /** Default: all three (what every token could do before scopes existed). */
    scopes: z
      .array(z.enum(API_TOKEN_SCOPES, { message: `must be ${API_TOKEN_SCOPES.join(", ")}` }))
      .min(1, "choose at least one scope")
      .default([...API_TOKEN_SCOPES]),
    /** Omitted or null: every category. */
    categoryIds: z.array(z.uuid({ message: "must be a category id" })).min(1, "choose at least one category, or leave it out for all").max(50).nullable().optional(),
    /** Omitted or null: never expires. */
    expiresInDays: z
      .number()
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(MAX_TOKEN_LIFETIME_DAYS, `must be at most ${MAX_TOKEN_LIFETIME_DAYS} days`)
      .nullable()
      .optional(),
  })
  .strict();
export const apiTokenIdInput = z.object({ id: z.uuid({ message: "must be a valid id" }) }).strict();
export type ApiTokenCreateInput = z.input<typeof apiTokenCreateInput>;
export type ApiTokenIdInput = z.input<typeof apiTokenIdInput>;

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  categoryIds: string[] | null;
  expiresAt: Date | null;
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
  scopes: ApiTokenScope[];
  categoryIds: string[] | null;
  expiresAt: Date | null;
  createdAt: Date;
}

export interface ApiTokenIdentity {
  userId: string;
  timeZone: string;
  tokenId: string;
  /** What the token may do: goes into the DomainContext of every call it makes. */
  grant: ApiTokenGrant;
}

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Stored scopes in their canonical order; anything unknown (a newer version's scope) is dropped. */
const knownScopes = (stored: readonly string[]): ApiTokenScope[] => API_TOKEN_SCOPES.filter((scope) => stored.includes(scope));

const summaryColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  categoryIds: apiTokens.categoryIds,
  expiresAt: apiTokens.expiresAt,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function createApiToken(ctx: DomainContext, rawInput: ApiTokenCreateInput): Promise<CreatedApiToken> {
  const input = apiTokenCreateInput.parse(rawInput);
  const categoryIds = input.categoryIds ? [...new Set(input.categoryIds)] : null;
  if (categoryIds) await assertCategoriesOwned(ctx, categoryIds);
  const scopes = knownScopes(input.scopes);
  const now = ctx.now();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, DISPLAY_PREFIX_LENGTH);
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ userId: ctx.userId, name: input.name, tokenHash: hashToken(token), prefix, scopes, categoryIds, expiresAt, createdAt: now })
    .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
  return { id: row!.id, name: input.name, token, prefix, scopes, categoryIds, expiresAt, createdAt: row!.createdAt };
}

/** A restriction to another user's (or a missing) category is refused like any foreign id. */
async function assertCategoriesOwned(ctx: DomainContext, ids: string[]) {
  const rows = await ctx.db
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.userId, ctx.userId), inArray(categories.id, ids)));
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new NotFoundError("category", missing);
}

/** The user's tokens, newest first, revoked ones included (so the user sees what was revoked when). */
export async function listApiTokens(ctx: DomainContext): Promise<ApiTokenSummary[]> {
  const rows = await ctx.db
    .select(summaryColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, ctx.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toSummary);
}

const toSummary = <T extends { scopes: string[] }>(row: T): T & { scopes: ApiTokenScope[] } => ({ ...row, scopes: knownScopes(row.scopes) });

/** Revoking takes effect on the token's next request. Revoking twice keeps the first revocation time. */
export async function revokeApiToken(ctx: DomainContext, rawInput: ApiTokenIdInput): Promise<ApiTokenSummary> {
  const { id } = apiTokenIdInput.parse(rawInput);
  const owned = and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.userId));
  const [revoked] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.now() })
    .where(and(owned, isNull(apiTokens.revokedAt)))
    .returning(summaryColumns);
  if (revoked) return toSummary(revoked);
  const [existing] = await ctx.db.select(summaryColumns).from(apiTokens).where(owned);
  if (!existing) throw new NotFoundError("apiToken", id);
  return toSummary(existing);
}

/** Who a bearer token acts for and what it may do, or null for anything that is not a live (unrevoked, unexpired) token. */
export async function authenticateApiToken(db: Database, token: string, now: Date = new Date()): Promise<ApiTokenIdentity | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length !== TOKEN_LENGTH) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: apiTokens.userId,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      categoryIds: apiTokens.categoryIds,
      timeZone: users.timeZone,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
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
  return {
    userId: row.userId,
    timeZone: row.timeZone,
    tokenId: row.tokenId,
    grant: { id: row.tokenId, name: row.name, scopes: knownScopes(row.scopes), categoryIds: row.categoryIds },
  };
}
