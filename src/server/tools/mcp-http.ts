import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Database } from "@/server/db/client";
import { authenticateApiToken, type ApiTokenIdentity } from "@/server/domain/api-tokens";
import { createDomainContext } from "@/server/domain/context";
import { buildMcpServer } from "./mcp-server";
import { consumeRateLimit, RateLimitedError } from "@/server/limits/rate-limit";

/**
 * The MCP Streamable HTTP endpoint as a Fetch handler (the Next route is a thin adapter over it, and tests
 * serve it directly). Stateless: every request checks its bearer token and gets a fresh server, so a token
 * revoked mid-session is refused on its very next request, and any app instance can answer any request.
 */

export interface McpHttpDeps {
  db: Database;
  /** Requests per minute per API token; absent or 0 means unlimited. */
  requestsPerMinute?: number;
  log?: { error(details: Record<string, unknown>, message: string): void };
  now?: () => Date;
}

const jsonRpcError = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });

/** The token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** Resolves the request's user, or the 401 to send (no tool runs without a live token). */
export async function authenticateMcpRequest(request: Request, deps: McpHttpDeps): Promise<ApiTokenIdentity | Response> {
  const token = bearerToken(request.headers.get("authorization"));
  const identity = token ? await authenticateApiToken(deps.db, token, deps.now?.() ?? new Date()) : null;
  if (identity) return identity;
  const challenge = token ? 'Bearer realm="cadence", error="invalid_token"' : 'Bearer realm="cadence"';
  const reason = token
    ? "the API token is invalid, expired or was revoked"
    : "send an API token as 'Authorization: Bearer <token>' (create one in Cadence under Settings → API tokens)";
  return jsonRpcError(401, -32001, `Unauthorized: ${reason}`, { "WWW-Authenticate": challenge });
}

export async function handleMcpRequest(request: Request, deps: McpHttpDeps): Promise<Response> {
  const identity = await authenticateMcpRequest(request, deps);
  if (identity instanceof Response) return identity;
  try {
    await consumeRateLimit(deps.db, { kind: "mcp", subject: identity.tokenId, limit: deps.requestsPerMinute ?? 0, now: deps.now?.() });
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return jsonRpcError(429, -32029, error.message, { "Retry-After": String(error.retryAfterSeconds) });
  }
  if (request.method !== "POST") {
    // Stateless server: no standalone SSE stream (GET) and no session to end (DELETE).
    return jsonRpcError(405, -32000, "Method not allowed: this MCP server is stateless; send requests with POST", { Allow: "POST" });
  }
  const ctx = createDomainContext({
    db: deps.db,
    userId: identity.userId,
    timeZone: identity.timeZone,
    source: "cadence/mcp",
    apiToken: identity.grant,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const server = buildMcpServer(ctx, {
    onInternalError: (error, toolName) => deps.log?.error({ err: error, tool: toolName, userId: identity.userId }, "MCP tool failed"),
  });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  try {
    await server.connect(transport);
    // With JSON responses the Response is complete when this resolves, so closing afterwards is safe.
    return await transport.handleRequest(request);
  } catch (error) {
    deps.log?.error({ err: error }, "MCP request failed");
    return jsonRpcError(500, -32603, "Internal error");
  } finally {
    await server.close().catch(() => undefined);
  }
}
