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
  /** Per-user requests per minute; absent (tests, scripts) means unlimited. */
  rateLimits?: RateLimits;
}

export interface RateLimits {
  writesPerMinute: number;
  assistantPerMinute: number;
}

export function createInnerContext(input: {
  db: Database;
  user: SessionUser | null;
  log?: Logger;
  now?: () => Date;
  rateLimits?: RateLimits;
}): InnerContext {
  return {
    db: input.db,
    user: input.user,
    log: input.log,
    now: input.now ?? (() => new Date()),
    correlationId: randomUUID(),
    rateLimits: input.rateLimits,
  };
}
