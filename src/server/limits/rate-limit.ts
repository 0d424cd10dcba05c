import { lt, sql } from "drizzle-orm";
import type { Database } from "@/server/db/client";
import { isConnectionLost } from "@/server/db/connection-lost";
import { rateLimitCounters } from "@/server/db/schema";

const WINDOW_MS = 60_000;

export type RateLimitKind = "writes" | "assistant" | "mcp";
const DESCRIPTION: Record<RateLimitKind, string> = {
  writes: "changes per minute",
  assistant: "assistant messages per minute",
  mcp: "MCP requests per minute for this token",
};

/** Too many requests in this window; the caller answers 429 with Retry-After. */
export class RateLimitedError extends Error {
  constructor(
    readonly kind: RateLimitKind,
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many requests: at most ${limit} ${DESCRIPTION[kind]}; try again in ${retryAfterSeconds} s`);
    this.name = "RateLimitedError";
  }
}

/**
 * Counts one request against `limit` per minute for `subject` (a user or token id) and throws RateLimitedError
 * past it. One upsert per request; windows older than ten minutes are swept now and then.
 */
export async function consumeRateLimit(
  db: Database,
  input: { kind: RateLimitKind; subject: string; limit: number; now?: Date },
): Promise<void> {
  if (input.limit <= 0) return;
  const now = input.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const count = () =>
    db
      .insert(rateLimitCounters)
      .values({ key: `${input.kind}:${input.subject}`, windowStart, hits: 1 })
      .onConflictDoUpdate({ target: [rateLimitCounters.key, rateLimitCounters.windowStart], set: { hits: sql`${rateLimitCounters.hits} + 1` } })
      .returning({ hits: rateLimitCounters.hits });
  // The first statement of a write: after a database restart it may meet a connection the server closed. Once more
  // on a fresh one (at worst this request counts twice) instead of failing the write.
  const [row] = await count().catch((error: unknown) => {
    if (isConnectionLost(error)) return count();
    throw error;
  });
  if (Math.random() < 0.01) {
    await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - 10 * WINDOW_MS)));
  }
  if ((row?.hits ?? 0) > input.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new RateLimitedError(input.kind, input.limit, retryAfterSeconds);
  }
}
