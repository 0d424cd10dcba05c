import { handleMcpRequest } from "@/server/tools/mcp-http";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** MCP over Streamable HTTP at /api/mcp; every request needs `Authorization: Bearer <API token>`. */
async function handler(request: Request): Promise<Response> {
  const runtime = await getRuntime();
  return handleMcpRequest(request, { db: runtime.db.db, log: runtime.log, requestsPerMinute: runtime.env.RATE_LIMIT_MCP_PER_MINUTE });
}

export { handler as GET, handler as POST, handler as DELETE };
