import { randomUUID } from "node:crypto";
import type { ApiTokenScope } from "@/lib/api-token-scopes";
import type { Database } from "@/server/db/client";

/** Everything a domain call needs: who is acting, in which time zone, and on which database. */
export interface DomainContext {
  db: Database;
  userId: string;
  /** The user's IANA time zone; "today", "next 7 days" and recurrence are evaluated in it. */
  timeZone: string;
  /** Injected so tests and benchmarks can control time. */
  now: () => Date;
  /** Links the activity rows and events caused by one request. */
  correlationId: string;
  /** CloudEvent `source` of events this context emits. */
  source: string;
  /** When set, the ids of activity entries written through this context are appended (the undo toast reverts them). */
  recordedActivityIds?: number[];
  /** Set when an API token acts (MCP): what it may touch, and the name its activity rows carry. */
  apiToken?: ApiTokenGrant;
}

/** An authenticated API token's permissions, as tools check them. */
export interface ApiTokenGrant {
  id: string;
  name: string;
  scopes: readonly ApiTokenScope[];
  /** Null: every category; otherwise only tasks in these categories. */
  categoryIds: readonly string[] | null;
}

export function createDomainContext(
  input: Pick<DomainContext, "db" | "userId"> & Partial<Omit<DomainContext, "db" | "userId">>,
): DomainContext {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as typeof input;
  return {
    timeZone: "UTC",
    now: () => new Date(),
    correlationId: randomUUID(),
    source: "cadence/app",
    ...given,
  };
}
