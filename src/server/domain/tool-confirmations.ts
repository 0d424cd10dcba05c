import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { toolConfirmations } from "@/server/db/schema";
import type { DomainContext } from "./context";

/**
 * One-time confirmations for what an API token may only do after seeing a preview (deletions, changes to
 * many tasks). The token proves the caller saw this exact preview: it is bound to the API token, the tool,
 * a hash of the arguments and the set of changes shown, lives 5 minutes and works once.
 */

export const CONFIRMATION_TTL_MS = 5 * 60_000;
const CONFIRMATION_PREFIX = "confirm_";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Key order and absent vs undefined do not matter: `{a:1,b:2}` and `{b:2,a:1}` hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export const argumentsHash = (tool: string, args: Record<string, unknown>) => sha256(`${tool}\n${canonicalJson(args)}`);

export interface IssuedConfirmation {
  token: string;
  expiresAt: Date;
}

export async function issueConfirmation(
  db: Executor,
  ctx: DomainContext,
  input: { apiTokenId: string; tool: string; argumentsHash: string; changeKeys: string[] },
): Promise<IssuedConfirmation> {
  const token = `${CONFIRMATION_PREFIX}${randomBytes(18).toString("base64url")}`;
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
  // Expired ones of this user are useless: drop them while here, so the table stays small without a job.
  await db.delete(toolConfirmations).where(and(eq(toolConfirmations.userId, ctx.userId), lt(toolConfirmations.expiresAt, now)));
  await db.insert(toolConfirmations).values({
    userId: ctx.userId,
    apiTokenId: input.apiTokenId,
    tokenHash: sha256(token),
    tool: input.tool,
    argumentsHash: input.argumentsHash,
    changeKeys: [...input.changeKeys].sort(),
    expiresAt,
    createdAt: now,
  });
  return { token, expiresAt };
}

export type ConfirmationCheck = { ok: true; changeKeys: string[] } | { ok: false; reason: string };

/**
 * Marks the confirmation used inside the caller's transaction (so a change that fails leaves it unused) and
 * returns the previewed change keys. A concurrent second use waits on the row lock and then finds it used.
 */
export async function redeemConfirmation(
  tx: Executor,
  ctx: DomainContext,
  input: { apiTokenId: string; token: string; tool: string; argumentsHash: string },
): Promise<ConfirmationCheck> {
  const now = ctx.now();
  const mine = and(eq(toolConfirmations.tokenHash, sha256(input.token)), eq(toolConfirmations.userId, ctx.userId), eq(toolConfirmations.apiTokenId, input.apiTokenId));
  const [used] = await tx
    .update(toolConfirmations)
    .set({ usedAt: now })
    .where(
      and(
        mine,
        isNull(toolConfirmations.usedAt),
        gt(toolConfirmations.expiresAt, now),
        eq(toolConfirmations.tool, input.tool),
        eq(toolConfirmations.argumentsHash, input.argumentsHash),
      ),
    )
    .returning({ changeKeys: toolConfirmations.changeKeys });
  if (used) return { ok: true, changeKeys: used.changeKeys };
  // Say why, so the agent knows to ask for a fresh preview rather than retry.
  const [row] = await tx.select().from(toolConfirmations).where(mine);
  if (!row) return { ok: false, reason: "unknown confirmation token; call again without confirmation_token to get a preview and a new token" };
  if (row.usedAt) return { ok: false, reason: "this confirmation token was already used; each one works once" };
  if (row.expiresAt <= now) return { ok: false, reason: "this confirmation token expired (they last 5 minutes); call again without it for a new preview" };
  if (row.tool !== input.tool) return { ok: false, reason: `this confirmation token is for ${row.tool}, not ${input.tool}` };
  return { ok: false, reason: "the arguments differ from the previewed call; confirm with exactly the same arguments, or call without confirmation_token for a new preview" };
}
