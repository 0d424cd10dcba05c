// A single-node Kafka (KRaft: broker and controller in one JVM) on 127.0.0.1, from the jars that
// scripts/toolchain/kafka.sh fetched, plus Kafka's own command-line tools (used by tests to read the broker).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { TOPIC_PARTITIONS } from "@/server/events/catalog";

const run = promisify(execFile);

export interface KafkaLayout {
  /** Folder with libs/ (the jars). */
  home: string;
  /** Data, config and logs of this broker. */
  dir: string;
  port: number;
  controllerPort: number;
  /** Whether the broker creates a topic a client asks for (default true; the Helm chart's broker does not). */
  autoCreateTopics?: boolean;
}

const classpath = (home: string) => `${path.join(home, "libs")}/*`;
const jvm = ["-Xms256m", "-Xmx768m", "-XX:+UseG1GC", "-Djava.awt.headless=true"];

/** Writes server.properties and log4j.properties, formats the storage once; returns the broker's command. */
export async function prepareKafka(layout: KafkaLayout): Promise<{ command: string; args: string[] }> {
  mkdirSync(layout.dir, { recursive: true });
  const properties = path.join(layout.dir, "server.properties");
  writeFileSync(
    properties,
    [
      "process.roles=broker,controller",
      "node.id=1",
      `controller.quorum.voters=1@127.0.0.1:${layout.controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${layout.port},CONTROLLER://127.0.0.1:${layout.controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${layout.port}`,
      "controller.listener.names=CONTROLLER",
      "inter.broker.listener.name=PLAINTEXT",
      "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
      `log.dirs=${path.join(layout.dir, "data")}`,
      // The fleet creates its topics at start (createTopics); others (a benchmark's) appear on first publish.
      // Four partitions keyed by user id keep one user's events in order.
      `auto.create.topics.enable=${layout.autoCreateTopics ?? true}`,
      `num.partitions=${TOPIC_PARTITIONS}`,
      "offsets.topic.replication.factor=1",
      "offsets.topic.num.partitions=4",
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "default.replication.factor=1",
      // A restarted sidecar rejoins its consumer group at once instead of after the default 3 s delay.
      "group.initial.rebalance.delay.ms=0",
      "log.retention.hours=24",
      "",
    ].join("\n"),
  );
  writeFileSync(
    path.join(layout.dir, "log4j.properties"),
    [
      "log4j.rootLogger=WARN, stdout",
      "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
      "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
      "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
      "log4j.logger.kafka=WARN",
      "log4j.logger.org.apache.kafka=WARN",
      "",
    ].join("\n"),
  );
  if (!existsSync(path.join(layout.dir, "data", "meta.properties"))) {
    // base64url starts with "-" one time in 64; as a separate argument the tool would read it as an option.
    const clusterId = randomBytes(16).toString("base64url").slice(0, 22);
    await run("java", [...jvm, "-cp", classpath(layout.home), `-Dlog4j.configuration=file:${path.join(layout.dir, "log4j.properties")}`, "kafka.tools.StorageTool", "format", `--cluster-id=${clusterId}`, "-c", properties], { timeout: 120_000 });
  }
  return {
    command: "java",
    args: [...jvm, "-cp", classpath(layout.home), `-Dlog4j.configuration=file:${path.join(layout.dir, "log4j.properties")}`, "kafka.Kafka", properties],
  };
}

/** True once the broker accepts TCP connections on its client port. */
export function kafkaListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Kafka's own tools by their shell-script names. */
const TOOLS = {
  "kafka-topics": "org.apache.kafka.tools.TopicCommand",
  "kafka-consumer-groups": "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
  "kafka-console-consumer": "org.apache.kafka.tools.consumer.ConsoleConsumer",
  "kafka-get-offsets": "org.apache.kafka.tools.GetOffsetShell",
} as const;
export type KafkaTool = keyof typeof TOOLS;

/** Runs one of Kafka's command-line tools against the broker and returns its standard output. */
export async function kafkaTool(home: string, tool: KafkaTool, args: string[], timeoutMs = 120_000): Promise<string> {
  const log4j = path.join(home, "tools-log4j.properties");
  if (!existsSync(log4j)) writeFileSync(log4j, "log4j.rootLogger=ERROR, stderr\nlog4j.appender.stderr=org.apache.log4j.ConsoleAppender\nlog4j.appender.stderr.Target=System.err\nlog4j.appender.stderr.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stderr.layout.ConversionPattern=%p %m%n\n");
  const { stdout } = await run(
    "java",
    ["-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath(home), `-Dlog4j.configuration=file:${log4j}`, TOOLS[tool], ...args],
    { timeout: timeoutMs, maxBuffer: 64 * 1_048_576 },
  );
  return stdout;
}

/**
 * Creates the topics before any sidecar subscribes or publishes. Left to auto-creation, a sidecar's consumer
 * retries a missing topic for seconds and the first publish to one waits out a leader election, so the first
 * reminders of a fresh fleet arrived 2–3 s late. Idempotent: a restarted fleet keeps its topics.
 */
export async function createTopics(home: string, port: number, topics: readonly string[], partitions = TOPIC_PARTITIONS): Promise<void> {
  const bootstrap = ["--bootstrap-server", `127.0.0.1:${port}`];
  const create = (topic: string) => kafkaTool(home, "kafka-topics", [...bootstrap, "--create", "--if-not-exists", "--topic", topic, "--partitions", String(partitions), "--replication-factor", "1"]);
  // Two at a time: each is a JVM, and the machine may have two cores.
  const queue = [...topics];
  await Promise.all([0, 1].map(async () => {
    for (let topic = queue.shift(); topic !== undefined; topic = queue.shift()) await create(topic);
  }));
}
