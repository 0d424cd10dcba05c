// The real stack for the tests: scripts/fleet/stack.ts on ports of its own (app 7000, the rest from 7001), on a
// PostgreSQL server of its own (./postgres.ts, port 7059: the drills restart it), no automatic restarts (the drills decide what runs), and read-only helpers that look
// at the system only from outside: SQL, the app's HTTP/tRPC API, and Kafka's own command-line tools.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startStack, WORKER_NAMES, type Stack } from "../../scripts/fleet/stack";
import { poll, type Supervised } from "../../scripts/fleet/supervised";
import { startOwnPostgres } from "./postgres";

export { WORKER_NAMES, poll };

export interface Harness {
  stack: Stack;
  /** The suite's own PostgreSQL server. */
  postgres: Supervised;
  sql: postgres.Sql;
  output(): string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cadence-real-stack-"));
  const portBase = Number(process.env.REAL_STACK_PORT_BASE ?? 7001);
  let log = "";
  const output = (name: string, line: string) => {
    log += `[${name}] ${line}\n`;
    if (log.length > 2_000_000) log = log.slice(-1_000_000);
  };
  const own = await startOwnPostgres(path.join(dataDir, "postgres"), portBase + 58, output).catch((cause: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw cause;
  });
  const stack = await startStack({
    databaseUrl: own.url,
    dataDir,
    appPort: Number(process.env.REAL_STACK_APP_PORT ?? 7000),
    portBase,
    restart: false,
    output,
  }).catch(async (cause: unknown) => {
    await own.process.kill("SIGINT");
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the real stack did not start: ${String(cause)}\n${log.slice(-20_000)}`);
  });
  const sql = postgres(own.url, { max: 2, onnotice: () => {} });
  return {
    stack,
    postgres: own.process,
    sql,
    output: () => log.slice(-30_000),
    async close() {
      await stack.stop();
      await sql.end({ timeout: 5 });
      await own.process.kill("SIGINT");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Per consumer group and partition: LAG as kafka-consumer-groups reports it. */
export async function consumerLag(stack: Stack): Promise<{ group: string; topic: string; lag: number }[]> {
  const text = await stack.kafkaTool("kafka-consumer-groups", ["--describe", "--all-groups"]);
  const rows: { group: string; topic: string; lag: number }[] = [];
  for (const line of text.split("\n")) {
    const cells = line.trim().split(/\s+/);
    // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
    if (cells.length < 6 || cells[0] === "GROUP" || !/^\d+$/.test(cells[2] ?? "")) continue;
    // A partition the group never committed on shows "-": its lag is everything in it (0 for an empty one).
    const lag = cells[5] === "-" ? (cells[3] === "-" ? Number(cells[4]) : Number.NaN) : Number(cells[5]);
    rows.push({ group: cells[0] ?? "", topic: cells[1] ?? "", lag });
  }
  return rows;
}

/** Every message of a topic as key + CloudEvent, read by kafka-console-consumer from the beginning. */
export async function topicMessages(stack: Stack, topic: string): Promise<{ key: string; event: Record<string, unknown> }[]> {
  const text = await stack.kafkaTool("kafka-console-consumer", [
    "--topic", topic,
    "--from-beginning",
    "--timeout-ms", "20000",
    "--property", "print.key=true",
    "--property", "key.separator=\u0001",
  ]).catch((cause: { stdout?: string }) => cause.stdout ?? ""); // exits non-zero at the timeout, output intact
  return text
    .split("\n")
    .filter((line) => line.includes("\u0001"))
    .map((line) => {
      const [key, value] = line.split("\u0001");
      return { key: key ?? "", event: JSON.parse(value ?? "{}") as Record<string, unknown> };
    });
}
