import { asBackground } from "./priority";

type Query = (statement: string) => Promise<{ rows: unknown[] }>;

/** How often tables are looked at; a look is one catalog query. */
export const MAINTENANCE_INTERVAL_MS = 30_000;

/**
 * Tables that grew by a fifth (and a few pages) since their statistics were taken, or were never analyzed and
 * hold data. relpages is what the last VACUUM/ANALYZE saw, so each table is done again only as it keeps growing.
 */
const DUE_TABLES = `
  SELECT c.oid::regclass::text AS name
  FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
    AND pg_relation_size(c.oid) > 0
    AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 4)
  ORDER BY pg_relation_size(c.oid)`;

export interface EmbeddedMaintenance {
  /** One round now: vacuums and analyzes every due table; resolves to the tables it did. */
  runOnce(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * PGlite runs PostgreSQL in single-user mode, where autovacuum does not exist: without this no table is ever
 * analyzed and dead rows are never vacuumed. The planner then works from default guesses that get worse as
 * tables grow — on a soak's data (50 users, 5 minutes) reading a task page took 110–130 ms as left and 14 ms
 * after one ANALYZE. This does autovacuum's job for the embedded database: `VACUUM (ANALYZE)` of each table
 * as it grows, one table at a time, at background priority (requests go first; priority.ts).
 */
export function startEmbeddedMaintenance(query: Query, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): EmbeddedMaintenance {
  let running: Promise<string[]> | undefined;
  let stopped = false;

  async function round(): Promise<string[]> {
    const done: string[] = [];
    const { rows } = await query(DUE_TABLES);
    for (const row of rows as { name: string }[]) {
      if (stopped) break;
      await query(`VACUUM (ANALYZE) ${row.name}`);
      done.push(row.name);
      // PGlite runs each statement on this thread: let requests in between tables.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return done;
  }

  function runOnce(): Promise<string[]> {
    running ??= asBackground(round).finally(() => (running = undefined));
    return running;
  }

  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => options.onError?.(error));
  }, options.intervalMs ?? MAINTENANCE_INTERVAL_MS);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
