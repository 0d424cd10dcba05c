/**
 * Where one `task.update` spends its time, statement by statement (issue 14's update target): the tRPC caller
 * with the write limiter on, as the HTTP route calls it, `--updates` sequential priority changes on a fresh
 * database (`--driver pglite` in memory, or `--driver postgres` on a scratch database of TEST_DATABASE_URL /
 * DATABASE_URL's server). Each database call is timed from the moment it is issued to its answer (PGlite runs
 * it synchronously, so that is its cost; on PostgreSQL it is one round trip). Prints, per statement kind, the
 * count per update and the median time, and the update's own p50/p95. Add `node --cpu-prof` for the JS side:
 *   npx tsx bench/peer/profile-update.ts --driver postgres --updates 300
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { createInnerContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { openDatabase, POSTGRES_SESSION_SETTINGS, type Database } from "@/server/db/client";
import { parseEnv } from "@/server/env";
import { startEventBackbone } from "@/server/events/backbone";
import { createLogger } from "@/server/log";
import { ALL_WORKERS } from "@/server/workers";
import { createRealtimeWorker, realtimeWorker } from "@workers/realtime";
import { withPreparedStatements } from "@/server/db/prepared-statements";
import * as schema from "@/server/db/schema";
import { summarize } from "../lib/percentiles";

const { values: args } = parseArgs({ options: { relay: { type: "boolean", default: false }, driver: { type: "string", default: "postgres" }, updates: { type: "string", default: "300" }, tasks: { type: "string", default: "500" } } });
const updates = Number(args.updates);
const taskCount = Number(args.tasks);

let recording = false;
const timings = new Map<string, number[]>();
/** The first select of an update with its parameters, for EXPLAIN ANALYZE (PROFILE_EXPLAIN=1). */
let firstSelect: { text: string; params: unknown[] } | undefined;
const record = (text: string, ms: number, params?: unknown[]) => {
  if (!recording) return;
  if (!firstSelect && params && text.startsWith("select")) firstSelect = { text, params };
  const kind = text.replace(/\s+/g, " ").trim().slice(0, 70);
  if (!timings.has(kind) && process.env.PROFILE_SHOW_SQL) process.stderr.write(`--- ${text}\n`);
  timings.set(kind, [...(timings.get(kind) ?? []), ms]);
};

