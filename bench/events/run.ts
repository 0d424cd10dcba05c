// Event benchmark: outbox relay throughput (embedded and through the Dapr double), reminder lateness,
// completion → next occurrence, and client → client realtime latency. JSON on stdout and in bench/results/.
//   npm run bench:events -- --stack real   (daprd + Kafka: bench/events/real-stack.ts)
//   npm run bench:events [-- --drivers postgres,pglite --events 20000 --pglite-events 10000 --batch-size 1000 --dapr-delivery bulk|single
//     --only relay-embedded,relay-dapr,reminders,recurrence,realtime --reminders 200 --reminder-spread 10
//     --recurring 100 --changes 100 --poll-ms 2]
// Diagnostics: bench/events/explain-claim.ts (relay claim plan), bench/events/diag-double.ts (double capacity).
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pino from "pino";
import { writeResult } from "../lib/results";
import { startAppStack, type AppStack } from "./app-stack";
import { adminDatabaseUrl } from "../lib/postgres-admin";
import { createUsers, freshDatabase, type BenchDatabase, type Driver } from "./database";
import { completionToNextOccurrence, reminderLateness } from "./latency";
import { clientToClient } from "./realtime";
import { evaluateTargets } from "./targets";
import { relayThroughputDapr, relayThroughputEmbedded } from "./throughput";
import { relayThroughputReal, startRealFleet } from "./real-stack";
import { WORKER_NAMES } from "../../scripts/fleet/stack";
import type { DomainContext } from "@/server/domain/context";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SCENARIOS = ["relay-embedded", "relay-dapr", "reminders", "recurrence", "realtime"] as const;
type Scenario = (typeof SCENARIOS)[number];
/** `--stack real`: through daprd + Kafka (bench/events/real-stack.ts), the latencies again after the workers' restart. */
const REAL_SCENARIOS = ["relay-daprd-kafka", "reminders", "recurrence", "realtime", "reminders-after-restart", "recurrence-after-restart", "realtime-after-restart"] as const;

const { values: args } = parseArgs({
  options: {
    // "local": embedded + the double (PGlite and PostgreSQL); "real": daprd 1.18.2 + Kafka 3.9.2 on PostgreSQL.
    stack: { type: "string", default: "local" },
    drivers: { type: "string", default: "postgres,pglite" },
    only: { type: "string" },
    events: { type: "string", default: "20000" },
    // PGlite's relay slows down sharply as published rows pile up (see the report), so its default run is smaller.
    "pglite-events": { type: "string", default: "10000" },
    users: { type: "string", default: "100" },
    "batch-size": { type: "string" },
    // relay-dapr: "bulk" = the subscriber uses Dapr bulk subscribe like the workers (100 / 20 ms), "single" = one POST per event.
    "dapr-delivery": { type: "string", default: "bulk" },
    reminders: { type: "string", default: "200" },
    "reminder-spread": { type: "string", default: "10" },
    recurring: { type: "string", default: "100" },
    changes: { type: "string", default: "100" },
    "poll-ms": { type: "string", default: "2" },
  },
});

const num = (name: keyof typeof args) => {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const real = args.stack === "real";
if (args.stack !== "local" && !real) throw new Error("--stack must be local or real");
const known: readonly string[] = real ? REAL_SCENARIOS : SCENARIOS;
const drivers = (real ? "postgres" : (args.drivers ?? "")).split(",").filter(Boolean) as Driver[];
const only = new Set((args.only ?? known.join(",")).split(",").filter(Boolean) as Scenario[]);
for (const d of drivers) if (d !== "postgres" && d !== "pglite") throw new Error(`unknown driver ${d}`);
if (args["dapr-delivery"] !== "bulk" && args["dapr-delivery"] !== "single") throw new Error("--dapr-delivery must be bulk or single");
for (const s of only) if (!known.includes(s)) throw new Error(`unknown scenario ${s}; one of ${known.join(", ")}`);

const say = (message: string) => process.stderr.write(`[bench:events] ${message}\n`);
// Warnings and errors of the relay/workers go to stderr: a retry storm should be visible, not silent.
const log = pino({ level: process.env.BENCH_LOG_LEVEL ?? "warn" }, pino.destination(2));

const config = {
  stack: real ? "real (daprd 1.18.2 + Kafka 3.9.2)" : "local",
  drivers,
  scenarios: [...only],
  events: num("events"),
  pgliteEvents: num("pglite-events"),
  users: num("users"),
  batchSize: args["batch-size"] ? num("batch-size") : undefined,
  reminders: num("reminders"),
  reminderSpreadSeconds: num("reminder-spread"),
  recurring: num("recurring"),
  changes: num("changes"),
  pollIntervalMs: num("poll-ms"),
};

/** Runs one scenario (when selected) into `out[name]`, with the machine load and event-loop stalls while it ran. */
async function measure(label: string, out: Record<string, unknown>, name: string, run: () => Promise<unknown>): Promise<void> {
  if (!only.has(name as Scenario)) return;
  say(`${label}: ${name}…`);
  const start = performance.now();
  // Event-loop stalls (PGlite runs in this thread; a busy machine starves it) explain outliers, so they are recorded
  // (for the whole scenario, set-up included: PGlite's start-up and migrations block for seconds).
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const loadAverage1m = Math.round(os.loadavg()[0]! * 10) / 10;
  try {
    out[name] = await run();
  } catch (error) {
    out[name] = { error: error instanceof Error ? error.message : String(error) };
  }
  loop.disable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  out[name] = {
    ...(out[name] as object),
    environment: { loadAverage1m, eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } },
  };
  say(`${label}: ${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s: ${JSON.stringify(out[name])}`);
}

