// The distributed mode on one machine, from the project's own files: Kafka (KRaft), the Dapr Scheduler, and the
// app plus every worker, each next to its own daprd sidecar. `npm run fleet` runs it; the real-stack tests drive
// it (kill a worker, stop the broker, ...). Every process listens on 127.0.0.1 only.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ALL_WORKERS } from "@/server/workers";
import { BROKER_TOPICS } from "@/server/events/catalog";
import { createTopics, kafkaListening, kafkaTool, prepareKafka, type KafkaTool } from "./kafka";
import { poll, supervise, type Supervised } from "./supervised";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Worker names come from the fleet definition itself, so a new worker joins the fleet without edits here. */
export const WORKER_NAMES: readonly string[] = ALL_WORKERS.map((worker) => worker.name);
export const appIdOf = (name: string) => (name === "app" ? "cadence-app" : `cadence-${name}`);

export interface StackOptions {
  databaseUrl: string;
  /** Everything this stack writes (Kafka log, Scheduler's etcd, component files, generated secrets). */
  dataDir: string;
  /** The app's port (default 3000); the rest sit at fixed offsets from `portBase`. */
  appPort?: number;
  /** First of ~60 consecutive ports used by workers, sidecars, Kafka and the Scheduler (default 3001). */
  portBase?: number;
  restart?: boolean;
  output?: (name: string, line: string) => void;
  /** Extra environment for the app and the workers. */
  env?: Record<string, string>;
  logLevel?: string;
  /** Aborting it during start-up stops whatever has started and rejects. */
  signal?: AbortSignal;
}

