import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

/** How late the events created in one minute of the run were published (published_at − created_at). */
export interface OutboxLagMinute {
  minute: number;
  events: number;
  maxMs: number;
  p95Ms: number;
  unpublished: number;
}

/**
 * Every event's lag, read from the outbox table itself after the load (published rows are kept a day), grouped by
 * the minute of the run it was written in. Unlike a scrape of the relay's gauge during the run, this cannot miss
 * a slow spell: an event still unpublished counts with its age at the time of the read.
 */
const LAG_BY_MINUTE = `
  SELECT floor(extract(epoch from created_at - $1::timestamptz) / 60)::int AS minute,
         count(*)::int AS events,
         (max(extract(epoch from coalesce(published_at, now()) - created_at)) * 1000)::float8 AS max_ms,
         (percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch from coalesce(published_at, now()) - created_at)) * 1000)::float8 AS p95_ms,
         (count(*) FILTER (WHERE published_at IS NULL))::int AS unpublished
  FROM outbox WHERE created_at >= $1::timestamptz GROUP BY 1 ORDER BY 1`;

interface Row {
  minute: number;
  events: number;
  max_ms: number;
  p95_ms: number;
  unpublished: number;
}

const toMinute = (row: Row): OutboxLagMinute => ({
  minute: row.minute,
  events: row.events,
  maxMs: Math.round(row.max_ms),
  p95Ms: Math.round(row.p95_ms),
  unpublished: row.unpublished,
});

/** PostgreSQL mode: read while the app still runs (the database outlives it until the bench drops it). */
export async function outboxLagFromPostgres(url: string, since: Date): Promise<OutboxLagMinute[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const rows = await sql.unsafe<Row[]>(LAG_BY_MINUTE, [since.toISOString()]);
    return rows.map(toMinute);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Embedded mode: PGlite has a single owner, so this opens the data directory after the app has stopped. */
export async function outboxLagFromPglite(dataDir: string, since: Date): Promise<OutboxLagMinute[]> {
  const db = await PGlite.create(dataDir);
  try {
    const result = await db.query<Row>(LAG_BY_MINUTE, [since.toISOString()]);
    return result.rows.map(toMinute);
  } finally {
    await db.close();
  }
}
