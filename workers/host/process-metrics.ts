import { collectDefaultMetrics, Registry } from "prom-client";
import { webhookMetrics } from "@/server/domain/webhooks/metrics";
import { workerMetrics } from "./metrics";

/** A standalone worker's Prometheus page: its delivery metrics plus the Node process's own. */
export const PROMETHEUS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

let processRegistry: Registry | undefined;

export function processMetrics(): Promise<string> {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: "cadence_" });
    // Outgoing webhook attempts (counted only where the webhooks worker runs; zero elsewhere).
    processRegistry.registerMetric(webhookMetrics().attempts);
    processRegistry.registerMetric(webhookMetrics().latency);
  }
  return Registry.merge([processRegistry, workerMetrics().registry]).metrics();
}
