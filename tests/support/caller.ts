import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/context";
import type { DatabaseHandle } from "@/server/db/client";
import { createTestUser } from "./database";

/** A tRPC caller acting as a fresh user, exactly as the HTTP route would after sign-in. */
export async function callerForNewUser(handle: DatabaseHandle, options: { timeZone?: string; now?: () => Date } = {}) {
  const ctx = await createTestUser(handle, options);
  const caller = createCaller(
    createInnerContext({ db: handle.db, user: { id: ctx.userId, email: `${ctx.userId}@example.test`, name: "Test", timeZone: ctx.timeZone }, now: options.now }),
  );
  return { caller, userId: ctx.userId, domain: ctx };
}

export const anonymousCaller = (handle: DatabaseHandle) => createCaller(createInnerContext({ db: handle.db, user: null }));
