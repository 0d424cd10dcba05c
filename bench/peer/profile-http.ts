/**
 * Where one `task.update` over HTTP spends its time in `npm start`'s PostgreSQL layout (issue 14's update target):
 * starts Cadence as bench:peer does (primary, web processes, background process with the relay and workers) on a
 * fresh database, signs a user up, creates `--tasks` tasks, waits until the server is idle, then per round runs
 * `--samples` sequential `task.get` calls (the HTTP path with one small read), `--samples` sequential priority
 * changes, and the same changes with the background process stopped (SIGSTOP: no relay or worker work beside
 * them), `--samples` sequential lists (open tasks by due date, 50), and `--samples` × 2 calls of bench:peer's mix
 * 8 at a time. For each it prints p50/p95 and the CPU time per call of each process kind: web processes, background
 * process, the database's backends for this database, and PostgreSQL's own processes (WAL writer, checkpointer…).
 *   npx tsx bench/peer/profile-http.ts [--tasks 500] [--samples 200] [--rounds 2] [--port 3961]
 *     [--phases get,update,update-stopped,list,mixed: which of the above to run]
 *     [--root DIR: a checkout to start the server from, for A/B] [--cpu-prof DIR: node --cpu-prof of every process]
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { adminDatabaseUrl } from "../lib/postgres-admin";
import { summarize } from "../lib/percentiles";
import { cadenceClient } from "./cadence-client";
import { runPool } from "./client";
import { runMixed } from "./measure";
import { generateData } from "./data";
import { startCadence, waitUntilQuiet } from "./servers";

const { values: args } = parseArgs({
  options: {
    tasks: { type: "string", default: "500" },
    samples: { type: "string", default: "200" },
    rounds: { type: "string", default: "2" },
    port: { type: "string", default: "3961" },
    database: { type: "string", default: "cadence_profile_http" },
    root: { type: "string" },
    "cpu-prof": { type: "string" },
    phases: { type: "string", default: "get,update,update-stopped,list,mixed" },
  },
});
const samples = Number(args.samples);
const root = path.resolve(args.root ?? path.join(import.meta.dirname, "..", ".."));
const log = (message: string) => process.stderr.write(`[profile-http] ${message}\n`);
const adminUrl = adminDatabaseUrl(path.resolve(import.meta.dirname, "..", ".."));
const database = args.database ?? "cadence_profile_http";

const server = await startCadence({
  root,
  adminUrl,
  mode: "postgres",
  port: Number(args.port),
  database,
  nodeArgs: args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : [],
});
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });

/** CPU seconds of a process (user + system), or 0 if it is gone. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
const roleOf = (pid: number): string => {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, "utf8");
    const role = /(?:^|\0)CADENCE_PROCESS_ROLE=([^\0]*)/.exec(environ)?.[1];
    return role ? `${role} process` : "primary";
  } catch {
    return "gone";
  }
};

/** Every process that works for an update, by kind. */
async function processKinds(): Promise<Map<string, number[]>> {
  const kinds = new Map<string, number[]>();
  const add = (kind: string, pid: number) => kinds.set(kind, [...(kinds.get(kind) ?? []), pid]);
  for (const pid of server.pids()) add(roleOf(pid), pid);
  const backends = await admin<{ pid: number; datname: string | null; application_name: string; backend_type: string }[]>`
    select pid, datname, application_name, backend_type from pg_stat_activity where pid <> pg_backend_pid()`;
  for (const b of backends) {
    if (b.datname === database) add(`postgres backends (${b.application_name})`, b.pid);
    else if (b.datname === null) add("postgres itself (WAL writer, checkpointer, …)", b.pid);
  }
  return kinds;
}

async function cpuPerCall<T>(calls: number, run: () => Promise<T>): Promise<{ result: T; cpuMsPerCall: Record<string, number> }> {
  const kinds = await processKinds();
  const before = new Map([...kinds].map(([kind, pids]) => [kind, pids.reduce((s, pid) => s + cpuOf(pid), 0)]));
  const result = await run();
  const cpuMsPerCall: Record<string, number> = {};
  for (const [kind, pids] of kinds) {
    const used = pids.reduce((s, pid) => s + cpuOf(pid), 0) - (before.get(kind) ?? 0);
    cpuMsPerCall[kind] = Math.round((used * 1000 * 100) / calls) / 100;
  }
  return { result, cpuMsPerCall };
}

/** With --cpu-prof every process samples even when idle, so "idle" is a fixed pause instead. */
const settle = () => (args["cpu-prof"] ? new Promise((resolve) => setTimeout(resolve, 3_000)) : waitUntilQuiet(server));
/** Monotonic µs, the clock of the .cpuprofile files' timestamps (to cut a profile to one phase). */
const monotonicMicros = () => String(process.hrtime.bigint() / 1000n);

const backgroundPids = () => server.pids().filter((pid) => roleOf(pid) === "background process");

try {
  const client = cadenceClient(server.baseUrl);
  const data = generateData(Number(args.tasks), new Date());
  await client.setup(data);
  await runPool(data.tasks.length, 8, (i) => client.createTask(i, data.tasks[i] as (typeof data.tasks)[number]));
  log(`created ${data.tasks.length} tasks; waiting until idle`);
  await settle();
  let offset = 0;
  const sequential = async (call: "get" | "update-priority" | "open-by-due") => {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await client.call(call, offset++);
      times.push(performance.now() - t0);
    }
    return summarize(times);
  };
  for (let i = 0; i < 20; i++) await client.call("get", offset++);
  const phases = new Set(args.phases.split(","));
  const mixedCalls = samples * 2;
  for (let round = 1; round <= Number(args.rounds); round++) {
    const load = os.loadavg()[0]?.toFixed(2);
    const all = [
      ["get", "get one task", samples, () => sequential("get")],
      ["update", "update priority", samples, () => sequential("update-priority")],
      [
        "update-stopped",
        "update priority, background process stopped",
        samples,
        async () => {
          const paused = backgroundPids();
          for (const pid of paused) process.kill(pid, "SIGSTOP");
          try {
            return await sequential("update-priority");
          } finally {
            for (const pid of paused) process.kill(pid, "SIGCONT");
          }
        },
      ],
      ["list", "open tasks by due date, 50", samples, () => sequential("open-by-due")],
      [
        "mixed",
        `bench:peer's mix, 8 at a time (${mixedCalls} calls)`,
        mixedCalls,
        async () => {
          const mixed = await runMixed(client, { count: mixedCalls, concurrency: 8, firstTask: offset });
          offset += mixedCalls;
          process.stdout.write(`    ${mixed.callsPerSecond} calls/s\n`);
          return mixed.latencyMs;
        },
      ],
    ] as const;
    for (const [phase, label, calls, run] of all) {
      if (!phases.has(phase)) continue;
      // CPU counted until the server is idle again: the event work an update sets off is part of its cost.
      const { result, cpuMsPerCall } = await cpuPerCall(calls, async () => {
        const from = monotonicMicros();
        const measured = await run();
        const to = monotonicMicros();
        await settle();
        log(`${label}: calls from ${from} to ${to} µs (monotonic clock, as in the CPU profiles)`);
        return measured;
      });
      process.stdout.write(`round ${round} (load ${load}): ${label}: p50 ${result.p50} ms, p95 ${result.p95} ms, mean ${result.mean} ms\n`);
      for (const [kind, ms] of Object.entries(cpuMsPerCall)) if (ms > 0) process.stdout.write(`    CPU ${String(ms).padStart(6)} ms per call  ${kind}\n`);
    }
  }
} finally {
  await server.stop();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
}
