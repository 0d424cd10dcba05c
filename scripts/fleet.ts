/**
 * `npm run fleet`: the distributed mode on this machine — PostgreSQL, Kafka, the Dapr Scheduler, and the app plus
 * every worker each with its own daprd sidecar. Builds what is missing (daprd/scheduler from tools/dapr, Kafka jars
 * from tools/kafka, the Next.js production bundle), waits until everything is healthy, prints the URL, restarts a
 * process that dies, and stops everything it started on Ctrl-C.
 *
 *   npm run fleet                      # http://localhost:3000
 *   PORT=4000 npm run fleet            # the app on another port
 *   FLEET_PORT_BASE=6001 npm run fleet # workers, sidecars, Kafka and Scheduler from 6001 up (default 3001)
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { ensureNextBuild } from "./fleet/next-build";
import { ROOT, startStack, type Stack } from "./fleet/stack";

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  // The same local server the tests use; a database of its own for the fleet.
  const testUrl = execFileSync("bash", [path.join(ROOT, "scripts/ensure-postgres.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  const url = new URL(testUrl);
  const admin = spawnSync("psql", [testUrl, "-tAc", "select 1 from pg_database where datname = 'cadence_fleet'"], { encoding: "utf8" });
  if (admin.stdout.trim() !== "1") execFileSync("psql", [testUrl, "-c", "create database cadence_fleet"], { stdio: "ignore" });
  url.pathname = "/cadence_fleet";
  return url.toString();
}

async function main() {
  let stack: Stack | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the fleet...`);
    await stack?.stop();
    process.exit(0);
  };
  // Also during start-up: whatever has started so far is stopped (startStack cleans up after a failure too).
  let startupAbort: (() => void) | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stack) void stop(signal);
      else {
        console.log(`\n${signal} during start-up: stopping what has started...`);
        startupAbort?.();
      }
    });
  }

  const url = databaseUrl();
  ensureNextBuild(ROOT);
  const port = Number(process.env.PORT ?? 3000);
  console.log("Starting Kafka, the Dapr Scheduler, the app and its workers (each with a daprd sidecar)...");
  const controller = new AbortController();
  startupAbort = () => controller.abort();
  stack = await startStack({
    databaseUrl: url,
    dataDir: path.join(ROOT, ".data", "fleet"),
    appPort: port,
    portBase: Number(process.env.FLEET_PORT_BASE ?? 3001),
    logLevel: process.env.LOG_LEVEL ?? "warn",
    signal: controller.signal,
  });
  console.log(`\nCadence fleet is up: open ${stack.appUrl}  (Ctrl-C stops everything)`);
  console.log(`processes: ${stack.names().join(", ")}`);
}

main().catch((cause: unknown) => {
  console.error(cause instanceof Error ? cause.message : cause);
  process.exit(1);
});
