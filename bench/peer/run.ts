/**
 * `npm run bench:peer`: Cadence side by side with the peer (the Vikunja 2.5 API, ../shared/peer) on the same
 * PostgreSQL 15, same machine, same generated data (5,000 tasks of one user, 20 tags) and the same calls (issue 14).
 * For each server in turn — the peer, Cadence on PostgreSQL, Cadence embedded — it starts the server fresh, seeds it
 * over its API, runs 400 mixed calls 8 at a time right after the creates, waits until the server is idle, runs each
 * call sequentially (p50/p95), runs the mix again (steady state) and reads the server's RSS. Prints one table and
 * writes bench/results/peer-<timestamp>.json (+ peer-latest.json). Without the peer it runs Cadence's side only.
 * Options: --tasks 5000 --samples 50 --warmup 5 --mixed 400 --concurrency 8 --modes postgres,embedded --no-peer
 *          --port 3921 --peer-port 3456 --database cadence_peer
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { adminDatabaseUrl } from "../lib/postgres-admin";
import { writeResult } from "../lib/results";
import { runPool, type PeerClient } from "./client";
import { cadenceClient } from "./cadence-client";
import { generateData } from "./data";
import { runMixed, runSequential, MIX } from "./measure";
import { checks, formatTable, type Check, type ServerRun } from "./report";
import { memoryOf, peerScript, startCadence, startVikunja, waitUntilQuiet, type CadenceMode, type RunningServer } from "./servers";
import { vikunjaClient } from "./vikunja-client";

const { values: args } = parseArgs({
  options: {
    tasks: { type: "string", default: "5000" },
    samples: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    mixed: { type: "string", default: "400" },
    concurrency: { type: "string", default: "8" },
    modes: { type: "string", default: "postgres,embedded" },
    "no-peer": { type: "boolean", default: false },
    port: { type: "string", default: "3921" },
    "peer-port": { type: "string", default: "3456" },
    database: { type: "string", default: "cadence_peer" },
  },
});
const num = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
  return n;
};
const config = {
  tasks: num("tasks", args.tasks),
  samples: num("samples", args.samples),
  warmup: num("warmup", args.warmup),
  mixed: num("mixed", args.mixed),
  concurrency: num("concurrency", args.concurrency),
  modes: (args.modes ?? "").split(",").filter(Boolean) as CadenceMode[],
  port: num("port", args.port),
  peerPort: num("peer-port", args["peer-port"]),
  database: args.database ?? "cadence_peer",
};
for (const mode of config.modes) if (mode !== "postgres" && mode !== "embedded") throw new Error(`--modes: unknown mode ${mode} (postgres, embedded)`);

const root = path.resolve(import.meta.dirname, "..", "..");
const log = (message: string) => process.stderr.write(`[bench:peer] ${message}\n`);
const load = () => os.loadavg().map((v) => Math.round(v * 100) / 100);
const startedAt = new Date();
const loadAverage: Record<string, number[]> = { atStart: load() };
if ((loadAverage.atStart?.[0] ?? 0) > os.cpus().length) log(`WARNING: load average ${loadAverage.atStart?.join(", ")} on ${os.cpus().length} cores: absolute figures are skewed, ratios less so`);

const data = generateData(config.tasks, startedAt);
const adminUrl = adminDatabaseUrl(root);

/** One server from start to stop: seed, mix right after, quiet, sequential, mix in a steady state, RSS. */
async function measure(name: string, server: RunningServer, client: PeerClient): Promise<ServerRun> {
  try {
    await client.setup(data);
    log(`${name}: creating ${data.tasks.length} tasks (${client.createConcurrency} at a time)`);
    const seedStart = Date.now();
    await runPool(data.tasks.length, client.createConcurrency, (i) => client.createTask(i, data.tasks[i] as (typeof data.tasks)[number]));
    const seconds = Math.round((Date.now() - seedStart) / 100) / 10;
    log(`${name}: seeded in ${seconds} s; ${config.mixed} mixed calls, ${config.concurrency} at a time, right after`);
    const afterWrites = await runMixed(client, { count: config.mixed, concurrency: config.concurrency, firstTask: 0 });
    log(`${name}:   ${afterWrites.callsPerSecond} calls/s, p95 ${afterWrites.latencyMs.p95} ms, p99 ${afterWrites.latencyMs.p99} ms`);
    const quietAfterWrites = await waitUntilQuiet(server);
    log(`${name}: idle after ${quietAfterWrites.waitedMs} ms${quietAfterWrites.quiet ? "" : " (still busy: gave up waiting)"}; sequential calls`);
    const sequential = await runSequential(client, config);
    for (const s of sequential) log(`${name}:   ${s.call}: p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms (${s.lastAnswerTasks} tasks)`);
    const steady = await runMixed(client, { count: config.mixed, concurrency: config.concurrency, firstTask: config.mixed + 1000 });
    log(`${name}: steady state ${steady.callsPerSecond} calls/s, p95 ${steady.latencyMs.p95} ms, p99 ${steady.latencyMs.p99} ms`);
    const processes = memoryOf(server.pids());
    const memory = { largestProcessMB: processes[0]?.rssMB ?? 0, allProcessesMB: processes.reduce((n, p) => n + p.rssMB, 0), processes };
    log(`${name}: RSS ${memory.largestProcessMB} MB (largest process), ${memory.allProcessesMB} MB in all`);
    return { name, seed: { tasks: data.tasks.length, seconds, createsPerSecond: Math.round(data.tasks.length / seconds) }, afterWrites, quietAfterWrites, sequential, steady, memory };
  } catch (error) {
    log(`${name} failed; server log: ${server.log}`);
    throw error;
  } finally {
    await server.stop();
  }
}

