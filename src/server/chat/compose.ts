// Short sentences for the assistant's replies, built from the tools' own summaries.
import type { ToolOutcome } from "@/server/tools";
import type { PlannedCall, TaskChoice } from "./interpreter";

export interface ExecutedCall {
  tool: string;
  args: PlannedCall["args"];
  outcome: ToolOutcome;
}

const LIST_TOOLS = new Set(["list_tasks", "search_tasks", "get_overdue_tasks", "get_upcoming_tasks"]);

function sentence(call: ExecutedCall): string {
  if (!call.outcome.ok) return `Sorry, that didn't work: ${call.outcome.error.message}`;
  const { summary } = call.outcome.result;
  // Task lists are shown as cards; the sentence only says how many.
  if (LIST_TOOLS.has(call.tool) && summary.includes(":")) return `Found ${summary.slice(0, summary.indexOf(":"))}.`;
  return summary;
}

export function replyFor(executed: ExecutedCall[]): string {
  const ok = executed.filter((c) => c.outcome.ok);
  if (executed.length > 1 && ok.length === executed.length && executed.every((c) => c.tool === "delete_task")) {
    return `Deleted ${executed.length} tasks; they can be restored from the trash.`;
  }
  return executed.map(sentence).join(" ");
}

export function confirmPrompt(calls: PlannedCall[]): string {
  const tasks = calls.filter((c) => c.tool === "delete_task").map((c) => `"${c.about ?? "this task"}"`);
  const parts: string[] = [];
  if (tasks.length === 1) parts.push(`Delete the task ${tasks[0]}?`);
  else if (tasks.length > 1) parts.push(`Delete ${tasks.length} tasks: ${tasks.slice(0, 5).join(", ")}${tasks.length > 5 ? ` and ${tasks.length - 5} more` : ""}?`);
  for (const c of calls) {
    if (c.tool === "delete_category") parts.push(`Delete the category "${c.about ?? "?"}"? Its tasks stay, without a category.`);
    if (c.tool === "delete_tag") parts.push(`Delete the tag "${c.about ?? "?"}"? It will be taken off its tasks.`);
    if (c.tool === "delete_tasks") {
      const count = Array.isArray(c.args.task_ids) ? c.args.task_ids.length : 0;
      parts.push(`Delete ${count} task${count === 1 ? "" : "s"} at once?`);
    }
  }
  return `${parts.join(" ")} Reply yes or no.`;
}

export function choiceQuestion(phrase: string, options: TaskChoice[]): string {
  const list = options.map((o, i) => `${i + 1}. ${o.title}`).join("\n");
  return `I found ${options.length} tasks matching "${phrase}". Which one?\n${list}`;
}