let db: Database;
let close: () => Promise<void>;
let stopRelay = async () => {};
let explain: (text: string, params: unknown[]) => Promise<string> = async () => "";
if (args.driver === "pglite") {
  const client = await PGlite.create(undefined, { extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"] });
  const timed = <F extends (...a: never[]) => Promise<unknown>>(f: F, name: (...a: Parameters<F>) => string) =>
    (async (...a: Parameters<F>) => {
      const t0 = performance.now();
      try {
        return await f(...a);
      } finally {
        record(name(...a), performance.now() - t0);
      }
    }) as unknown as F;
  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = timed(query, (text) => String(text)) as typeof client.query;
  explain = async (text, params) => (await query(`EXPLAIN (ANALYZE, SUMMARY) ${text}`, params as never[])).rows.map((r) => Object.values(r as object)[0]).join("\n");
  client.transaction = ((fn: Parameters<typeof transaction>[0]) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = (async (text: string, params?: unknown[], options?: never) => {
        const t0 = performance.now();
        try {
          return await txQuery(text, params, options);
        } finally {
          record(text, performance.now() - t0, params);
        }
      }) as typeof tx.query;
      return fn(tx);
    })) as typeof client.transaction;
  db = drizzlePglite({ client, schema }) as unknown as Database;
  await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: "drizzle" });
  close = () => client.close();
} else {
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://cadence:cadence@127.0.0.1:5432/cadence";
  const name = `cadence_profile_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const migrationClient = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await migratePostgres(drizzlePostgres({ client: migrationClient }), { migrationsFolder: "drizzle" });
  await migrationClient.end();
  const sql = postgres(url.toString(), { max: 10, onnotice: () => {}, connection: { ...POSTGRES_SESSION_SETTINGS, ...(process.env.PROFILE_PLAN_CACHE ? { plan_cache_mode: process.env.PROFILE_PLAN_CACHE } : {}) } });
  const timedSql = <T extends postgres.Sql | postgres.TransactionSql>(target: T): T =>
    new Proxy(target, {
      get(t, property, receiver) {
        if (property === "unsafe") {
          return (text: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) => {
            const t0 = performance.now();
            const pending = t.unsafe(text, params as never[], options);
            pending.then(
              () => record(text, performance.now() - t0, params),
              () => record(`(failed) ${text}`, performance.now() - t0),
            );
            return pending;
          };
        }
        if (property === "begin") {
          return (fn: (tx: postgres.TransactionSql) => unknown) => {
            const t0 = performance.now();
            let t1 = 0;
            return (t as postgres.Sql)
              .begin(async (tx: postgres.TransactionSql) => {
                record("begin", performance.now() - t0);
                try {
                  return await fn(timedSql(tx));
                } finally {
                  t1 = performance.now();
                }
              })
              .finally(() => record("commit (or rollback)", performance.now() - t1));
          };
        }
        return Reflect.get(t, property, receiver) as unknown;
      },
    });
  db = drizzlePostgres({ client: withPreparedStatements(timedSql(sql)), schema }) as unknown as Database;
  if (args.relay) {
    // The background process of a multi-process app: relay and workers on connections of their own.
    const handle = await openDatabase({ driver: "postgres", url: url.toString() });
    const env = parseEnv({ DATABASE_URL: url.toString(), BETTER_AUTH_SECRET: "profile-secret-0123456789abcdef0123456789", CADENCE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), LOG_LEVEL: "warn" });
    const noPusher = createRealtimeWorker({ publisher: () => ({ publishToUser: async () => {} }) });
    const backbone = await startEventBackbone({ env, db: handle, log: createLogger("warn"), workers: ALL_WORKERS.map((w) => (w === realtimeWorker ? noPusher : w)) });
    stopRelay = async () => {
      await backbone.stop();
      await handle.close();
    };
  }
  explain = async (text, params) => (await sql.unsafe(`EXPLAIN (ANALYZE, SUMMARY) ${text}`, params as never[])).map((r) => Object.values(r)[0]).join("\n");
  close = async () => {
    await sql.end({ timeout: 5 });
    if (process.env.PROFILE_KEEP) process.stdout.write(`kept database ${name}\n`);
    else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}

const userId = `user_${randomUUID()}`;
await db.insert(schema.users).values({ id: userId, name: "Profile", email: `${userId}@example.test`, timeZone: "UTC" });
const caller = createCaller(
  createInnerContext({ db, user: { id: userId, email: `${userId}@example.test`, name: "Profile", timeZone: "UTC" }, rateLimits: { writesPerMinute: 1_000_000, assistantPerMinute: 100 } }),
);
const tagIds: string[] = [];
for (let i = 0; i < 20; i++) tagIds.push((await caller.tag.create({ name: `tag${i}` })).id);
const refs: { id: string; version: number }[] = [];
for (let i = 0; i < taskCount; i++) {
  const t = await caller.task.create({ title: `task ${i} alpha beta`, priority: "medium", tagIds: [tagIds[i % 20]!], dueAt: new Date(Date.now() + i * 3_600_000) });
  refs.push({ id: t.id, version: t.version });
}
const priorities = ["low", "medium", "high", "urgent"] as const;
const samples: number[] = [];
for (let i = 0; i < updates + 20; i++) {
  recording = i >= 20;
  const ref = refs[i % refs.length]!;
  const t0 = performance.now();
  const updated = await caller.task.update({ id: ref.id, version: ref.version, priority: priorities[i % 4] });
  if (recording) samples.push(performance.now() - t0);
  ref.version = updated.version;
}
recording = false;
const measured = summarize(samples);
process.stdout.write(`${args.driver}: ${updates} sequential task.update (tRPC caller, write limiter on): p50 ${measured.p50} ms, p95 ${measured.p95} ms\n`);
let statementSum = 0;
for (const [kind, ms] of timings) {
  const s = summarize(ms);
  statementSum += ms.reduce((a, b) => a + b, 0);
  process.stdout.write(`  ${(ms.length / updates).toFixed(2)}×  p50 ${String(s.p50).padStart(6)} ms  ${kind}\n`);
}
process.stdout.write(`  database calls in all: ${(statementSum / updates).toFixed(2)} ms per update (sum of each call's time; PostgreSQL calls of one update may overlap)\n`);
if (process.env.PROFILE_EXPLAIN && firstSelect) process.stdout.write(`${firstSelect.text}\n${await explain(firstSelect.text, firstSelect.params)}\n`);
await stopRelay();
await close();