let peer: ServerRun | undefined;
let peerSkipped: string | null = null;
const script = args["no-peer"] ? null : peerScript(root);
if (args["no-peer"]) peerSkipped = "--no-peer";
else if (!script) peerSkipped = "the peer (../shared/peer/start-vikunja.sh) is not on this machine";
if (script) {
  log(`starting the peer (${script}) on port ${config.peerPort}`);
  peer = await measure("Vikunja 2.5 (PostgreSQL)", startVikunja(script, config.peerPort), vikunjaClient(`http://127.0.0.1:${config.peerPort}`));
}
loadAverage.afterPeer = load();
if (peerSkipped) log(`PEER COLUMN SKIPPED: ${peerSkipped}`);

const cadence: ServerRun[] = [];
const allChecks: Check[] = [];
for (const mode of config.modes) {
  const name = mode === "postgres" ? "Cadence (PostgreSQL)" : "Cadence (embedded)";
  log(`starting ${name} on port ${config.port}`);
  const server = await startCadence({ root, adminUrl, mode, port: config.port, database: config.database });
  const run = await measure(name, server, cadenceClient(server.baseUrl));
  cadence.push(run);
  allChecks.push(...checks(run, mode, peer));
  loadAverage[`after-${mode}`] = load();
}

const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
})();
const table = formatTable(peer, cadence);
const result = {
  benchmark: "peer",
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  commit,
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage },
  config: { ...config, mix: MIX, client: "Node fetch (keep-alive) in the bench process; wall time to the last byte" },
  data: { tasks: data.tasks.length, tags: data.tagNames.length, open: data.tasks.filter((t) => !t.done).length, withDue: data.tasks.filter((t) => t.dueAt).length },
  peerSkipped,
  servers: [...(peer ? [peer] : []), ...cadence],
  checks: allChecks,
  targetsPass: allChecks.every((c) => c.pass),
  table,
};
const files = writeResult("peer", result);
process.stdout.write(`\n${table}\n\n`);
process.stdout.write(`load average (1/5/15 min): ${Object.entries(loadAverage).map(([k, v]) => `${k} ${v.join("/")}`).join("; ")}\n`);
if (peerSkipped) process.stdout.write(`peer column skipped: ${peerSkipped}\n`);
const missed = allChecks.filter((c) => !c.pass);
process.stdout.write(missed.length ? `targets missed (${missed.length}/${allChecks.length}):\n${missed.map((c) => `  ${c.server}: ${c.what}: ${c.value} (limit ${c.limit})`).join("\n")}\n` : `all ${allChecks.length} targets met\n`);
process.stdout.write(`written: ${files.file}\n`);
