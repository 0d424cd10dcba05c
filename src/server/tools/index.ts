/**
 * The tool registry: the MCP server and the chat assistant call the domain through these tools only.
 * Import `buildMcpServer` / `handleMcpRequest` from their own modules (they pull in the MCP SDK).
 */
export {
  TOOLS,
  TOOL_NAMES,
  executeTool,
  getTool,
  isToolName,
  toolJsonSchemas,
  type ExecuteOptions,
  type ToolArgs,
  type ToolInput,
  type ToolJsonSchema,
  type ToolName,
  type ToolResultOf,
} from "./registry";
export { TOOL_ERROR_CODES, ToolArgumentError, type ToolDefinition, type ToolError, type ToolErrorCode, type ToolOutcome, type ToolResultBase } from "./types";
export { toToolTask, type ToolLabel, type ToolReminder, type ToolTask } from "./present";
export type { TaskResult } from "./task-tools";
export type { OccurrenceResult } from "./occurrence-tools";
export type { TaskListToolResult } from "./query-tools";
export type { ToolLabelWithCount } from "./taxonomy-tools";
export { resolveDate, resolveRecurrence, type ResolvedDate, type ResolvedRecurrence } from "./args";
