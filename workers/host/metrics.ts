import { Counter, Histogram, Registry } from "prom-client";
import type { HandlerOutcome } from "@/server/events/worker-types";

/**
 * What the workers measure: deliveries per worker, topic and outcome, handling time, dead letters, and the
 * two user-facing delays (a reminder's lateness, a recurring task's next occurrence). Served on each worker
 * process's /metrics and, when the workers run inside the app, merged into the app's /api/metrics.
 * One registry per process behind a global symbol: the app's two module graphs share it.
 */
export interface WorkerMetrics {
  registry: Registry;
  consumed: Counter<"worker" | "topic" | "outcome">;
  handling: Histogram<"worker" | "topic">;
  deadLettered: Counter<"worker" | "topic">;
  reminderLateness: Histogram;
  recurrenceLatency: Histogram;
}

const KEY = Symbol.for("cadence.worker-metrics");
type Holder = { [KEY]?: WorkerMetrics };

/** Seconds: reminders should fire within 5 s of their time (the alert's threshold). */
const DELAY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300];

function create(): WorkerMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    consumed: new Counter({
      name: "cadence_events_consumed_total",
      help: "Event deliveries handled by a worker, by outcome (success, retry, drop)",
      labelNames: ["worker", "topic", "outcome"],
      registers,
    }),
    handling: new Histogram({
      name: "cadence_event_handling_seconds",
      help: "Time a worker spent on one delivery",
      labelNames: ["worker", "topic"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers,
    }),
    deadLettered: new Counter({
      name: "cadence_events_dead_lettered_total",
      help: "Events that exhausted their retries and were stored as dead letters",
      labelNames: ["worker", "topic"],
      registers,
    }),
    reminderLateness: new Histogram({
      name: "cadence_reminder_lateness_seconds",
      help: "How long after its remind-at time a reminder fired",
      buckets: DELAY_BUCKETS,
      registers,
    }),
    recurrenceLatency: new Histogram({
      name: "cadence_recurrence_latency_seconds",
      help: "From a recurring task's completion to its next occurrence being created",
      buckets: DELAY_BUCKETS,
      registers,
    }),
  };
}

export function workerMetrics(): WorkerMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** Records one delivery's outcome and duration. */
export function recordDelivery(worker: string, topic: string, outcome: HandlerOutcome, startedAt: number): void {
  const metrics = workerMetrics();
  metrics.consumed.inc({ worker, topic, outcome });
  metrics.handling.observe({ worker, topic }, (performance.now() - startedAt) / 1000);
}

/**
 * Publishes a worker's series at zero before its first delivery: "consumed nothing" must read as 0, not as a
 * missing series, for the not-consuming alert.
 */
export function declareWorker(worker: { name: string; subscriptions: readonly { topic: string }[] }): void {
  const metrics = workerMetrics();
  for (const topic of new Set(worker.subscriptions.map((s) => s.topic))) {
    metrics.consumed.inc({ worker: worker.name, topic, outcome: "success" }, 0);
    metrics.deadLettered.inc({ worker: worker.name, topic }, 0);
  }
}
