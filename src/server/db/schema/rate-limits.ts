import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Request counts per key (e.g. "writes:<user id>") and fixed one-minute window, in the database so every app
 * process behind a load balancer counts against the same limit. UNLOGGED (migration 0010, which drizzle's schema
 * cannot express): no WAL and no disk flush per request; a crash empties it, forgiving the current minute.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
