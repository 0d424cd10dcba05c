// The sidecar contract's real target: one daprd 1.18.2 with the fleet's flags, components and resiliency
// (scripts/fleet/stack.ts), a Scheduler and a single-node Kafka 3.9.2 of its own, on ports from REAL_STACK_CONTRACT_PORT_BASE
// (default 7201; the contract app listens on base + 20). The test app's declared subscriptions become Subscription
// resources next to the pub/sub component; message keys are read with Kafka's own console consumer.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { kafkaListening, kafkaTool, prepareKafka } from "../../scripts/fleet/kafka";
import { healthy, ROOT, schedulerArgs, sidecarArgs, toolchain, writeResources } from "../../scripts/fleet/stack";
import { poll, supervise, type Supervised } from "../../scripts/fleet/supervised";
import type { StartTarget } from "../support/dapr-contract/target";

export const CONTRACT_PORT_BASE = Number(process.env.REAL_STACK_CONTRACT_PORT_BASE ?? 7201);
export const CONTRACT_APP_PORT = CONTRACT_PORT_BASE + 20;

export const startRealSidecar: StartTarget = async ({ appId, app, declared }) => {
  const base = CONTRACT_PORT_BASE;
  const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-contract-"));
  let log = "";
  const output = (name: string, line: string) => {
    log = `${log}[${name}] ${line}\n`.slice(-50_000);
  };
  const processes: Supervised[] = [];
  const stop = async () => {
    for (const p of processes.reverse()) await p.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const daprBin = toolchain("dapr.sh");
    const kafkaHome = toolchain("kafka.sh");
    const apiToken = `contract-api-${Math.random().toString(36).slice(2)}`;
    const appToken = `contract-app-${Math.random().toString(36).slice(2)}`;
    const common = { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", JAVA_HOME: process.env.JAVA_HOME ?? "" } };
    const supervisor = { restart: false, output };
    const { resources, config } = writeResources(dir, base);
    writeFileSync(
      path.join(resources, "subscriptions.yaml"),
      declared
        .map((s, i) => stringify({ apiVersion: "dapr.io/v2alpha1", kind: "Subscription", metadata: { name: `${appId}-${i}` }, spec: s, scopes: [appId] }))
        .join("---\n"),
    );
    const kafka = supervise(
      { name: "kafka", ...common, ...(await prepareKafka({ home: kafkaHome, dir: path.join(dir, "kafka"), port: base, controllerPort: base + 1 })), ready: () => kafkaListening(base), startTimeoutMs: 180_000 },
      supervisor,
    );
    const scheduler = supervise(
      {
        name: "scheduler",
        ...common,
        command: path.join(daprBin, "scheduler"),
        args: schedulerArgs({ port: base + 2, firstOtherPort: base + 3, etcdDir: path.join(dir, "scheduler") }),
        ready: healthy(`http://127.0.0.1:${base + 3}/healthz`),
        startTimeoutMs: 120_000,
      },
      supervisor,
    );
    processes.push(kafka, scheduler);
    await Promise.all([kafka.start(), scheduler.start()]);
    const daprd = supervise(
      {
        name: "daprd",
        ...common,
        env: { ...common.env, DAPR_API_TOKEN: apiToken, APP_API_TOKEN: appToken },
        command: path.join(daprBin, "daprd"),
        args: sidecarArgs({
          appId,
          appPort: app.port,
          httpPort: base + 10,
          grpcPort: base + 11,
          internalGrpcPort: base + 12,
          metricsPort: base + 13,
          resources,
          config,
          schedulerPort: base + 2,
          healthPath: "/healthz",
        }),
        ready: healthy(`http://127.0.0.1:${base + 10}/v1.0/healthz`),
        startTimeoutMs: 120_000,
      },
      supervisor,
    );
    processes.push(daprd);
    await daprd.start();
    await poll(healthy(`http://127.0.0.1:${base + 10}/v1.0/healthz/outbound`), 60_000, "the sidecar to reach Kafka");
    return {
      url: `http://127.0.0.1:${base + 10}`,
      apiToken,
      appToken,
      async topicKeys(topic, count) {
        const text = await kafkaTool(kafkaHome, "kafka-console-consumer", [
          "--bootstrap-server", `127.0.0.1:${base}`,
          "--topic", topic,
          "--from-beginning",
          "--max-messages", String(count),
          "--timeout-ms", "30000",
          "--property", "print.key=true",
          "--property", "key.separator=\u0001",
        ]);
        return text
          .split("\n")
          .filter((line) => line.includes("\u0001"))
          .map((line) => {
            const [key, value] = line.split("\u0001");
            return { key: key === "null" ? null : (key ?? null), id: String((JSON.parse(value ?? "{}") as { id?: unknown }).id) };
          });
      },
      close: stop,
    };
  } catch (cause) {
    await stop();
    throw new Error(`the contract's sidecar did not start: ${String(cause)}\n${log}`);
  }
};