const bulkSubscribe = () =>
  args["dapr-delivery"] === "bulk" ? { enabled: true as const, maxMessagesCount: 100, maxAwaitDurationMs: 20 } : undefined;

/** The latency scenarios on a running backbone (embedded or the real fleet), named with `suffix` (e.g. after a restart). */
async function latencyScenarios(label: string, out: Record<string, unknown>, bench: BenchDatabase, pusher: Pick<AppStack, "env" | "port">, users: DomainContext[], suffix = "") {
  await measure(label, out, `reminders${suffix}`, () =>
    reminderLateness(bench, users, { reminders: config.reminders, spreadSeconds: config.reminderSpreadSeconds, leadSeconds: 2 + config.reminders * 0.02, concurrency: 8, timeoutMs: 15_000 }),
  );
  await measure(label, out, `recurrence${suffix}`, () =>
    completionToNextOccurrence(bench, users, { tasks: config.recurring, pollIntervalMs: config.pollIntervalMs, timeoutMs: 5_000 }),
  );
  await measure(label, out, `realtime${suffix}`, () => clientToClient(pusher, users[0]!, { changes: config.changes, gapMs: 20, timeoutMs: 5_000 }));
}

/** `--stack real`: the fleet on daprd + Kafka; throughput, the three latencies, then the same after SIGKILL + restart of every worker. */
async function runReal(adminUrl: string): Promise<Record<string, unknown>> {
  const label = "real";
  const out: Record<string, unknown> = {};
  const fleet = await startRealFleet(adminUrl, say);
  try {
    await measure(label, out, "relay-daprd-kafka", async () => {
      const bench = await freshDatabase("postgres", adminUrl);
      try {
        return await relayThroughputReal(fleet, bench, { events: config.events, users: config.users, batchSize: config.batchSize, timeoutMs: 180_000, bulkSubscribe: bulkSubscribe() }, log);
      } finally {
        await bench.drop();
      }
    });
    const users = await createUsers(fleet.bench.handle, 20);
    await latencyScenarios(label, out, fleet.bench, fleet.pusher, users);
    if ([...only].some((s) => s.endsWith("-after-restart"))) {
      const seconds = await fleet.restartWorkers();
      say(`${label}: every worker SIGKILLed and started again (healthy after ${seconds} s)`);
      out.workerRestart = { workers: WORKER_NAMES, signal: "SIGKILL", healthyAfterSeconds: seconds };
      await latencyScenarios(label, out, fleet.bench, fleet.pusher, users, "-after-restart");
    }
  } finally {
    await fleet.stop();
  }
  return out;
}

async function runDriver(driver: Driver, adminUrl: string | undefined): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const throughput = {
    events: driver === "pglite" ? config.pgliteEvents : config.events,
    users: config.users,
    batchSize: config.batchSize,
    timeoutMs: 180_000,
    bulkSubscribe: bulkSubscribe(),
  };
  const guarded = (name: Scenario, run: () => Promise<unknown>) => measure(driver, out, name, run);

  // A fresh database per throughput scenario, so the second does not inherit the first's 20k published rows.
  await guarded("relay-embedded", async () => {
    const bench = await freshDatabase(driver, adminUrl);
    try {
      return await relayThroughputEmbedded(bench, throughput, log);
    } finally {
      await bench.drop();
    }
  });
  await guarded("relay-dapr", async () => {
    const bench = await freshDatabase(driver, adminUrl);
    try {
      return await relayThroughputDapr(ROOT, bench, throughput, log);
    } finally {
      await bench.drop();
    }
  });

  if (!["reminders", "recurrence", "realtime"].some((s) => only.has(s as Scenario))) return out;
  // The latency scenarios share one embedded app stack (backbone with all four workers + Pusher endpoint).
  const latency = (["reminders", "recurrence", "realtime"] as const).filter((s) => only.has(s));
  let bench: BenchDatabase | undefined;
  let stack: AppStack;
  try {
    bench = await freshDatabase(driver, adminUrl);
    stack = await startAppStack(bench, log);
  } catch (error) {
    // Set-up failed (e.g. a migration): record it against each scenario so the other figures are still written.
    const message = `set-up failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2_000);
    for (const name of latency) out[name] = { error: message };
    say(`${driver}: ${message}`);
    await bench?.drop().catch(() => {});
    return out;
  }
  try {
    const users = await createUsers(bench.handle, 20);
    await latencyScenarios(driver, out, bench, stack, users);
  } finally {
    await stack.stop();
    await bench.drop();
  }
  return out;
}

async function main() {
  const startedAt = new Date().toISOString();
  const loadAtStart = Math.round(os.loadavg()[0]! * 10) / 10;
  const adminUrl = drivers.includes("postgres") ? adminDatabaseUrl(ROOT) : undefined;
  const results: Record<string, Record<string, unknown>> = {};
  if (real) results["postgres, daprd + Kafka"] = await runReal(adminUrl!);
  else for (const driver of drivers) results[driver] = await runDriver(driver, adminUrl);
  const report = {
    benchmark: "events",
    startedAt,
    finishedAt: new Date().toISOString(),
    // Other work on the machine skews every figure; the load average says how much.
    machine: { loadAverage1m: { atStart: loadAtStart, atEnd: Math.round(os.loadavg()[0]! * 10) / 10 }, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    config,
    targets: evaluateTargets(results),
    results,
  };
  // The real stack keeps its own record, so events-latest.json stays the local (embedded + double) run.
  const { file } = writeResult(real ? "events-real" : "events", report);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  say(`written to ${path.relative(ROOT, file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
