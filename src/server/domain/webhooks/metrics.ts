import { Counter, Histogram } from "prom-client";

/**
 * Webhook delivery metrics. Kept on globalThis because the app's custom server and Next's route handlers are
 * two module graphs in one process; src/server/metrics.ts registers them with the app registry.
 */
export interface WebhookMetrics {
  attempts: Counter<"outcome">;
  latency: Histogram<"outcome">;
}

const KEY = Symbol.for("cadence.webhook-metrics");
type Holder = { [KEY]?: WebhookMetrics };

export function webhookMetrics(): WebhookMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= {
    attempts: new Counter({ name: "cadence_webhook_attempts_total", help: "Webhook delivery attempts by outcome", labelNames: ["outcome"], registers: [] }),
    latency: new Histogram({
      name: "cadence_webhook_attempt_seconds",
      help: "Time from request to answer (or failure) of one webhook attempt",
      labelNames: ["outcome"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [],
    }),
  };
  return holder[KEY];
}

export function recordWebhookAttempt(outcome: "delivered" | "retrying" | "disabled", latencyMs: number) {
  const metrics = webhookMetrics();
  metrics.attempts.inc({ outcome });
  metrics.latency.observe({ outcome }, latencyMs / 1000);
}
