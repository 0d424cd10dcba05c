import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { withPreparedStatements } from "./prepared-statements";
import { initializePgliteDataDir } from "./pglite-init";
import { createPriorityGate } from "./priority";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /** LISTEN on a channel; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Holds a session-level advisory lock (classId, key) on a session of its own until released or the process
   * dies: other processes see who is alive in pg_locks. `ensure()` takes it again after a lost connection.
   */
  holdSessionLock(classId: number, key: number): Promise<SessionLock>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Embedded only: resolves when requests leave the single connection free for a moment (bounded; priority.ts).
   * Absent on PostgreSQL, where event work has connections (and, with several processes, a process) of its own.
   */
  quiet?(quietMs?: number, maxWaitMs?: number): Promise<void>;
}

export interface SessionLock {
  ensure(): Promise<void>;
  release(): Promise<void>;
}

export type DatabaseOptions =
  | { driver: "pglite"; dataDir?: string /* undefined = in memory */ }
  | { driver: "postgres"; url: string; maxConnections?: number };

const migrationsFolder = () => path.resolve(/*turbopackIgnore: true*/ process.env.CADENCE_MIGRATIONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle"));

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.driver === "pglite" ? openPglite(options.dataDir) : openPostgres(options.url, options.maxConnections);
}

/**
 * PGlite's buffer pool lives in the app's own memory and is touched at start, so PostgreSQL's 128 MB default
 * costs 128 MB of RSS before the first task (measured: 372 MB → 236 MB for PGlite alone at 16 MB). A person's
 * working set is a few MB at 5,000 tasks; pages beyond the pool come from the OS file cache.
 */
const PGLITE_SETTINGS = ["-c", "shared_buffers=32MB"];

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    await initializePgliteDataDir(dataDir);
  }
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  // Requests before event work on the one connection (priority.ts); drizzle calls only query and transaction.
  const withPriority = createPriorityGate();
  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<typeof query>) => withPriority(() => query(...args))) as typeof client.query;
  client.transaction = ((...args: Parameters<typeof transaction>) => withPriority(() => transaction(...args))) as typeof client.transaction;
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, onNotify);
      return () => unlisten();
    },
    // One process owns a PGlite data dir and it has one session: the lock lives as long as this client.
    holdSessionLock: async (classId, key) => {
      await client.query("select pg_advisory_lock($1, $2)", [classId, key]);
      return { ensure: async () => {}, release: async () => void (await client.query("select pg_advisory_unlock($1, $2)", [classId, key])) };
    },
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: migrationsFolder() }),
    close: () => client.close(),
    quiet: (quietMs, maxWaitMs) => withPriority.quiet(quietMs, maxWaitMs),
  };
}

/**
 * Session settings for the app's connections. Cadence runs short, index-driven queries: a parallel
 * worker's start-up and JIT compilation cost more than such a query itself (a LIMIT 51 tag-filtered
 * page measured 9 ms serial vs 1.6 s parallel on a busy 2-core machine), so both are off.
 */
export const POSTGRES_SESSION_SETTINGS = {
  application_name: "cadence",
  max_parallel_workers_per_gather: "0",
  jit: "off",
  // Statements are prepared (see withPreparedStatements) but still planned for their actual parameters: one
  // user's 100,000 tasks and another's 20 want different plans, which a cached generic plan would not give.
  plan_cache_mode: "force_custom_plan",
} as const;

/** Advisory lock key held while migrating ("cadence-migrate" as a number); released when the connection ends. */
const MIGRATION_LOCK_KEY = 7_262_023_360_411;

async function openPostgres(url: string, maxConnections = 10): Promise<DatabaseHandle> {
  const sql = postgres(url, { max: maxConnections, onnotice: () => {}, connection: POSTGRES_SESSION_SETTINGS });
  const db = drizzlePostgres({ client: withPreparedStatements(sql), schema }) as unknown as Database;
  return {
    db,
    driver: "postgres",
    listen: (channel, onNotify) => listenResiliently(url, channel, onNotify),
    holdSessionLock: async (classId, key) => {
      const session = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "cadence-lock" } });
      const lock = () => session`select pg_advisory_lock(${classId}::int, ${key}::int)`;
      await lock();
      return {
        // After a lost connection (a database restart) postgres.js reconnects, but the lock went with the session.
        ensure: async () => {
          const [row] = await session`select exists (select 1 from pg_locks where locktype = 'advisory' and classid = ${classId}::int::oid
            and objid = ${key}::int::oid and objsubid = 2 and pid = pg_backend_pid()) as held`;
          if (!row?.held) await lock();
        },
        release: () => session.end({ timeout: 5 }),
      };
    },
    migrate: async () => {
      // Migrations run on a single dedicated connection, as drizzle recommends for production.
      const migrationClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        // The app and every worker migrate at start-up; the lock makes the others wait and then find nothing to do.
        await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: migrationClient }), { migrationsFolder: migrationsFolder() });
      } finally {
        await migrationClient.end();
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * LISTEN on a connection of its own that keeps listening across database restarts. postgres.js's own `listen`
 * re-subscribes once when its connection closes and gives up silently if the server is still down, so after a
 * restart the relay heard no NOTIFY again and fell back to its 15 s sweep. Here every close starts a retry loop
 * (backoff up to 2 s), and each re-subscription calls `onNotify("")` once: notices sent while nobody listened
 * are lost, so the listener looks for work at once.
 */
async function listenResiliently(url: string, channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let subscribing: Promise<void> | undefined;
  const listener = postgres(url, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: "cadence-listen" },
    onnotify: (name: string, payload: string) => {
      if (name === channel) onNotify(payload);
    },
    onclose: () => {
      if (!stopped) resubscribe(true);
    },
  } as postgres.Options<Record<string, never>>);
  const listen = () => listener.unsafe(`LISTEN "${channel.replaceAll('"', '""')}"`);
  function resubscribe(again: boolean) {
    subscribing ??= (async () => {
      for (let delay = 100; !stopped; delay = Math.min(delay * 2, 2_000)) {
        try {
          await listen();
          if (again) onNotify("");
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    })().finally(() => (subscribing = undefined));
  }
  await listen();
  return async () => {
    stopped = true;
    await listener.end({ timeout: 5 });
  };
}
