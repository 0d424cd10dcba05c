// The Helm chart's kafka-topics Job and wait-for-topics init container (k8s/templates/kafka-topics.yaml) without a
// cluster: the script from the rendered ConfigMap, with the rendered Job's environment, against a single-node
// Kafka 3.9.2 configured as the chart's broker (auto.create.topics.enable=false). The jar cache has no bin/, so
// KAFKA_BIN holds a kafka-topics.sh that starts the class Kafka's own script starts (TopicCommand).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { BROKER_TOPICS, TOPIC_PARTITIONS } from "@/server/events/catalog";
import { kafkaListening, kafkaTool, prepareKafka } from "../../scripts/fleet/kafka";
import { ROOT, toolchain } from "../../scripts/fleet/stack";
import { poll, supervise, type Supervised } from "../../scripts/fleet/supervised";
import { freePort } from "../support/distributed/cluster";

interface Container {
  name: string;
  env: { name: string; value?: string }[];
}
interface Rendered {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: { template?: { spec?: { containers?: Container[] } } };
}

/** The script and the Job container's plain environment, as `helm template` renders them for Minikube. */
function renderJob(): { script: string; env: Record<string, string>; jobName: string } {
  const bin = path.join(toolchain("k8s.sh"), "bin");
  const home = mkdtempSync(path.join(os.tmpdir(), "cadence-helm-"));
  try {
    const text = execFileSync(
      path.join(bin, "helm"),
      ["template", "cadence", path.join(ROOT, "k8s"), "--namespace", "cadence", "--kube-version", "1.34.4", "-f", path.join(ROOT, "k8s/values-minikube.yaml")],
      { encoding: "utf8", env: { ...process.env, HELM_CACHE_HOME: path.join(home, "cache"), HELM_CONFIG_HOME: path.join(home, "config"), HELM_DATA_HOME: path.join(home, "data") } },
    );
    const objects = parseAllDocuments(text).map((doc) => doc.toJS() as Rendered).filter(Boolean);
    const script = objects.find((o) => o.kind === "ConfigMap" && o.data?.["kafka-topics.sh"])?.data?.["kafka-topics.sh"];
    const job = objects.find((o) => o.kind === "Job" && o.metadata.name.startsWith("cadence-kafka-topics-"));
    const container = job?.spec?.template?.spec?.containers?.[0];
    if (!script || !job || !container) throw new Error("the chart renders no kafka-topics ConfigMap and Job");
    const env = Object.fromEntries(container.env.flatMap((v) => (v.value === undefined ? [] : [[v.name, v.value]])));
    return { script, env, jobName: job.metadata.name };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe("the chart's kafka-topics Job on a real broker", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-k8s-topics-"));
  let kafkaHome = "";
  let port = 0;
  let kafka: Supervised | undefined;
  let rendered: ReturnType<typeof renderJob>;
  let brokerLog = "";

  beforeAll(async () => {
    rendered = renderJob();
    writeFileSync(path.join(dir, "kafka-topics.sh"), rendered.script);
    kafkaHome = toolchain("kafka.sh");
    const bin = path.join(dir, "bin");
    execFileSync("mkdir", ["-p", bin]);
    writeFileSync(path.join(dir, "tools-log4j.properties"), "log4j.rootLogger=ERROR, stderr\nlog4j.appender.stderr=org.apache.log4j.ConsoleAppender\nlog4j.appender.stderr.Target=System.err\nlog4j.appender.stderr.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stderr.layout.ConversionPattern=%p %m%n\n");
    // What bin/kafka-topics.sh → kafka-run-class.sh does, with the heap and JVM options the chart sets.
    writeFileSync(
      path.join(bin, "kafka-topics.sh"),
      `#!/bin/sh\n# shellcheck disable=SC2086\nexec java $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS -Dlog4j.configuration=file:${dir}/tools-log4j.properties -cp '${kafkaHome}/libs/*' org.apache.kafka.tools.TopicCommand "$@"\n`,
      { mode: 0o755 },
    );
    port = await freePort();
  });

  afterAll(async () => {
    await kafka?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the chart's script as the Job (create) or the init container (wait) would, pointed at the local broker. */
  function runScript(mode: "create" | "wait", overrides: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
    return startScript(mode, overrides).done;
  }

  function startScript(mode: "create" | "wait", overrides: Record<string, string> = {}) {
    let output = "";
    const done = new Promise<{ code: number | null; output: string }>((resolve) => {
      const env: Record<string, string> = {
        ...rendered.env,
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: dir,
        TMPDIR: dir,
        KAFKA_BIN: path.join(dir, "bin"),
        KAFKA_BOOTSTRAP_SERVERS: `127.0.0.1:${port}`,
        TOPICS_JOB: rendered.jobName,
        ...overrides,
      };
      const child = spawn("sh", [path.join(dir, "kafka-topics.sh"), mode], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => resolve({ code, output }));
    });
    return { done, output: () => output };
  }

  const topicsTool = (args: string[]) => kafkaTool(kafkaHome, "kafka-topics", ["--bootstrap-server", `127.0.0.1:${port}`, ...args]);

  it("renders the catalog's topics and partitions into the Job", () => {
    expect(rendered.env.TOPICS?.split(" ")).toEqual([...BROKER_TOPICS]);
    expect(rendered.env.TOPIC_PARTITIONS).toBe(String(TOPIC_PARTITIONS));
  });

  it("the init container gives up after its attempts when the broker does not answer, naming the broker and the Job", async () => {
    const { code, output } = await runScript("wait", { WAIT_ATTEMPTS: "2", WAIT_INTERVAL_SECONDS: "1" });
    expect(code, output).toBe(1);
    expect(output).toContain(`gave up after 2 attempts 1 s apart; the broker at 127.0.0.1:${port} does not answer`);
    expect(output).toContain(`kubectl logs job/${rendered.jobName}`);
  });

  it("the Job waits for the broker, then creates every topic and its dead-letter topic with the chart's partitions", async () => {
    const job = startScript("create", { WAIT_INTERVAL_SECONDS: "2" });
    // The broker comes up only after the Job's first attempt failed, as the in-cluster StatefulSet may on a fresh install.
    await poll(async () => job.output().includes("attempt 1/60"), 120_000, "the Job's first attempt to fail");
    const controllerPort = await freePort();
    kafka = supervise(
      {
        name: "kafka",
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", JAVA_HOME: process.env.JAVA_HOME ?? "" },
        ...(await prepareKafka({ home: kafkaHome, dir: path.join(dir, "kafka"), port, controllerPort, autoCreateTopics: false })),
        ready: () => kafkaListening(port),
        startTimeoutMs: 180_000,
      },
      { restart: false, output: (_name, line) => (brokerLog = `${brokerLog}${line}\n`.slice(-20_000)) },
    );
    await kafka.start();
    const { code, output } = await job.done;
    expect(code, `${output}\n--- broker ---\n${brokerLog}`).toBe(0);
    expect(output).toMatch(new RegExp(`attempt 1/60: the broker at 127\\.0\\.0\\.1:${port} does not answer`));
    for (const topic of BROKER_TOPICS) expect(output).toContain(`creating ${topic} (${TOPIC_PARTITIONS} partitions`);

    const described = await topicsTool(["--describe"]);
    const partitions = Object.fromEntries(
      [...described.matchAll(/^Topic: (\S+)\s+TopicId: \S+\s+PartitionCount: (\d+)/gm)].map((match) => [match[1], Number(match[2])]),
    );
    expect(partitions).toEqual(Object.fromEntries(BROKER_TOPICS.map((topic) => [topic, TOPIC_PARTITIONS])));
  });

  it("then the init container lets the pod start, and a second run of the Job creates nothing", async () => {
    const wait = await runScript("wait");
    expect(wait.code, wait.output).toBe(0);
    expect(wait.output).toContain(`all topics exist: ${BROKER_TOPICS.join(" ")}`);
    const again = await runScript("create");
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain("creating ");
  });

  it("the broker as the chart configures it does not create a topic a client asks for", async () => {
    await kafkaTool(kafkaHome, "kafka-console-consumer", ["--bootstrap-server", `127.0.0.1:${port}`, "--topic", "not-in-the-catalog", "--timeout-ms", "5000"]).catch(() => "");
    const listed = (await topicsTool(["--list"])).split("\n").filter(Boolean);
    expect(listed).not.toContain("not-in-the-catalog");
    expect(listed.filter((topic) => !topic.startsWith("__")).sort()).toEqual([...BROKER_TOPICS].sort());
  });
});
