/**
 * `npm run bench:api`: Cadence's API benchmark against the real PostgreSQL server.
 * Seeds 1M tasks over 100 users (one with 100k), drives the tRPC HTTP endpoint of the real app with
 * autocannon (32 connections) for search, filtered list, sorted list, create, update and complete,
 * runs the same list/search SQL directly through postgres.js for app/SQL ratios, and writes JSON to
 * stdout and bench/results/api-<timestamp>.json (+ api-latest.json). Progress and a table go to stderr.
 * Options: --duration 10 --warmup 2 --connections 32 --reuse --port 3917 --database cadence_bench
 *          --tasks 1000000 --heavy-tasks 100000 --users 100 --only search,create --rebuild --strict
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { POSTGRES_SESSION_SETTINGS } from "@/server/db/client";
import { runHttpLoad } from "../lib/http-load";
import { writeResult } from "../lib/results";
import { listInputs, type Taxonomy } from "./list-inputs";
import { formatTable, ratioReport, scenarioReport, type RatioReport, type ScenarioReport } from "./report";
import { completeScenario, createScenario, floorScenario, listScenario, updateScenario, type HttpScenario, type ScenarioName, type TaskRef } from "./scenarios";
import { DEFAULT_PLAN } from "./seed";
import { freshSession, prepareEnvironment } from "./setup";
import { SQL_BASELINE_DESCRIPTION } from "./sql-baseline";
import { crossCheck, explainReads, runSqlBaseline } from "./sql-runs";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "32" },
    port: { type: "string", default: "3917" },
    database: { type: "string", default: "cadence_bench" },
    tasks: { type: "string", default: String(DEFAULT_PLAN.totalTasks) },
    "heavy-tasks": { type: "string", default: String(DEFAULT_PLAN.heavyTasks) },
    users: { type: "string", default: String(DEFAULT_PLAN.users) },
    only: { type: "string" },
    reuse: { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
  },
});
const num = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
  return n;
};
const config = {
  durationSeconds: num("duration", args.duration),
  warmupSeconds: num("warmup", args.warmup),
  connections: num("connections", args.connections),
  port: num("port", args.port),
  database: args.database ?? "cadence_bench",
  plan: { totalTasks: num("tasks", args.tasks), heavyTasks: num("heavy-tasks", args["heavy-tasks"]), users: num("users", args.users) },
  only: args.only ? (args.only.split(",") as ScenarioName[]) : null,
};
const root = path.resolve(import.meta.dirname, "..", "..");
const log = (message: string) => process.stderr.write(`[bench:api] ${message}\n`);
const wanted = (name: ScenarioName) => !config.only || config.only.includes(name);
const startedAt = new Date();
// Other work on the machine skews every number; record it, and say so when the machine is busy.
const loadAverage = { atStart: os.loadavg().map((v) => Math.round(v * 100) / 100), atEnd: [] as number[] };
if ((loadAverage.atStart[0] ?? 0) > os.cpus().length) {
  log(`WARNING: load average ${loadAverage.atStart.join(", ")} on ${os.cpus().length} cores: other processes compete with the benchmark`);
}

const env = await prepareEnvironment({ root, database: config.database, port: config.port, plan: config.plan, reuse: Boolean(args.reuse), rebuild: Boolean(args.rebuild) });
// The same pool size and session settings as the app's own postgres.js client (src/server/runtime.ts, db/client.ts).
const sql = postgres(env.dbUrl, { max: 20, onnotice: () => {}, connection: POSTGRES_SESSION_SETTINGS });
const scenarios: ScenarioReport[] = [];
const sqlBaseline: Record<string, unknown>[] = [];
const ratios: RatioReport[] = [];
let extra: Record<string, unknown> = {};
try {
  const taxonomy: Taxonomy = {
    tagIds: (await sql`select id from tags where user_id = ${env.userId} order by name`).map((r) => String(r.id)),
    categoryIds: (await sql`select id from categories where user_id = ${env.userId} order by name`).map((r) => String(r.id)),
  };
  const inputs = listInputs(taxonomy);
  const [counts] = await sql`select (select count(*) from tasks)::int as tasks, (select count(*) from tasks where user_id = ${env.userId})::int as heavy_user_tasks,
    (select count(*) from task_tags)::int as task_tags, (select count(*) from users)::int as users`;
  const pg = await sql`select name, current_setting(name) as setting from pg_settings where name in
    ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'max_connections', 'jit', 'max_parallel_workers_per_gather')`;
  extra = { rowCounts: counts, postgres: Object.fromEntries(pg.map((r) => [r.name, r.setting])) };

  const session = await freshSession(env.baseUrl);
  log("cross-checking that the hand-written SQL returns the same pages as the API");
  extra.crossCheck = await crossCheck(sql, env.baseUrl, session.cookie, env.userId, inputs);

  const runHttp = async (scenario: HttpScenario) => {
    const { cookie } = await freshSession(env.baseUrl);
    log(`${scenario.name}: ${config.warmupSeconds}s warm-up + ${config.durationSeconds}s at ${config.connections} connections`);
    const result = await runHttpLoad({
      baseUrl: env.baseUrl,
      connections: config.connections,
      durationSeconds: config.durationSeconds,
      warmupSeconds: config.warmupSeconds,
      headers: () => ({ cookie }),
      next: () => scenario.next(),
      onResponse: scenario.onResponse,
    });
    const report = scenarioReport(scenario.name, scenario.description, result, scenario.notes?.());
    log(`  p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms, ${report.requestsPerSecond} req/s, ${report.errors} errors`);
    scenarios.push(report);
    return report;
  };

  if (wanted("floor")) await runHttp(floorScenario());

  const reads = [
    { name: "search", inputs: inputs.search, description: "task.list with a search term (open tasks, relevance order), rotating 16 terms" },
    { name: "filtered-list", inputs: inputs.filtered, description: "task.list with filters (priority, category, tags any/all, due windows), due-date order" },
    { name: "sorted-list", inputs: inputs.sorted, description: "task.list of all open tasks sorted by due, priority, created, updated or title" },
  ] as const;
  for (const read of reads) {
    if (!wanted(read.name)) continue;
    const app = await runHttp(listScenario(read.name, read.description, [...read.inputs]));
    log(`${read.name} (direct SQL): ${config.warmupSeconds}s warm-up + ${config.durationSeconds}s at concurrency ${config.connections}`);
    const direct = await runSqlBaseline(sql, env.userId, [...read.inputs], config);
    sqlBaseline.push({ name: read.name, ...direct });
    ratios.push(ratioReport(read.name, app, direct));
    log(`  SQL p50 ${direct.latencyMs.p50} ms, p95 ${direct.latencyMs.p95} ms, ${direct.requestsPerSecond} req/s; app/SQL p50 ${ratios.at(-1)?.ratio}×`);
  }
  extra.explain = await explainReads(sql, env.userId, inputs);

  // Mutations last, so the reads above ran on the seeded data as is. Pools of distinct open tasks.
  const open = await sql<TaskRef[]>`select id, version from tasks where user_id = ${env.userId} and deleted_at is null and not completed
    order by md5(id::text) limit 50000`;
  const half = Math.floor(open.length / 2);
  if (wanted("create")) await runHttp(createScenario(taxonomy));
  if (wanted("update")) await runHttp(updateScenario(open.slice(0, half).map((t) => ({ id: t.id, version: t.version }))));
  if (wanted("complete")) await runHttp(completeScenario(open.slice(half).map((t) => ({ id: t.id, version: t.version }))));
} finally {
  await sql.end({ timeout: 5 });
  await env.server.stop();
}

loadAverage.atEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);
const errors = scenarios.reduce((n, s) => n + s.errors, 0);
const targetsPass = scenarios.every((s) => !s.target || s.target.pass) && ratios.every((r) => !r.target || r.target.pass);
const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
})();
const result = {
  benchmark: "api",
  valid: errors === 0,
  errors,
  targetsPass,
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  commit,
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage },
  config: { ...config, loadGenerator: "autocannon (in the bench process, closed loop, keep-alive)", appDbPool: 20, sqlBaselinePool: 20, sqlBaseline: SQL_BASELINE_DESCRIPTION },
  seed: { plan: config.plan, ...env.seed },
  scenarios,
  sqlBaseline,
  ratios,
  ...extra,
};
const files = writeResult("api", result);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.stderr.write(`\n${formatTable(scenarios, ratios)}\n\nwritten: ${files.file}\n`);
if (errors > 0) {
  process.stderr.write(`\n!!!!!!!! ${errors} REQUESTS FAILED — these numbers are NOT valid (see scenarios[].statusCounts / errorSamples) !!!!!!!!\n`);
  process.exitCode = 1;
} else if (!targetsPass) {
  process.stderr.write(`\nSome targets were missed (see the table).\n`);
  if (args.strict) process.exitCode = 2;
}
