import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Logger } from "pino";
import { TOPICS } from "@/server/events/catalog";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import type { EventTransport } from "@/server/events/transport";
import { createDaprTransport } from "@/server/events/transports/dapr";
import { createEmbeddedTransport } from "@/server/events/transports/embedded";
import { createUsers, type BenchDatabase } from "./database";
import { startCountingSubscriber, startDaprDoubleProcess, type BulkSubscribe } from "./dapr-setup";
import { seedOutbox } from "./outbox-seed";

export interface ThroughputOptions {
  events: number;
  users: number;
  /** Relay claim size; undefined = the app's default. */
  batchSize?: number;
  timeoutMs: number;
  /** Dapr scenario: the subscriber's bulkSubscribe, or undefined for one POST per event. */
  bulkSubscribe?: BulkSubscribe;
  /** Topic of the seeded rows (default task-events; the real stack uses one no worker subscribes to). */
  topic?: string;
}

export interface ThroughputResult {
  transport: "embedded" | "dapr-double" | "daprd+kafka";
  events: number;
  users: number;
  batchSize: number | "default";
  /** Relay start → last event at the consumer. */
  deliveredSeconds: number;
  eventsPerSecond: number;
  /** Relay start → every row marked published (the relay's own speed, before consumer queues drain). */
  publishedSeconds: number;
  publishedPerSecond: number;
  seedSeconds: number;
  timedWindowEventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Dapr scenario: how the double delivered to the subscriber. */
  delivery?: "single" | BulkSubscribe;
  /** Real stack: what the sidecar's own metrics counted for the benchmark topic. */
  sidecar?: Record<string, number>;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Seeds the outbox, then times the relay draining it into `transport` until `delivered()` resolves. */
export async function timeRelay(
  bench: BenchDatabase,
  options: ThroughputOptions,
  log: Logger,
  transport: EventTransport,
  delivered: () => Promise<void>,
): Promise<Omit<ThroughputResult, "transport">> {
  const users = await createUsers(bench.handle, options.users);
  const seedStart = performance.now();
  await seedOutbox(bench.handle, users.map((u) => u.userId), options.events, options.topic);
  const seedSeconds = (performance.now() - seedStart) / 1000;

  // Stalls of this thread during the timed window (PGlite runs here; a busy machine starves it).
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const start = performance.now();
  let publishedAt = Number.NaN;
  // The sweep is off: the NOTIFY at start-up and the relay's own loop are what the app relies on.
  const relay: OutboxRelay = await startOutboxRelay({ db: bench.handle, transport, log, batchSize: options.batchSize, sweepIntervalMs: 0 });
  const watch = setInterval(() => {
    if (Number.isNaN(publishedAt) && relay.metrics.published >= options.events) publishedAt = performance.now();
  }, 5);
  try {
    await delivered();
  } finally {
    clearInterval(watch);
  }
  const deliveredMs = performance.now() - start;
  loop.disable();
  if (Number.isNaN(publishedAt)) publishedAt = performance.now();
  await relay.stop();
  const publishedMs = publishedAt - start;
  return {
    events: options.events,
    users: options.users,
    batchSize: options.batchSize ?? "default",
    deliveredSeconds: round(deliveredMs / 1000, 2),
    eventsPerSecond: round(options.events / (deliveredMs / 1000)),
    publishedSeconds: round(publishedMs / 1000, 2),
    publishedPerSecond: round(options.events / (publishedMs / 1000)),
    seedSeconds: round(seedSeconds, 2),
    timedWindowEventLoopDelayMs: { p50: round(loop.percentile(50) / 1e6), p99: round(loop.percentile(99) / 1e6), max: round(loop.max / 1e6) },
  };
}

/** Scenario 1: relay → embedded transport → one in-process consumer that only counts. */
export async function relayThroughputEmbedded(bench: BenchDatabase, options: ThroughputOptions, log: Logger): Promise<ThroughputResult> {
  const transport = createEmbeddedTransport({ db: bench.handle.db, log });
  let count = 0;
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  transport.subscribe({
    consumer: "bench/counter",
    topic: TOPICS.taskEvents,
    async handle() {
      count += 1;
      if (count === options.events) done();
      return "success";
    },
  });
  const delivered = () => withTimeout(all, options.timeoutMs, () => `embedded consumer got ${count}/${options.events} events`);
  try {
    return { transport: "embedded", ...(await timeRelay(bench, options, log, transport, delivered)) };
  } finally {
    await transport.close();
  }
}

/** Scenario 2: relay → Dapr transport → the double (its own process) → a subscriber app answering SUCCESS. */
export async function relayThroughputDapr(root: string, bench: BenchDatabase, options: ThroughputOptions, log: Logger): Promise<ThroughputResult> {
  const subscriber = await startCountingSubscriber(TOPICS.taskEvents, options.bulkSubscribe);
  const double = await startDaprDoubleProcess(root, [{ appId: "bench-subscriber", appPort: subscriber.port }]);
  try {
    const transport = createDaprTransport({ httpPort: double.sidecarPort });
    await transport.ready?.();
    await waitForSubscription(double.sidecarPort);
    const delivered = () => subscriber.waitFor(options.events, options.timeoutMs);
    const timed = await timeRelay(bench, options, log, transport, delivered);
    return { transport: "dapr-double", ...timed, delivery: options.bulkSubscribe ?? "single" };
  } finally {
    await double.process.stop();
    await subscriber.close();
  }
}

/** The double answers /v1.0/healthz with 204 only once the app's subscriptions are known. */
async function waitForSubscription(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/v1.0/healthz`);
    await res.body?.cancel();
    if (res.status === 204) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("dapr double never discovered the subscriber");
}

function withTimeout(promise: Promise<void>, ms: number, describe: () => string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${describe()} after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
