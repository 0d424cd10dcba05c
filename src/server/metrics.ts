import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import { runningBackbone } from "@/server/background";
import { webhookMetrics } from "@/server/domain/webhooks/metrics";

/** Prometheus metrics of the app process: Node defaults plus the outbox relay's progress. */
const REGISTRY_KEY = Symbol.for("cadence.metrics");
type Holder = { [REGISTRY_KEY]?: Registry };

function relayGauge(registry: Registry, name: string, help: string, read: (m: { published: number; failed: number; lagMs: number; pending: number }) => number) {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      const metrics = runningBackbone()?.relay.metrics;
      if (metrics) this.set(read(metrics));
    },
  });
}

export function metricsRegistry(): Registry {
  const holder = globalThis as Holder;
  if (holder[REGISTRY_KEY]) return holder[REGISTRY_KEY];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "cadence_" });
  relayGauge(registry, "cadence_outbox_published_total", "Events the relay has published", (m) => m.published);
  relayGauge(registry, "cadence_outbox_failed_total", "Failed publish attempts", (m) => m.failed);
  relayGauge(registry, "cadence_outbox_pending", "Unpublished outbox rows seen in the last pass", (m) => m.pending);
  relayGauge(registry, "cadence_outbox_lag_ms", "Age of the oldest unpublished event at the last pass", (m) => m.lagMs);
  const webhooks = webhookMetrics();
  registry.registerMetric(webhooks.attempts);
  registry.registerMetric(webhooks.latency);
  new Counter({ name: CSP_REPORTS_METRIC, help: "Content-Security-Policy violation reports received", registers: [registry] });
  holder[REGISTRY_KEY] = registry;
  return registry;
}

const CSP_REPORTS_METRIC = "cadence_csp_violation_reports_total";

export function countCspReports(count: number): void {
  (metricsRegistry().getSingleMetric(CSP_REPORTS_METRIC) as Counter | undefined)?.inc(count);
}
