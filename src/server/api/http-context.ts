import { LRUCache } from "lru-cache";
import type { Runtime } from "@/server/runtime";
import { createInnerContext, type InnerContext, type SessionUser } from "./context";

/**
 * Signed-in users by the exact Cookie header that proved them, for a few seconds. Better Auth's own cookie
 * cache already trusts a signed session cookie for 60 s without asking the database; this only skips
 * re-running its verification pipeline (HMAC, endpoint context) on every API call of a busy tab, and
 * its TTL stays well inside that window. Only successes are kept, so junk cookies cannot fill it.
 */
const SESSION_MEMO_TTL_MS = 5_000;
const sessionMemo = new LRUCache<string, SessionUser>({ max: 10_000, ttl: SESSION_MEMO_TTL_MS });

/** Resolves the signed-in user from the request's cookies (Better Auth session). */
export async function sessionUserFromHeaders(runtime: Runtime, headers: Headers): Promise<SessionUser | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const remembered = sessionMemo.get(cookie);
  if (remembered) return remembered;
  const session = await runtime.auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { timeZone?: string };
  const resolved: SessionUser = { id: user.id, email: user.email, name: user.name, timeZone: user.timeZone ?? "UTC" };
  sessionMemo.set(cookie, resolved);
  return resolved;
}

export async function createHttpContext(runtime: Runtime, headers: Headers): Promise<InnerContext> {
  return createInnerContext({
    db: runtime.db.db,
    user: await sessionUserFromHeaders(runtime, headers),
    log: runtime.log,
    rateLimits: {
      writesPerMinute: runtime.env.RATE_LIMIT_WRITES_PER_MINUTE,
      assistantPerMinute: runtime.env.RATE_LIMIT_ASSISTANT_PER_MINUTE,
    },
  });
}
