import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Database } from "@/server/db/client";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  timeZone: string;
}

/** What every procedure sees; tests build it directly, the route handler builds it from request headers. */
export interface InnerContext {
  db: Database;
  user: SessionUser | null;
  log?: Logger;
  now: () => Date;
  correlationId: string;
}

export function createInnerContext(input: { db: Database; user: SessionUser | null; log?: Logger; now?: () => Date }): InnerContext {
  return { db: input.db, user: input.user, log: input.log, now: input.now ?? (() => new Date()), correlationId: randomUUID() };
}
