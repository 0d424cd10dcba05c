import { Registry } from "prom-client";
import { metricsRegistry } from "@/server/metrics";
import { workerMetrics } from "@workers/host/metrics";

export const dynamic = "force-dynamic";

/** The app's metrics plus, in the embedded default, those of the workers running inside it. */
export async function GET() {
  const registry = Registry.merge([metricsRegistry(), workerMetrics().registry]);
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
