// One turn of the deterministic engine: interpret, resolve names, confirm or execute, describe.
import type { DomainContext } from "@/server/domain/context";
import { executeTool } from "@/server/tools";
import { cardsFrom, type TaskCard } from "./cards";
import { choiceQuestion, confirmPrompt, replyFor, type ExecutedCall } from "./compose";
import { DESTRUCTIVE_TOOLS, interpret, type Pending, type PlannedCall } from "./interpreter";
import { resolveCalls } from "./resolve";

export interface TurnResult {
  content: string;
  cards: TaskCard[];
  suggestions: string[];
  /** The question now waiting for an answer, or null. */
  pending: Pending | null;
  calls: ExecutedCall[];
}

const say = (content: string, pending: Pending | null = null, suggestions: string[] = []): TurnResult => ({
  content,
  cards: [],
  suggestions,
  pending,
  calls: [],
});

/** Runs calls one after another; a failed call is reported, later calls still run. */
export async function executeCalls(ctx: DomainContext, calls: PlannedCall[]): Promise<ExecutedCall[]> {
  const executed: ExecutedCall[] = [];
  for (const call of calls) executed.push({ tool: call.tool, args: call.args, outcome: await executeTool(ctx, call.tool, call.args) });
  return executed;
}

export function describeExecuted(executed: ExecutedCall[]): Pick<TurnResult, "content" | "cards"> {
  return { content: replyFor(executed), cards: cardsFrom(executed.flatMap((c) => (c.outcome.ok ? [c.outcome.result] : []))) };
}

export async function interpreterTurn(ctx: DomainContext, text: string, pending: Pending | null): Promise<TurnResult> {
  const interpretation = interpret(text, { now: ctx.now(), timeZone: ctx.timeZone, pending });
  if (interpretation.kind === "reply") return say(interpretation.text);
  if (interpretation.kind === "clarify") return say(interpretation.question, pending?.type === "choose" ? pending : null);

  // Belt and braces: destructive calls run only as the answer "yes" to a confirmation.
  const confirmed = interpretation.kind === "calls" && pending?.type === "confirm";
  const needsConfirm = interpretation.kind === "confirm" || (!confirmed && interpretation.calls.some((c) => DESTRUCTIVE_TOOLS.has(c.tool)));

  const resolution = await resolveCalls(ctx, interpretation.calls);
  if (resolution.status === "missing") return say(resolution.message);
  if (resolution.status === "choose") {
    const question = choiceQuestion(resolution.phrase, resolution.options);
    const next: Pending = { type: "choose", question, options: resolution.options, call: resolution.call, destructive: needsConfirm };
    return say(question, next, resolution.options.map((_, i) => String(i + 1)));
  }
  if (needsConfirm) {
    const prompt = confirmPrompt(resolution.calls);
    return say(prompt, { type: "confirm", prompt, calls: resolution.calls }, ["Yes", "No"]);
  }
  const executed = await executeCalls(ctx, resolution.calls);
  return { ...describeExecuted(executed), suggestions: [], pending: null, calls: executed };
}
