import { z } from "zod";
import type { DomainContext } from "@/server/domain/context";
import { deleteTasksTool, updateTasksTool } from "./bulk-tools";
import { argumentIssueError, toToolError } from "./errors";
import { rescheduleOccurrenceTool, skipOccurrenceTool } from "./occurrence-tools";
import { snoozeReminderTool } from "./reminder-tools";
import { undoChangeTool } from "./undo-tools";
import { needsGuardedRun, runGuardedWrite, type ControlArgs } from "./guarded-write";
import { getOverdueTasks, getUpcomingTasks, listTasksTool, searchTasks } from "./query-tools";
import { addTask, completeTaskTool, deleteTaskTool, reopenTaskTool, setReminder, updateTaskTool } from "./task-tools";
import {
  addCategory,
  addTag,
  addTagToTask,
  deleteCategoryTool,
  deleteTagTool,
  listCategoriesTool,
  listTagsTool,
  removeTagFromTask,
  renameCategory,
  renameTag,
} from "./taxonomy-tools";
import { ToolForbiddenError, type ToolDefinition, type ToolOutcome, type ToolResultBase } from "./types";

/** The tools, in the order an LLM or an MCP client sees them. */
export const TOOLS = [
  addTask,
  listTasksTool,
  completeTaskTool,
  reopenTaskTool,
  deleteTaskTool,
  updateTaskTool,
  updateTasksTool,
  deleteTasksTool,
  searchTasks,
  addCategory,
  listCategoriesTool,
  renameCategory,
  deleteCategoryTool,
  addTag,
  listTagsTool,
  renameTag,
  deleteTagTool,
  addTagToTask,
  removeTagFromTask,
  setReminder,
  snoozeReminderTool,
  getOverdueTasks,
  getUpcomingTasks,
  skipOccurrenceTool,
  rescheduleOccurrenceTool,
  undoChangeTool,
] as const;

type AnyTool = (typeof TOOLS)[number];
export type ToolName = AnyTool["name"];
/** The parsed arguments a tool's `run` receives. */
export type ToolArgs<N extends ToolName> = z.output<Extract<AnyTool, { name: N }>["inputSchema"]>;
/** What a tool's arguments may look like before defaults apply (what a caller sends). */
export type ToolInput<N extends ToolName> = z.input<Extract<AnyTool, { name: N }>["inputSchema"]>;
export type ToolResultOf<N extends ToolName> = Awaited<ReturnType<Extract<AnyTool, { name: N }>["run"]>>;

const byName = new Map<string, ToolDefinition>(TOOLS.map((tool) => [tool.name, tool]));
export const TOOL_NAMES = TOOLS.map((tool) => tool.name) as ToolName[];

export function getTool(name: string): ToolDefinition | undefined {
  return byName.get(name);
}

export const isToolName = (name: string): name is ToolName => byName.has(name);

export interface ExecuteOptions {
  /** Told about unexpected failures (the caller only sees a generic "internal" error). */
  onInternalError?: (error: unknown, toolName: string) => void;
}

/**
 * Runs a tool by name with untrusted arguments (from an LLM, an MCP client or the chat parser).
 * Never throws: every failure is a structured error naming the argument at fault where there is one.
 */
export async function executeTool<N extends ToolName>(ctx: DomainContext, name: N, rawArgs: unknown, options?: ExecuteOptions): Promise<ToolOutcome<ToolResultOf<N>>>;
export async function executeTool(ctx: DomainContext, name: string, rawArgs: unknown, options?: ExecuteOptions): Promise<ToolOutcome>;
export async function executeTool(ctx: DomainContext, name: string, rawArgs: unknown, options: ExecuteOptions = {}): Promise<ToolOutcome> {
  const tool = byName.get(name);
  if (!tool) {
    return { ok: false, error: { code: "unknown_tool", message: `no tool named "${name}"; available: ${TOOL_NAMES.join(", ")}` } };
  }
  const args = withoutMeaninglessNulls(tool, rawArgs ?? {}); // no arguments at all means "{}"
  const parsed = tool.inputSchema.safeParse(args);
  if (!parsed.success) return { ok: false, error: argumentIssueError(tool, args, parsed.error) };
  try {
    assertScope(ctx, tool);
    const data = parsed.data as Record<string, unknown> & ControlArgs;
    const result: ToolResultBase =
      tool.scope !== "read" && needsGuardedRun(ctx, data) ? await runGuardedWrite(ctx, tool, data) : await tool.run(ctx, parsed.data);
    return { ok: true, result };
  } catch (error) {
    const toolError = toToolError(error, tool, rawArgs);
    if (toolError.code === "internal") options.onInternalError?.(error, name);
    return { ok: false, error: toolError };
  }
}

/** An API token needs the tool's scope; the app's own callers (chat assistant) act as the signed-in user. */
function assertScope(ctx: DomainContext, tool: ToolDefinition) {
  const token = ctx.apiToken;
  if (!token || token.scopes.includes(tool.scope)) return;
  throw new ToolForbiddenError(
    `this API token lacks the "${tool.scope}" scope, which ${tool.name} needs (it has: ${token.scopes.join(", ") || "none"}). ` +
      `Create a token with the "${tool.scope}" scope in Cadence under Settings → API tokens.`,
    tool.scope,
  );
}

/**
 * LLM function-calling (e.g. OpenAI's strict mode) sends every argument, null for "not given". Where an
 * argument cannot be null, null is read as absent; where it can (update_task's due_date), null still clears.
 */
function withoutMeaninglessNulls(tool: ToolDefinition, rawArgs: unknown): unknown {
  if (typeof rawArgs !== "object" || rawArgs === null || Array.isArray(rawArgs)) return rawArgs;
  const shape = tool.inputSchema.shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(rawArgs).filter(([key, value]) => value !== null || !(key in shape) || shape[key]!.safeParse(null).success),
  );
}

export interface ToolJsonSchema {
  name: ToolName;
  description: string;
  /** JSON Schema (draft 2020-12) of the arguments, as a caller sends them; `examples` holds documented calls. */
  inputSchema: { type: "object" } & Record<string, unknown>;
}

/** JSON Schemas of every tool, for an LLM's function-calling API and for MCP's tools/list. */
export function toolJsonSchemas(): ToolJsonSchema[] {
  return TOOLS.map((tool) => {
    const { $schema: _drop, ...schema } = z.toJSONSchema(tool.inputSchema, { io: "input", unrepresentable: "any" });
    return { name: tool.name, description: tool.description, inputSchema: { ...schema, type: "object", examples: [...tool.examples] } };
  });
}
