import type { z } from "zod";
import type { ApiTokenScope } from "@/lib/api-token-scopes";
import type { DomainContext } from "@/server/domain/context";

/** Every tool result is a JSON object with a one-line human summary beside its structured data. */
export interface ToolResultBase {
  summary: string;
}

/**
 * One tool of the registry, shared by the MCP server and the chat assistant.
 * `run` receives arguments already parsed by `inputSchema`; it may throw domain errors or
 * `ToolArgumentError`, which `executeTool` turns into structured errors.
 */
export interface ToolDefinition<S extends z.ZodObject = z.ZodObject, R extends ToolResultBase = ToolResultBase, N extends string = string> {
  name: N;
  /** Written for an LLM choosing a tool: what it does, and for writes how dry_run and confirmation work. */
  description: string;
  inputSchema: S;
  /** The API token scope the tool needs. Every "write" and "delete" tool takes `dry_run` and `confirmation_token`. */
  scope: ApiTokenScope;
  /** Deletes something: an API token must confirm a preview first, whatever the size. */
  destructive?: true;
  /** Documented calls (shown to MCP clients as the schema's `examples`; a test checks each validates). */
  examples: readonly z.input<S>[];
  /** Method syntax on purpose: lets a specific tool stand in a list of `ToolDefinition`. */
  run(ctx: DomainContext, args: z.output<S>): Promise<R>;
}

export const TOOL_ERROR_CODES = ["invalid_argument", "not_found", "conflict", "limit", "forbidden", "unknown_tool", "internal"] as const;
export type ToolErrorCode = (typeof TOOL_ERROR_CODES)[number];

export interface ToolError {
  code: ToolErrorCode;
  /** The (snake_case) argument at fault, when one is. */
  argument?: string;
  /** Written for the caller (person or LLM): what was wrong and how to fix it. */
  message: string;
  /** For "forbidden" by scope: the scope the API token lacks. */
  missing_scope?: ApiTokenScope;
}

export type ToolOutcome<R extends ToolResultBase = ToolResultBase> = { ok: true; result: R } | { ok: false; error: ToolError };

/** Thrown by tools when an argument parsed but cannot be used (e.g. a date phrase nobody understands). */
export class ToolArgumentError extends Error {
  constructor(
    readonly argument: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = "ToolArgumentError";
  }
}

/** The API token may not do this: a missing scope, or a task outside the categories it is limited to. */
export class ToolForbiddenError extends Error {
  constructor(
    message: string,
    readonly missingScope?: ApiTokenScope,
  ) {
    super(message);
    this.name = "ToolForbiddenError";
  }
}

/** Helper that keeps each tool's own argument and result types while checking its shape. */
export function defineTool<S extends z.ZodObject, R extends ToolResultBase, const N extends string>(tool: ToolDefinition<S, R, N>): ToolDefinition<S, R, N> {
  return tool;
}
