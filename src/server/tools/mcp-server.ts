import { randomUUID } from "node:crypto";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { DomainContext } from "@/server/domain/context";
import { executeTool, isToolName, toolJsonSchemas, TOOL_NAMES, type ExecuteOptions } from "./registry";

/**
 * The MCP server over the tool registry, shared by the HTTP route (one per request) and the stdio script.
 *
 * It uses the SDK's low-level `Server` rather than `McpServer.registerTool` on purpose: McpServer validates
 * arguments itself and answers a bad one with plain text, while the registry's `executeTool` names the
 * argument and the reason in a structured error, exactly as the chat assistant gets it.
 */

const SERVER_INFO = { name: "cadence", version: "1.0.0" };
const INSTRUCTIONS =
  "Cadence task manager of one user. Dates accept ISO 8601 or natural language in the user's time zone. " +
  "Find ids with list_tasks, search_tasks, list_categories and list_tags before changing things.";

/** Computed once: the schemas never change while the process runs. */
let listedTools: ReturnType<typeof toolJsonSchemas> | undefined;

export function toCallToolResult(outcome: Awaited<ReturnType<typeof executeTool>>): CallToolResult {
  if (outcome.ok) {
    return { content: [{ type: "text", text: outcome.result.summary }], structuredContent: { ...outcome.result } };
  }
  return { isError: true, content: [{ type: "text", text: outcome.error.message }], structuredContent: { error: { ...outcome.error } } };
}

/**
 * `context` is the authenticated user's: a fixed context (one HTTP request), or a function called before
 * every tool call (a long-lived stdio session re-checks its token there and throws to refuse).
 * Each call gets its own correlation id.
 */
export function buildMcpServer(context: DomainContext | (() => Promise<DomainContext>), options: ExecuteOptions = {}): Server {
  const server = new Server(SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  listedTools ??= toolJsonSchemas();
  const tools = listedTools;
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: rawArgs } = request.params;
    // The spec makes an unknown tool a protocol error, not a tool result.
    if (!isToolName(name)) throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${name}"; available: ${TOOL_NAMES.join(", ")}`);
    const ctx = typeof context === "function" ? await context() : context;
    const outcome = await executeTool({ ...ctx, correlationId: randomUUID() }, name, rawArgs ?? {}, options);
    return toCallToolResult(outcome);
  });
  return server;
}
