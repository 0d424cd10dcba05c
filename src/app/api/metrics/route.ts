import { metricsRegistry } from "@/server/metrics";

export const dynamic = "force-dynamic";

export async function GET() {
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
