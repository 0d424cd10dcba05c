import { collectDefaultMetrics, Registry } from "prom-client";
import { workerMetrics } from "./metrics";

/** A standalone worker's Prometheus page: its delivery metrics plus the Node process's own. */
export const PROMETHEUS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

let processRegistry: Registry | undefined;

export function processMetrics(): Promise<string> {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: "cadence_" });
  }
  return Registry.merge([processRegistry, workerMetrics().registry]).metrics();
}
