import { getRuntime } from "@/server/runtime";
import { realtimeClientConfig } from "@/server/realtime/client-config";

export const dynamic = "force-dynamic";

export async function GET() {
  const { env } = await getRuntime();
  return Response.json(realtimeClientConfig(env));
}
