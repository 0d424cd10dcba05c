// `npm run bench:events -- --stack real`: the same figures through daprd 1.18.2 + Kafka 3.9.2 instead of the
// embedded backbone or the double. The fleet of scripts/fleet/stack.ts (Kafka, Scheduler, app and the four
// workers, each with its sidecar) runs on a database of its own; the benchmark writes through the domain layer
// into that database as the app would, and reads the outcome back from it (and from a pusher-js client).
// Throughput: the relay of this process publishes through an extra daprd to a topic no worker reads, delivered
// by Kafka to a counting app behind that same daprd (bulk subscribe, like the workers).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { Logger } from "pino";
import { openDatabase } from "@/server/db/client";
import { parseEnv } from "@/server/env";
import { createDaprTransport } from "@/server/events/transports/dapr";
import { ensureNextBuild } from "../../scripts/fleet/next-build";
import { healthy, ROOT, sidecarArgs, startStack, toolchain, WORKER_NAMES, type Stack } from "../../scripts/fleet/stack";
import { poll, supervise } from "../../scripts/fleet/supervised";
import type { BenchDatabase } from "./database";
import { startCountingSubscriber, type BulkSubscribe } from "./dapr-setup";
import { timeRelay, type ThroughputResult } from "./throughput";

export const REAL_APP_PORT = Number(process.env.BENCH_REAL_APP_PORT ?? 7300);
const PORT_BASE = REAL_APP_PORT + 1;
const BENCH_TOPIC = "bench-events";
const FLEET_DB = "cadence_bench_fleet";

export interface RealFleet {
  stack: Stack;
  /** The fleet's files: its resources/ and configuration.yaml serve the benchmark's extra sidecar too. */
  dataDir: string;
  bench: BenchDatabase;
  /** What realtime.ts needs to reach the app's Pusher endpoint with the app's own credentials. */
  pusher: { env: ReturnType<typeof parseEnv>; port: number };
  /** SIGKILL every worker, start each again and wait for its health; seconds it took. */
  restartWorkers(): Promise<number>;
  stop(): Promise<void>;
}

/** The fleet on a fresh database `cadence_bench_fleet` of the machine's PostgreSQL; the app migrates it. */
export async function startRealFleet(adminUrl: string, say: (m: string) => void): Promise<RealFleet> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${FLEET_DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${FLEET_DB}`);
  const url = new URL(adminUrl);
  url.pathname = `/${FLEET_DB}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cadence-bench-fleet-"));
  let tail = "";
  const output = (name: string, line: string) => {
    tail = `${tail}[${name}] ${line}\n`.slice(-20_000);
    if (/error|fatal|panic/i.test(line)) say(`[${name}] ${line.slice(0, 400)}`);
  };
  ensureNextBuild(ROOT, say);
  const started = performance.now();
  const stack = await startStack({ databaseUrl: url.toString(), dataDir, appPort: REAL_APP_PORT, portBase: PORT_BASE, restart: false, output }).catch((cause: unknown) => {
    throw new Error(`the fleet did not start: ${String(cause)}\n${tail}`);
  });
  say(`fleet up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const handle = await openDatabase({ driver: "postgres", url: url.toString() });
  const bench: BenchDatabase = { driver: "postgres", handle, url: url.toString(), drop: async () => {} };
  return {
    stack,
    dataDir,
    bench,
    pusher: { env: parseEnv({ DATA_DIR: path.join(dataDir, "app"), PORT: String(REAL_APP_PORT) }), port: REAL_APP_PORT },
    async restartWorkers() {
      const t = performance.now();
      await Promise.all(WORKER_NAMES.map((name) => stack.process(name).kill("SIGKILL")));
      await Promise.all(WORKER_NAMES.map((name) => stack.process(name).start()));
      return Math.round((performance.now() - t) / 100) / 10;
    },
    async stop() {
      await handle.close();
      await stack.stop();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${FLEET_DB} WITH (FORCE)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * relay (this process, on `bench`'s outbox) → daprd → Kafka (the fleet's broker) → the same daprd → a counting app.
 * A few warm-up events go first, so the consumer group's join is not in the timed window.
 */
export async function relayThroughputReal(
  fleet: RealFleet,
  bench: BenchDatabase,
  options: { events: number; users: number; batchSize?: number; timeoutMs: number; bulkSubscribe?: BulkSubscribe },
  log: Logger,
): Promise<ThroughputResult> {
  const subscriber = await startCountingSubscriber(BENCH_TOPIC, options.bulkSubscribe);
  const ports = { http: PORT_BASE + 60, grpc: PORT_BASE + 61, internal: PORT_BASE + 62, metrics: PORT_BASE + 63 };
  const fleetDir = fleet.dataDir;
  const daprd = supervise(
    {
      name: "bench-sidecar",
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DAPR_API_TOKEN: fleet.stack.apiToken },
      command: path.join(toolchain("dapr.sh"), "daprd"),
      args: sidecarArgs({
        appId: "bench-subscriber",
        appPort: subscriber.port,
        httpPort: ports.http,
        grpcPort: ports.grpc,
        internalGrpcPort: ports.internal,
        metricsPort: ports.metrics,
        resources: path.join(fleetDir, "resources"),
        config: path.join(fleetDir, "configuration.yaml"),
        schedulerPort: PORT_BASE + 52,
        // The counting app has no /healthz; its subscription list answers 200 whenever it is up.
        healthPath: "/dapr/subscribe",
      }),
      ready: healthy(`http://127.0.0.1:${ports.http}/v1.0/healthz`),
      startTimeoutMs: 120_000,
    },
    { restart: false, output: (name, line) => /error|fatal/i.test(line) && process.stderr.write(`[${name}] ${line}\n`) },
  );
  try {
    await daprd.start();
    const transport = createDaprTransport({ httpPort: ports.http, apiToken: fleet.stack.apiToken });
    await transport.ready?.();
    const warm = 10;
    for (let i = 0; i < warm; i++) {
      await transport.publish(BENCH_TOPIC, { specversion: "1.0", id: `warm-up-${i}`, source: "cadence/bench", type: "bench.warm-up", userid: `warm-${i}`, data: {} } as never, `warm-${i}`);
    }
    await subscriber.waitFor(warm, 60_000);
    const timed = await timeRelay(bench, { ...options, topic: BENCH_TOPIC }, log, transport, () => subscriber.waitFor(warm + options.events, options.timeoutMs));
    // How the sidecar saw it: bulk publish calls (the relay's batches) and bulk deliveries, from its own metrics.
    const metrics = await fetch(`http://127.0.0.1:${ports.metrics}/metrics`).then((r) => r.text());
    const total = (name: string) =>
      metrics.split("\n").filter((line) => line.startsWith(`${name}{`) && line.includes(`topic="${BENCH_TOPIC}"`)).reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
    const sidecar = {
      bulkPublishCalls: total("dapr_component_pubsub_egress_bulk_count"),
      singlePublishCalls: total("dapr_component_pubsub_egress_count"),
      bulkDeliveries: total("dapr_component_pubsub_ingress_bulk_count"),
    };
    return { transport: "daprd+kafka", ...timed, delivery: options.bulkSubscribe ?? "single", sidecar };
  } finally {
    await daprd.kill("SIGTERM");
    await subscriber.close();
  }
}

