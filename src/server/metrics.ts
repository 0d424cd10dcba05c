import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Background } from "@/server/background";
import { webhookMetrics } from "@/server/domain/webhooks/metrics";

/**
 * Prometheus metrics of the app process: Node defaults, tRPC procedures, the outbox relay's progress and the
 * built-in Pusher endpoint's connections. The custom server and Next's route handlers are two module graphs in
 * one process, so the registry and its metric objects live behind one global symbol.
 */
const METRICS_KEY = Symbol.for("cadence.metrics");
type Holder = { [METRICS_KEY]?: AppMetrics };
/** Set by startBackground (background.ts); read through the symbol so the API layer needs no runtime import of it. */
const runningBackground = () => (globalThis as { [key: symbol]: Background | undefined })[Symbol.for("cadence.background")];

export interface AppMetrics {
  registry: Registry;
  trpcRequests: Counter<"procedure" | "type" | "code">;
  trpcDuration: Histogram<"procedure" | "type">;
}

/** Seconds; the API's p95 target is 300 ms. */
const API_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10];

function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "cadence_" });
  const relay = () => runningBackground()?.backbone?.relay.metrics;
  const gauge = (name: string, help: string, read: (m: NonNullable<ReturnType<typeof relay>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const metrics = relay();
        if (metrics) this.set(read(metrics));
      },
    });
  gauge("cadence_outbox_published_total", "Events the relay has published", (m) => m.published);
  gauge("cadence_outbox_failed_total", "Failed publish attempts", (m) => m.failed);
  gauge("cadence_outbox_pending", "Unpublished outbox rows seen in the last pass", (m) => m.pending);
  gauge("cadence_outbox_lag_ms", "How long the oldest event of the relay's last batch waited before it was published (or the oldest row waiting for a retry, if older)", (m) => m.lagMs);
  new Gauge({
    name: "cadence_events_published_total",
    help: "Events published by the outbox relay, per topic (a monotonic count)",
    labelNames: ["topic"],
    registers: [registry],
    collect() {
      for (const [topic, count] of Object.entries(relay()?.publishedByTopic ?? {})) this.set({ topic }, count);
    },
  });
  new Gauge({
    name: "cadence_realtime_connections",
    help: "Open WebSocket connections to the built-in Pusher endpoint",
    registers: [registry],
    collect() {
      this.set(runningBackground()?.pusher?.connections() ?? 0);
    },
  });
  const webhooks = webhookMetrics();
  registry.registerMetric(webhooks.attempts);
  registry.registerMetric(webhooks.latency);
  new Counter({ name: CSP_REPORTS_METRIC, help: "Content-Security-Policy violation reports received", registers: [registry] });
  return {
    registry,
    trpcRequests: new Counter({
      name: "cadence_trpc_requests_total",
      help: "tRPC procedure calls by outcome code (OK or the tRPC error code)",
      labelNames: ["procedure", "type", "code"],
      registers: [registry],
    }),
    trpcDuration: new Histogram({
      name: "cadence_trpc_request_duration_seconds",
      help: "tRPC procedure duration, from input parsing to result",
      labelNames: ["procedure", "type"],
      buckets: API_BUCKETS,
      registers: [registry],
    }),
  };
}

export function appMetrics(): AppMetrics {
  const holder = globalThis as Holder;
  holder[METRICS_KEY] ??= createAppMetrics();
  return holder[METRICS_KEY];
}

export const metricsRegistry = (): Registry => appMetrics().registry;

const CSP_REPORTS_METRIC = "cadence_csp_violation_reports_total";

export function countCspReports(count: number): void {
  (metricsRegistry().getSingleMetric(CSP_REPORTS_METRIC) as Counter | undefined)?.inc(count);
}
