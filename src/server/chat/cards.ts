// Task cards: the compact view of a task the chat panel renders under an assistant message.
import type { ToolTask } from "@/server/tools";

export interface TaskCard {
  id: string;
  title: string;
  priority: ToolTask["priority"];
  /** ISO instant, or null when the task has no due date. */
  dueAt: string | null;
  allDay: boolean;
  completed: boolean;
  category: { id: string; name: string; color: string | null } | null;
  tags: { id: string; name: string; color: string | null }[];
  recurrence: string | null;
}

const MAX_CARDS = 10;

export function toCard(task: ToolTask): TaskCard {
  return {
    id: task.id,
    title: task.title,
    priority: task.priority,
    dueAt: task.due_date,
    allDay: task.all_day,
    completed: task.completed,
    category: task.category,
    tags: task.tags,
    recurrence: task.recurrence,
  };
}

function isToolTask(value: unknown): value is ToolTask {
  return typeof value === "object" && value !== null && "id" in value && "title" in value && "priority" in value;
}

/** Cards for every task in tool results (single `task` or a `tasks` page), deduplicated, at most ten. */
export function cardsFrom(results: unknown[]): TaskCard[] {
  const cards = new Map<string, TaskCard>();
  for (const result of results) {
    if (typeof result !== "object" || result === null) continue;
    const single = "task" in result ? result.task : undefined;
    const many = "tasks" in result && Array.isArray(result.tasks) ? (result.tasks as unknown[]) : [];
    for (const task of [single, ...many]) if (isToolTask(task)) cards.set(task.id, toCard(task));
  }
  return [...cards.values()].slice(0, MAX_CARDS);
}
