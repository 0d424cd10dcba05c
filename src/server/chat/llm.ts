// Optional LLM engine: OpenAI-compatible chat completions with tool calling over the registry's
// JSON Schemas, streamed. Destructive tools are never run here: they become a confirmation question
// that the deterministic follow-up answers, exactly as in the interpreter engine.
import OpenAI from "openai";
import type { ChatCompletionFunctionTool, ChatCompletionMessageFunctionToolCall, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { DomainContext } from "@/server/domain/context";
import type { Env } from "@/server/env";
import { executeTool, toolJsonSchemas } from "@/server/tools";
import { formatLocal } from "@/server/tools/present";
import type { ExecutedCall } from "./compose";
import { confirmPrompt } from "./compose";
import { DESTRUCTIVE_TOOLS, type ChatToolName, type JsonValue, type PlannedCall, type ToolArgs } from "./interpreter";
import { describeExecuted, withUndoFloor, type TurnResult } from "./turn";

export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
}

const DEFAULT_MODEL = "gpt-4o-mini";
const MAX_ROUNDS = 6;
const HISTORY_MESSAGES = 20;

export function llmConfigFrom(env: Pick<Env, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL">): LlmConfig | null {
  if (!env.OPENAI_API_KEY) return null;
  return { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL ?? DEFAULT_MODEL };
}

const tools: ChatCompletionFunctionTool[] = toolJsonSchemas().map((t) => ({
  type: "function",
  function: { name: t.name, description: t.description, parameters: t.inputSchema },
}));

function systemPrompt(ctx: DomainContext): string {
  return [
    "You are Cadence's task assistant. Use the tools to read and change the user's tasks, categories and tags.",
    `Now is ${formatLocal(ctx, ctx.now(), false)} in the user's time zone ${ctx.timeZone}; pass dates in that zone.`,
    "Find a task's id with search_tasks or list_tasks before acting on it. Answer in one or two short sentences.",
  ].join(" ");
}

/** Collects a streamed completion into its text and tool calls, passing text on as it arrives. */
async function streamRound(client: OpenAI, config: LlmConfig, messages: ChatCompletionMessageParam[], onToken?: (text: string) => void) {
  const stream = await client.chat.completions.create({ model: config.model, messages, tools, stream: true });
  let content = "";
  const calls: ChatCompletionMessageFunctionToolCall[] = [];
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    if (delta?.content) {
      content += delta.content;
      onToken?.(delta.content);
    }
    for (const part of delta?.tool_calls ?? []) {
      const call = (calls[part.index] ??= { id: "", type: "function", function: { name: "", arguments: "" } });
      if (part.id) call.id = part.id;
      if (part.function?.name) call.function.name += part.function.name;
      if (part.function?.arguments) call.function.arguments += part.function.arguments;
    }
  }
  return { content, calls: calls.filter(Boolean) };
}

function parseArgs(text: string): ToolArgs {
  const value: unknown = JSON.parse(text || "{}");
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("tool arguments are not an object");
  return value as { [key: string]: JsonValue };
}

/** Names of things seen in tool results this turn, so a confirmation can say what it deletes. */
function rememberNames(result: unknown, names: Map<string, string>): void {
  if (typeof result !== "object" || result === null) return;
  for (const value of Object.values(result)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === "object" && item !== null && "id" in item && typeof item.id === "string") {
        const name = "title" in item ? item.title : "name" in item ? item.name : undefined;
        if (typeof name === "string") names.set(item.id, name);
      }
    }
  }
}

export async function llmTurn(
  ctx: DomainContext,
  config: LlmConfig,
  history: { role: "user" | "assistant"; content: string }[],
  text: string,
  onToken?: (text: string) => void,
  undoFloor?: number,
): Promise<TurnResult> {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0, timeout: 30_000 });
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: systemPrompt(ctx) },
    ...history.slice(-HISTORY_MESSAGES),
    { role: "user", content: text },
  ];
  const executed: ExecutedCall[] = [];
  const names = new Map<string, string>();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const { content, calls } = await streamRound(client, config, messages, onToken);
    if (calls.length === 0) {
      const described = describeExecuted(executed);
      return { content: content.trim() || described.content, cards: described.cards, focus: described.focus, suggestions: [], pending: null, calls: executed };
    }
    const destructive = calls.filter((c) => DESTRUCTIVE_TOOLS.has(c.function.name as ChatToolName));
    if (destructive.length) {
      const planned: PlannedCall[] = destructive.map((c) => {
        const args = parseArgs(c.function.arguments);
        const id = Object.values(args).find((v): v is string => typeof v === "string");
        return { tool: c.function.name as ChatToolName, args, ...(id && names.has(id) ? { about: names.get(id) } : {}) };
      });
      const prompt = confirmPrompt(planned);
      return { content: prompt, cards: describeExecuted(executed).cards, suggestions: ["Yes", "No"], pending: { type: "confirm", prompt, calls: planned }, calls: executed };
    }
    messages.push({ role: "assistant", content: content || null, tool_calls: calls });
    for (const call of calls) {
      const args = withUndoFloor(call.function.name, parseArgs(call.function.arguments), undoFloor);
      const outcome = await executeTool(ctx, call.function.name, args);
      if (outcome.ok) rememberNames(outcome.result, names);
      executed.push({ tool: call.function.name, args, outcome });
      messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(outcome) });
    }
  }
  throw new Error(`the model did not answer within ${MAX_ROUNDS} tool rounds`);
}
