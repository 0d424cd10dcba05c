import { ZodError, type z } from "zod";
import { ConflictError, DomainError, LimitError, NotFoundError, ValidationError } from "@/server/domain/errors";
import { ToolArgumentError, ToolForbiddenError, type ToolDefinition, type ToolError } from "./types";

/**
 * The one place errors become tool errors. Every bad argument is named by the tool's own (snake_case)
 * argument, also when the domain layer refused it under its camelCase field name.
 */

/** Domain field → tool arguments that may carry it, most likely first. */
const FIELD_ARGUMENTS: Record<string, string[]> = {
  id: ["task_id", "category_id", "tag_id"],
  title: ["title"],
  description: ["description"],
  priority: ["priority"],
  dueAt: ["due_date"],
  allDay: ["due_date"],
  categoryId: ["category_id"],
  tagIds: ["tag_ids", "tag_id"],
  tagId: ["tag_id"],
  date: ["date"],
  to: ["to"],
  recurrenceRule: ["recurrence_rule"],
  reminders: ["remind_at", "remind_before_minutes"],
  name: ["name"],
  color: ["color"],
};
const ENTITY_ARGUMENTS: Record<NotFoundError["entity"], string[]> = {
  task: ["task_id"],
  category: ["category_id"],
  tag: ["tag_id", "tag_ids"],
  reminder: ["reminder_id", "task_id"],
  notification: [],
  device: [],
  apiToken: [],
  conversation: [],
  webhookEndpoint: [],
  webhookDelivery: [],
  activity: ["activity_id"],
};

type Args = Record<string, unknown>;

/** Picks the candidate the tool takes, preferring one the caller actually sent. */
function pickArgument(tool: ToolDefinition, rawArgs: Args, candidates: string[], fallback?: string): string | undefined {
  const taken = candidates.filter((c) => c in tool.inputSchema.shape);
  return taken.find((c) => rawArgs[c] !== undefined) ?? taken[0] ?? fallback;
}

const withArgument = (argument: string | undefined, message: string) => (argument ? `${argument}: ${message}` : message);

function formatPath(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join("");
}

/** Errors of the tool's own schema: paths are already argument names. */
export function argumentIssueError(tool: ToolDefinition, rawArgs: unknown, error: z.ZodError): ToolError {
  const issue = error.issues[0];
  if (!issue || typeof rawArgs !== "object" || rawArgs === null || Array.isArray(rawArgs)) {
    return { code: "invalid_argument", message: "arguments must be a JSON object" };
  }
  const args = rawArgs as Args;
  if (issue.code === "unrecognized_keys") {
    const [key] = issue.keys;
    const known = Object.keys(tool.inputSchema.shape);
    return {
      code: "invalid_argument",
      argument: key,
      message: `unknown argument "${key}"; ${tool.name} takes ${known.length ? known.join(", ") : "no arguments"}`,
    };
  }
  const argument = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
  const missing = argument !== undefined && issue.path.length === 1 && args[argument] === undefined;
  const message = missing ? "is required" : issue.message;
  return { code: "invalid_argument", argument, message: withArgument(formatPath(issue.path) || argument, message) };
}

export function toToolError(error: unknown, tool: ToolDefinition, rawArgs: unknown): ToolError {
  const args = (typeof rawArgs === "object" && rawArgs !== null ? rawArgs : {}) as Args;
  if (error instanceof ToolForbiddenError) {
    return { code: "forbidden", message: error.message, ...(error.missingScope ? { missing_scope: error.missingScope } : {}) };
  }
  if (error instanceof ToolArgumentError) {
    return { code: "invalid_argument", argument: error.argument, message: withArgument(error.argument, error.message) };
  }
  if (error instanceof ValidationError) {
    const argument = pickArgument(tool, args, FIELD_ARGUMENTS[error.field] ?? [], undefined);
    return { code: "invalid_argument", argument, message: withArgument(argument, `${error.reason}${error.example ? ` (e.g. ${error.example})` : ""}`) };
  }
  if (error instanceof ZodError) {
    // The domain re-validates with its own field names (e.g. dueAt): translate the first one.
    const issue = error.issues[0];
    const field = typeof issue?.path[0] === "string" ? issue.path[0] : "";
    const argument = pickArgument(tool, args, FIELD_ARGUMENTS[field] ?? [], undefined);
    return { code: "invalid_argument", argument, message: withArgument(argument, issue?.message ?? "invalid value") };
  }
  if (error instanceof NotFoundError) {
    const argument = pickArgument(tool, args, ENTITY_ARGUMENTS[error.entity]);
    const what = error.entity === "task" ? "no such task (it may have been deleted)" : `no such ${error.entity}`;
    return { code: "not_found", argument, message: withArgument(argument, `${what}${error.id ? `: ${error.id}` : ""}`) };
  }
  if (error instanceof ConflictError) return { code: "conflict", message: error.message };
  if (error instanceof LimitError) return { code: "limit", message: error.message };
  if (error instanceof DomainError) return { code: "invalid_argument", message: error.message };
  return { code: "internal", message: "the tool failed unexpectedly; try again later" };
}
