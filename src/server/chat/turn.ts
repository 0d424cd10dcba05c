// One turn of the deterministic engine: interpret, resolve names, confirm or execute, describe.
import type { DomainContext } from "@/server/domain/context";
import { executeTool } from "@/server/tools";
import { cardsFrom, type TaskCard } from "./cards";
import { choiceQuestion, confirmPrompt, replyFor, type ExecutedCall } from "./compose";
import { DESTRUCTIVE_TOOLS, interpret, type Interpretation, type Pending, type PlannedCall, type TaskChoice, type ToolArgs } from "./interpreter";
import { resolveCalls, type Resolution } from "./resolve";
import type { ConversationMemory } from "./store";

export interface TurnResult {
  content: string;
  cards: TaskCard[];
  suggestions: string[];
  /** The question now waiting for an answer, or null. */
  pending: Pending | null;
  calls: ExecutedCall[];
  /** What "it" will mean next turn; undefined leaves the previous focus in place. */
  focus?: TaskChoice | null;
}

const say = (content: string, pending: Pending | null = null, suggestions: string[] = []): TurnResult => ({
  content,
  cards: [],
  suggestions,
  pending,
  calls: [],
});

/** "Undo" in a conversation takes back only what the conversation did (whichever engine planned it). */
export function withUndoFloor(tool: string, args: ToolArgs, undoFloor: number | undefined): ToolArgs {
  return tool === "undo_change" && undoFloor !== undefined && args.activity_id === undefined ? { ...args, after_activity_id: undoFloor } : args;
}

/** Runs calls one after another; a failed call is reported, later calls still run. */
export async function executeCalls(ctx: DomainContext, calls: PlannedCall[], undoFloor?: number): Promise<ExecutedCall[]> {
  const executed: ExecutedCall[] = [];
  for (const call of calls) {
    const args = withUndoFloor(call.tool, call.args, undoFloor);
    const outcome = await executeTool(ctx, call.tool, args);
    executed.push({ tool: call.tool, args, outcome });
  }
  return executed;
}

const NOTHING_TO_UNDO = "There is nothing left to undo from this conversation.";
const foundNothingToUndo = (executed: ExecutedCall[]) =>
  executed.length === 1 && executed[0]!.tool === "undo_change" && executed[0]!.args.after_activity_id !== undefined && !executed[0]!.outcome.ok && /left to undo/.test(executed[0]!.outcome.error.message);

/** The task a turn was about: the last one a call acted on, or the only one a question found. */
function focusOf(executed: ExecutedCall[]): TaskChoice | null | undefined {
  let focus: TaskChoice | null | undefined;
  for (const call of executed) {
    if (!call.outcome.ok) continue;
    const result: object = call.outcome.result;
    if ("task" in result && typeof result.task === "object" && result.task !== null && "id" in result.task && "title" in result.task) {
      focus = { id: String(result.task.id), title: String(result.task.title) };
    } else if ("reminder" in result && typeof result.reminder === "object" && result.reminder !== null && "task_id" in result.reminder && "task_title" in result.reminder) {
      // A snoozed reminder keeps its task in focus ("snooze it again for an hour").
      focus = { id: String(result.reminder.task_id), title: String(result.reminder.task_title) };
    } else if ("tasks" in result && Array.isArray(result.tasks)) {
      const [only, ...more] = result.tasks as { id: string; title: string }[];
      focus = only && more.length === 0 ? { id: only.id, title: only.title } : null;
    }
  }
  return focus;
}

export function describeExecuted(executed: ExecutedCall[]): Pick<TurnResult, "content" | "cards" | "focus"> {
  return {
    content: replyFor(executed),
    cards: cardsFrom(executed.flatMap((c) => (c.outcome.ok ? [c.outcome.result] : []))),
    focus: focusOf(executed),
  };
}

/** The first reading whose names all fit the user's data; otherwise the first reading as it resolves. */
async function resolveReadings(ctx: DomainContext, interpretation: Extract<Interpretation, { calls: PlannedCall[] }>): Promise<Resolution> {
  const readings = [interpretation.calls, ...(interpretation.alternatives ?? [])];
  if (readings.length > 1) {
    for (const calls of readings) {
      const strict = await resolveCalls(ctx, calls, true);
      if (strict.status === "ready") return strict;
    }
  }
  return resolveCalls(ctx, interpretation.calls);
}

export async function interpreterTurn(
  ctx: DomainContext,
  text: string,
  pending: Pending | null,
  memory: Partial<Pick<ConversationMemory, "focus" | "listed" | "lastChange">> = {},
  undoFloor?: number,
): Promise<TurnResult> {
  const interpretation = interpret(text, { now: ctx.now(), timeZone: ctx.timeZone, pending, focus: memory.focus ?? null, listed: memory.listed ?? null, lastChange: memory.lastChange ?? null });
  if (interpretation.kind === "reply") return say(interpretation.text);
  if (interpretation.kind === "clarify") return say(interpretation.question, pending?.type === "choose" ? pending : null);

  // Belt and braces: destructive calls run only as the answer "yes" to a confirmation.
  const confirmed = interpretation.kind === "calls" && pending?.type === "confirm";
  const needsConfirm = interpretation.kind === "confirm" || (!confirmed && interpretation.calls.some((c) => DESTRUCTIVE_TOOLS.has(c.tool)));

  const resolution = await resolveReadings(ctx, interpretation);
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
  const executed = await executeCalls(ctx, resolution.calls, undoFloor);
  const described = describeExecuted(executed);
  if (foundNothingToUndo(executed)) described.content = NOTHING_TO_UNDO;
  return { ...described, suggestions: [], pending: null, calls: executed };
}
