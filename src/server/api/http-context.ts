import type { Runtime } from "@/server/runtime";
import { createInnerContext, type InnerContext, type SessionUser } from "./context";

/** Resolves the signed-in user from the request's cookies (Better Auth session). */
export async function sessionUserFromHeaders(runtime: Runtime, headers: Headers): Promise<SessionUser | null> {
  const session = await runtime.auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { timeZone?: string };
  return { id: user.id, email: user.email, name: user.name, timeZone: user.timeZone ?? "UTC" };
}

export async function createHttpContext(runtime: Runtime, headers: Headers): Promise<InnerContext> {
  return createInnerContext({ db: runtime.db.db, user: await sessionUserFromHeaders(runtime, headers), log: runtime.log });
}
