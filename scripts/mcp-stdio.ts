// `npm run mcp -- --token <token> [--url http://localhost:3000]`: Cadence's MCP server over stdio, for desktop
// MCP clients that launch a command (Claude Desktop, Cursor, …). stdout carries the protocol; logs go to stderr.
//
// Two modes, chosen so the script never opens the embedded PGlite data directory (PGlite cannot share a data
// directory between two processes; a second opener would corrupt it):
//   - proxy (default, and always with --url): bridges stdio to the running app's HTTP endpoint <url>/api/mcp.
//     Works in every deployment; the app must be running. Without --url: http://localhost:$PORT.
//   - direct (only when DATABASE_URL is set and --url is not): talks to PostgreSQL itself, like the app does.
// The token may also come from CADENCE_API_TOKEN (keeps it out of the process list). Either way the token is
// checked before every tool call, so revoking it in the app cuts a running session off.
import { parseArgs } from "node:util";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { ErrorCode, McpError, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { openDatabase } from "../src/server/db/client";
import { authenticateApiToken } from "../src/server/domain/api-tokens";
import { createDomainContext } from "../src/server/domain/context";
import { parseEnv } from "../src/server/env";
import { buildMcpServer } from "../src/server/tools/mcp-server";

const USAGE = `Usage: npm run mcp -- --token <cad_…> [--url <http://localhost:3000>]
  --token  an API token from Cadence (Settings → API tokens); or set CADENCE_API_TOKEN
  --url    the running Cadence app to forward to (default http://localhost:$PORT);
           without --url and with DATABASE_URL set, the script talks to PostgreSQL directly`;

const fail = (message: string): never => {
  process.stderr.write(`cadence-mcp: ${message}\n`);
  process.exit(1);
};

const { values } = parseArgs({
  options: { token: { type: "string" }, url: { type: "string" }, help: { type: "boolean", short: "h" } },
  strict: true,
});
if (values.help) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(0);
}
const token = values.token ?? process.env.CADENCE_API_TOKEN;
if (!token) fail(`an API token is required.\n${USAGE}`);
const env = parseEnv();

if (!values.url && env.DATABASE_URL) await runDirect(env.DATABASE_URL, token!);
else await runProxy(new URL("/api/mcp", values.url ?? `http://localhost:${env.PORT}`), token!);

async function runDirect(databaseUrl: string, apiToken: string) {
  const handle = await openDatabase({ driver: "postgres", url: databaseUrl, maxConnections: 2 });
  const resolve = async () => {
    const identity = await authenticateApiToken(handle.db, apiToken);
    if (!identity) throw new McpError(ErrorCode.InvalidRequest, "Unauthorized: the API token is invalid, expired or was revoked");
    return createDomainContext({ db: handle.db, userId: identity.userId, timeZone: identity.timeZone, source: "cadence/mcp-stdio", apiToken: identity.grant });
  };
  await resolve().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  const server = buildMcpServer(resolve, { onInternalError: (error, tool) => process.stderr.write(`cadence-mcp: ${tool} failed: ${String(error)}\n`) });
  server.onclose = () => void handle.close().finally(() => process.exit(0));
  await server.connect(new StdioServerTransport());
}

async function runProxy(endpoint: URL, apiToken: string) {
  const headers = { Authorization: `Bearer ${apiToken}` };
  // Fail fast with a clear message: the stateless endpoint answers GET with 405 once the token is accepted.
  const probe = await fetch(endpoint, { method: "GET", headers: { ...headers, Accept: "text/event-stream" } }).catch(() =>
    fail(`Cadence is not reachable at ${endpoint.origin}. Start the app (npm start) or pass --url <address of the app>.`),
  );
  if (probe.status === 401) fail("the API token is invalid, expired or was revoked.");
  if (probe.status === 404) fail(`${endpoint.href} is not a Cadence MCP endpoint (404).`);

  const upstream = new StreamableHTTPClientTransport(endpoint, { requestInit: { headers } });
  const local = new StdioServerTransport();
  local.onmessage = (message: JSONRPCMessage) => {
    upstream.send(message).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`cadence-mcp: forwarding failed: ${reason}\n`);
      // A request must get an answer, or the desktop client waits forever.
      if ("method" in message && "id" in message) {
        void local.send({ jsonrpc: "2.0", id: message.id, error: { code: ErrorCode.InternalError, message: `Cadence at ${endpoint.origin}: ${reason}` } });
      }
    });
  };
  upstream.onmessage = (message) => void local.send(message);
  upstream.onerror = (error) => process.stderr.write(`cadence-mcp: ${error.message}\n`);
  local.onclose = () => void upstream.close().finally(() => process.exit(0));
  await upstream.start();
  await local.start();
}
