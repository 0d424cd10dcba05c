// The app and every worker as separate processes, each next to its own sidecar of the Dapr double —
// the distributed mode exactly as `dapr run -f dapr-components/local/dapr.yaml` starts it, minus Kafka and daprd.
import { outboundBreakerOf } from "../dapr-double/breaker";
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDaprDouble, type DaprDouble } from "../dapr-double";

const root = path.resolve(import.meta.dirname, "../../..");

export const WORKERS = ["recurrence", "reminders", "notifications", "realtime"] as const;
export type WorkerName = (typeof WORKERS)[number];
export type ProcessName = "app" | WorkerName;
export const appIdOf = (name: ProcessName) => (name === "app" ? "cadence-app" : `cadence-${name}`);

const ENTRY: Record<ProcessName, string> = {
  app: "src/server/http/server.ts",
  recurrence: "workers/recurrence/main.ts",
  reminders: "workers/reminders/main.ts",
  notifications: "workers/notifications/main.ts",
  realtime: "workers/realtime/main.ts",
};

export interface Cluster {
  dapr: DaprDouble;
  appUrl: string;
  /** Base URL of one worker's own HTTP server (health, metrics, the Dapr app API). */
  workerUrl(name: WorkerName): string;
  /** Starts (or restarts) one process on its fixed port and waits until it is healthy. */
  start(name: ProcessName): Promise<void>;
  /** SIGKILL: no clean shutdown, deliveries in flight are lost to the process. */
  kill(name: ProcessName): Promise<void>;
  /** Sends a signal (e.g. SIGTERM, as Kubernetes does) and resolves with the exit code once the process is gone. */
  signal(name: ProcessName, signal: NodeJS.Signals): Promise<number | null>;
  /** Output of every process so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

import { freePort } from "../../../scripts/free-port";

export { freePort };

/** Polls until `probe` is true; throws with `describe()` after the deadline. No fixed sleeps. */
export async function until(probe: () => Promise<boolean> | boolean, describe: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const ok = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );

/** How one process is started: the source through tsx (default) or, for the image test, the built dist/. */
export interface Launcher {
  command: string;
  args: string[];
  cwd: string;
}
const fromSource = (name: ProcessName): Launcher => ({ command: process.execPath, args: ["--import", "tsx", ENTRY[name]], cwd: root });

export interface ClusterOptions {
  launcher?: (name: ProcessName) => Launcher;
  /** Extra environment for every process. */
  env?: Record<string, string>;
}

export async function startCluster(databaseUrl: string, options: ClusterOptions = {}): Promise<Cluster> {
  const launcher = options.launcher ?? fromSource;
  const apiToken = "dapr-api-token-for-tests";
  const appToken = "app-api-token-for-tests";
  const names: ProcessName[] = ["app", ...WORKERS];
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()] as const))) as Record<ProcessName, number>;
  const dapr = await startDaprDouble({
    apiToken,
    appToken,
    apps: names.map((n) => ({ appId: appIdOf(n), appPort: ports[n] })),
    // Retries without limit, as dapr-components/resiliency.yaml (a killed worker's refused connections count as
    // attempts); quick ones so a redelivery after a crash does not dominate the run time.
    resiliency: { maxRetries: -1, initialIntervalMs: 50, maxIntervalMs: 500 },
    // The publish breaker of the same file: after a broker outage it keeps failing publishes for its timeout.
    outboundBreaker: outboundBreakerOf(),
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cadence-distributed-"));
  // CI uploads every process's output as an artifact (CADENCE_FLEET_LOG_DIR, set by .github/workflows/ci.yml).
  const fleetLogDir = process.env.CADENCE_FLEET_LOG_DIR;
  const fleetRun = `${path.basename(dataDir)}`;
  if (fleetLogDir) mkdirSync(fleetLogDir, { recursive: true });
  const pusher = { PUSHER_APP_ID: "cadence-test", PUSHER_KEY: "distributed-key", PUSHER_SECRET: "distributed-secret-distributed" };
  const children = new Map<ProcessName, { child: ChildProcess; exited: Promise<number | null> }>();
  let log = "";

  const envFor = (name: ProcessName): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? os.tmpdir(),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    DAPR_HTTP_PORT: String(dapr.sidecar(appIdOf(name)).port),
    DAPR_API_TOKEN: apiToken,
    APP_API_TOKEN: appToken,
    PORT: String(ports[name]),
    DATA_DIR: path.join(dataDir, name),
    BETTER_AUTH_SECRET: "distributed-test-secret-0123456789abcdef",
    CADENCE_ENCRYPTION_KEY: "Y2FkZW5jZS1kaXN0cmlidXRlZC10ZXN0LWtleS0zMmI=", // 32 bytes, the same in every process
    ...pusher,
    // The app serves the built-in Pusher endpoint; the realtime worker publishes to it like to Soketi.
    ...(name === "realtime" ? { PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(ports.app), PUSHER_USE_TLS: "false" } : {}),
    ...options.env,
  });

  const healthUrl = (name: ProcessName) => `http://127.0.0.1:${ports[name]}${name === "app" ? "/api/health" : "/healthz"}`;

  const cluster: Cluster = {
    dapr,
    appUrl: `http://127.0.0.1:${ports.app}`,
    workerUrl: (name) => `http://127.0.0.1:${ports[name]}`,
    async start(name) {
      if (children.has(name)) throw new Error(`${name} is already running`);
      const { command, args, cwd } = launcher(name);
      const child = spawn(command, args, { cwd, env: envFor(name), stdio: ["ignore", "pipe", "pipe"] });
      const collect = (chunk: Buffer) => {
        log += `[${name}] ${chunk.toString()}`;
        if (fleetLogDir) appendFileSync(path.join(fleetLogDir, `${fleetRun}-${name}.log`), chunk);
      };
      child.stdout?.on("data", collect);
      child.stderr?.on("data", collect);
      let exitCode: number | null | undefined;
      const exited = new Promise<number | null>((resolve) =>
        child.on("exit", (code) => {
          exitCode = code;
          resolve(code);
        }),
      );
      children.set(name, { child, exited });
      await until(
        async () => {
          if (exitCode !== undefined) throw new Error(`${name} exited with ${exitCode}:\n${log}`);
          return ok(healthUrl(name));
        },
        () => `${name} never became healthy:\n${log}`,
        60_000,
      );
      await dapr.discover(appIdOf(name)); // the sidecar (re)reads GET /dapr/subscribe, as daprd does on start
    },
    async kill(name) {
      const running = children.get(name);
      if (!running) return;
      running.child.kill("SIGKILL");
      await running.exited;
      children.delete(name);
    },
    async signal(name, signal) {
      const running = children.get(name);
      if (!running) throw new Error(`${name} is not running`);
      running.child.kill(signal);
      const code = await running.exited;
      children.delete(name);
      return code;
    },
    output: () => log,
    async stop() {
      await Promise.all([...children.keys()].map((name) => cluster.kill(name)));
      await dapr.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
}