export interface Stack {
  appUrl: string;
  /** http://127.0.0.1:<port> of a process's sidecar HTTP API (tests publish through it like the app does). */
  sidecarUrl(name: string): string;
  /** The sidecar's Prometheus metrics (what the chart's PodMonitor scrapes in the cluster). */
  sidecarMetricsUrl(name: string): string;
  apiToken: string;
  kafkaBootstrap: string;
  /** Names: kafka, scheduler, app, each worker, and `<name>-sidecar` for each sidecar. */
  process(name: string): Supervised;
  names(): string[];
  kafkaTool(tool: KafkaTool, args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export function toolchain(script: string): string {
  return execFileSync("bash", [path.join(ROOT, "scripts/toolchain", script)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

interface Secrets {
  apiToken: string;
  appToken: string;
  /** Every process must hold the same key (webhook secrets are encrypted with it). */
  encryptionKey?: string;
}

function readOrCreateSecrets(file: string): Secrets {
  const newKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Secrets;
    if (stored.encryptionKey) return stored;
    const upgraded = { ...stored, encryptionKey: newKey() }; // a stack created before the key existed
    writeFileSync(file, JSON.stringify(upgraded), { mode: 0o600 });
    return upgraded;
  }
  const random = () => Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
  const secrets: Secrets = { apiToken: random(), appToken: random(), encryptionKey: newKey() };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** The Kafka pub/sub component and the shared configuration/resiliency, written for this stack's ports. */
export function writeResources(dir: string, kafkaPort: number): { resources: string; config: string } {
  const resources = path.join(dir, "resources");
  mkdirSync(resources, { recursive: true });
  // The same resiliency policy as the cluster (dapr-components/resiliency.yaml), not a copy that can drift.
  copyFileSync(path.join(ROOT, "dapr-components/resiliency.yaml"), path.join(resources, "resiliency.yaml"));
  writeFileSync(
    path.join(resources, "pubsub.yaml"),
    [
      "# Written by scripts/fleet/stack.ts: the single-node Kafka of `npm run fleet`.",
      "apiVersion: dapr.io/v1alpha1",
      "kind: Component",
      "metadata:",
      "  name: pubsub",
      "spec:",
      "  type: pubsub.kafka",
      "  version: v1",
      "  metadata:",
      `    - { name: brokers, value: "127.0.0.1:${kafkaPort}" }`,
      '    - { name: authType, value: "none" }',
      '    - { name: consumerGroup, value: "{appID}" }',
      '    - { name: clientID, value: "{appID}" }',
      // A new consumer group starts at the beginning, so nothing published before a worker's first start is skipped.
      '    - { name: initialOffset, value: "oldest" }',
      '    - { name: sessionTimeout, value: "10s" }',
      '    - { name: heartbeatInterval, value: "1s" }',
      '    - { name: consumeRetryInterval, value: "200ms" }',
      "",
    ].join("\n"),
  );
  const config = path.join(dir, "configuration.yaml");
  copyFileSync(path.join(ROOT, "dapr-components/local/configuration.yaml"), config);
  return { resources, config };
}

/** The Dapr Scheduler on 127.0.0.1: its gRPC `port`, then healthz and embedded etcd on the 3 ports from `firstOtherPort`. */
export function schedulerArgs(o: { port: number; firstOtherPort: number; etcdDir: string }): string[] {
  return [
    "--port", String(o.port),
    "--listen-address", "127.0.0.1",
    "--healthz-port", String(o.firstOtherPort),
    "--healthz-listen-address", "127.0.0.1",
    "--enable-metrics=false",
    "--etcd-data-dir", o.etcdDir,
    "--etcd-client-port", String(o.firstOtherPort + 1),
    "--etcd-client-listen-address", "127.0.0.1",
    "--etcd-initial-cluster", `dapr-scheduler-server-0=http://127.0.0.1:${o.firstOtherPort + 2}`,
    "--log-level", "warn",
  ];
}

export interface SidecarPorts {
  appId: string;
  appPort: number;
  httpPort: number;
  grpcPort: number;
  internalGrpcPort: number;
  metricsPort: number;
  resources: string;
  config: string;
  schedulerPort: number;
  healthPath: string;
}

/** One daprd next to its app, as every process of the fleet (and the sidecar contract tests) runs it. */
export function sidecarArgs(o: SidecarPorts): string[] {
  return [
    "--mode", "standalone",
    "--app-id", o.appId,
    "--app-port", String(o.appPort),
    "--app-protocol", "http",
    "--app-channel-address", "127.0.0.1",
    "--dapr-listen-addresses", "127.0.0.1",
    "--dapr-http-port", String(o.httpPort),
    "--dapr-grpc-port", String(o.grpcPort),
    "--dapr-internal-grpc-port", String(o.internalGrpcPort),
    "--enable-metrics",
    "--metrics-port", String(o.metricsPort),
    "--metrics-listen-address", "127.0.0.1",
    "--resources-path", o.resources,
    "--config", o.config,
    "--scheduler-host-address", `127.0.0.1:${o.schedulerPort}`,
    // The sidecar notices a stopped worker within ~2 s and pauses its deliveries until it is back.
    "--enable-app-health-check",
    "--app-health-check-path", o.healthPath,
    "--app-health-probe-interval", "1",
    "--app-health-probe-timeout", "500",
    "--app-health-threshold", "2",
    "--dapr-graceful-shutdown-seconds", "2",
    "--log-level", "warn",
  ];
}

export const healthy = (url: string, headers: Record<string, string> = {}) => () =>
  fetch(url, { headers, signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);

export async function startStack(options: StackOptions): Promise<Stack> {
  const appPort = options.appPort ?? 3000;
  const base = options.portBase ?? 3001;
  const output = options.output ?? ((name, line) => process.stdout.write(`[${name}] ${line}\n`));
  const restart = options.restart ?? true;
  mkdirSync(options.dataDir, { recursive: true });

  const daprBin = toolchain("dapr.sh");
  const kafkaHome = toolchain("kafka.sh");
  const secrets = readOrCreateSecrets(path.join(options.dataDir, "secrets.json"));
  const names = ["app", ...WORKER_NAMES];
  // Port plan: workers base+i; sidecar metrics base+10+i, HTTP base+20+i, gRPC base+30+i, internal gRPC base+40+i; infrastructure base+50...
  const portOf = (name: string) => (name === "app" ? appPort : base + WORKER_NAMES.indexOf(name));
  const sidecarPort = (name: string, offset: number) => base + offset + names.indexOf(name);
  const kafkaPort = base + 50;
  const schedulerPort = base + 52;
  const { resources, config } = writeResources(options.dataDir, kafkaPort);

  const processes = new Map<string, Supervised>();
  const add = (process: Supervised) => processes.set(process.name, process);
  const common = { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", JAVA_HOME: process.env.JAVA_HOME ?? "" } };
  const supervisor = { restart, output };

  const kafkaCommand = await prepareKafka({ home: kafkaHome, dir: path.join(options.dataDir, "kafka"), port: kafkaPort, controllerPort: base + 51 });
  add(supervise({ name: "kafka", ...common, ...kafkaCommand, ready: () => kafkaListening(kafkaPort), startTimeoutMs: 180_000 }, supervisor));

  const etcdDir = path.join(options.dataDir, "scheduler");
  add(
    supervise(
      {
        name: "scheduler",
        ...common,
        command: path.join(daprBin, "scheduler"),
        args: schedulerArgs({ port: schedulerPort, firstOtherPort: base + 53, etcdDir }),
        ready: healthy(`http://127.0.0.1:${base + 53}/healthz`),
        startTimeoutMs: 120_000,
      },
      supervisor,
    ),
  );

  for (const name of names) {
    const appId = appIdOf(name);
    const healthPath = name === "app" ? "/api/health" : "/healthz";
    const env: Record<string, string> = {
      ...common.env,
      NODE_ENV: "production",
      LOG_LEVEL: options.logLevel ?? "warn",
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: path.join(options.dataDir, "app"),
      HOST: "127.0.0.1",
      PORT: String(portOf(name)),
      DAPR_HTTP_PORT: String(sidecarPort(name, 20)),
      DAPR_GRPC_PORT: String(sidecarPort(name, 30)),
      DAPR_API_TOKEN: secrets.apiToken,
      APP_API_TOKEN: secrets.appToken,
      CADENCE_ENCRYPTION_KEY: secrets.encryptionKey!,
      BETTER_AUTH_URL: `http://localhost:${appPort}`,
      // The app serves the built-in Pusher endpoint; the realtime worker publishes to it as it would to Soketi.
      ...(name === "realtime" ? { PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(appPort), PUSHER_USE_TLS: "false" } : {}),
      ...options.env,
    };
    const entry = name === "app" ? "src/server/http/server.ts" : `workers/${name}/main.ts`;
    add(
      supervise(
        { name, ...common, env, command: process.execPath, args: ["--import", "tsx", entry], ready: healthy(`http://127.0.0.1:${portOf(name)}${healthPath}`), startTimeoutMs: 180_000 },
        supervisor,
      ),
    );
    add(
      supervise(
        {
          name: `${name}-sidecar`,
          ...common,
          env: { ...common.env, DAPR_API_TOKEN: secrets.apiToken, APP_API_TOKEN: secrets.appToken },
          command: path.join(daprBin, "daprd"),
          args: sidecarArgs({
            appId,
            appPort: portOf(name),
            httpPort: sidecarPort(name, 20),
            grpcPort: sidecarPort(name, 30),
            internalGrpcPort: sidecarPort(name, 40),
            metricsPort: sidecarPort(name, 10),
            resources,
            config,
            schedulerPort,
            healthPath,
          }),
          ready: healthy(`http://127.0.0.1:${sidecarPort(name, 20)}/v1.0/healthz`),
          startTimeoutMs: 120_000,
        },
        supervisor,
      ),
    );
  }

  const stack: Stack = {
    appUrl: `http://localhost:${appPort}`,
    sidecarUrl: (name) => `http://127.0.0.1:${sidecarPort(name, 20)}`,
    sidecarMetricsUrl: (name) => `http://127.0.0.1:${sidecarPort(name, 10)}/metrics`,
    apiToken: secrets.apiToken,
    kafkaBootstrap: `127.0.0.1:${kafkaPort}`,
    process(name) {
      const found = processes.get(name);
      if (!found) throw new Error(`no process named ${name}`);
      return found;
    },
    names: () => [...processes.keys()],
    kafkaTool: (tool, args) => kafkaTool(kafkaHome, tool, ["--bootstrap-server", `127.0.0.1:${kafkaPort}`, ...args]),
    async stop() {
      // Apps and sidecars first (SIGTERM: they finish what is in flight), the infrastructure last.
      const order = [...processes.values()].reverse();
      await Promise.all(order.filter((p) => p.name !== "kafka" && p.name !== "scheduler").map((p) => p.kill("SIGTERM")));
      await Promise.all(order.map((p) => p.kill("SIGTERM")));
    },
  };

  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(new Error("start-up interrupted"));
    if (options.signal?.aborted) fail();
    options.signal?.addEventListener("abort", fail, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    await Promise.race([aborted, startAll()]);
  } catch (cause) {
    await stack.stop();
    throw cause;
  }
  return stack;

  async function startAll() {
    await Promise.all([
      stack.process("kafka").start().then(() => createTopics(kafkaHome, kafkaPort, BROKER_TOPICS)),
      stack.process("scheduler").start(),
    ]);
    if (options.signal?.aborted) return;
    // Every app and sidecar at once: daprd waits for its app's port before it reads the subscriptions, and the
    // app and workers take turns on the migrations (advisory lock).
    await Promise.all(names.flatMap((name) => [stack.process(name).start(), stack.process(`${name}-sidecar`).start()]));
    await poll(async () => {
      for (const name of names) if (!(await healthy(`http://127.0.0.1:${sidecarPort(name, 20)}/v1.0/healthz/outbound`)())) return false;
      return true;
    }, 60_000, "every sidecar to reach its components");
  }
}
