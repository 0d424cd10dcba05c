import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describeRecurrence } from "@/lib/recurrence";
import type { DomainContext } from "@/server/domain/context";
import type { Priority, TaskView } from "@/server/domain/tasks";

/** Compact JSON shapes the tools return: snake_case, ISO dates, nothing an LLM does not need. */

export interface ToolLabel {
  id: string;
  name: string;
  color: string | null;
}

export interface ToolReminder {
  id: string;
  remind_at: string;
  /** Set when the reminder follows the due date. */
  minutes_before: number | null;
  status: "pending" | "sent" | "failed" | "cancelled";
}

export interface ToolTask {
  id: string;
  title: string;
  description?: string;
  priority: Priority;
  /** ISO 8601 instant; for an all-day task, local midnight at the start of the day. */
  due_date: string | null;
  all_day: boolean;
  /** The due date as the user reads it, in their time zone. */
  due_local: string | null;
  completed: boolean;
  /** Present (true) only for a task in the trash. */
  deleted?: true;
  category: ToolLabel | null;
  tags: ToolLabel[];
  /** Human text of the repetition ("every weekday at 9:00"), or null. */
  recurrence: string | null;
  recurrence_rule: string | null;
  reminders: ToolReminder[];
}

export function formatLocal(ctx: DomainContext, at: Date, allDay: boolean): string {
  return format(new TZDate(at.getTime(), ctx.timeZone), allDay ? "EEE d MMM yyyy" : "EEE d MMM yyyy, HH:mm");
}

function recurrenceText(ctx: DomainContext, task: TaskView): string | null {
  if (!task.recurrenceRule) return null;
  try {
    return describeRecurrence(task.recurrenceRule, { start: task.dueAt ?? undefined, timeZone: ctx.timeZone });
  } catch {
    return task.recurrenceRule; // a stored rule the describer cannot phrase is still worth showing
  }
}

export function toToolTask(ctx: DomainContext, task: TaskView): ToolTask {
  return {
    id: task.id,
    title: task.title,
    ...(task.description ? { description: task.description } : {}),
    priority: task.priority,
    due_date: task.dueAt?.toISOString() ?? null,
    all_day: task.allDay,
    due_local: task.dueAt ? formatLocal(ctx, task.dueAt, task.allDay) : null,
    completed: task.completed,
    ...(task.deletedAt ? { deleted: true as const } : {}),
    category: task.category,
    tags: task.tags,
    recurrence: recurrenceText(ctx, task),
    recurrence_rule: task.recurrenceRule,
    reminders: task.reminders.map((r) => ({
      id: r.id,
      remind_at: r.remindAt.toISOString(),
      minutes_before: r.minutesBefore,
      status: r.status,
    })),
  };
}

/** `"Buy milk" (due Tue 24 Nov 2026, 17:00, high)`: the one-line form summaries use. */
export function taskLine(task: ToolTask): string {
  const details = [
    task.due_local ? `due ${task.due_local}` : null,
    task.priority !== "medium" ? task.priority : null,
    task.recurrence,
    task.completed ? "done" : null,
  ].filter(Boolean);
  return `"${task.title}"${details.length ? ` (${details.join(", ")})` : ""}`;
}

const LISTED_IN_SUMMARY = 5;

export interface Noun {
  one: string;
  many: string;
}
/** "open task" → { one: "open task", many: "open tasks" }; `rest` follows the noun ("tasks matching …"). */
export const taskNoun = (adjective: string, rest = ""): Noun => ({
  one: `${adjective ? `${adjective} ` : ""}task${rest}`,
  many: `${adjective ? `${adjective} ` : ""}tasks${rest}`,
});

/** "3 overdue tasks: "A" (…); "B"; "C"." — at most five listed, the rest counted. */
export function listSummary(tasks: ToolTask[], total: number, noun: Noun, capped = false): string {
  if (total === 0) return `No ${noun.many}.`;
  const shown = tasks.slice(0, LISTED_IN_SUMMARY).map(taskLine).join("; ");
  const rest = total - Math.min(tasks.length, LISTED_IN_SUMMARY);
  const count = capped ? `${total}+` : `${total}`;
  return `${count} ${total === 1 && !capped ? noun.one : noun.many}: ${shown}${rest > 0 ? `; and ${rest}${capped ? "+" : ""} more` : ""}.`;
}

export const labelText = (label: { name: string; color: string | null }) => `"${label.name}"${label.color ? ` (${label.color})` : ""}`;

/** What a task carries beyond its one-line form: "in "Work", tagged #a, #b, reminder at Thu 12 Mar 2026, 10:00". */
export function taskExtras(ctx: DomainContext, task: ToolTask): string[] {
  const parts: string[] = [];
  if (task.category) parts.push(`in "${task.category.name}"`);
  if (task.tags.length) parts.push(`tagged ${task.tags.map((t) => `#${t.name}`).join(", ")}`);
  const reminders = task.reminders.filter((r) => r.status === "pending");
  if (reminders.length) parts.push(`${reminders.length === 1 ? "reminder" : "reminders"} at ${reminders.map((r) => formatLocal(ctx, new Date(r.remind_at), false)).join(" and ")}`);
  return parts;
}

/** Every field that differs between two versions of a task, in words ("renamed from "A"", "due Fri 13 Mar 2026"). */
export function taskChanges(ctx: DomainContext, before: ToolTask, after: ToolTask): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`renamed from "${before.title}"`);
  if (before.due_date !== after.due_date || before.all_day !== after.all_day) changes.push(after.due_local ? `due ${after.due_local}` : "no due date now");
  if (before.priority !== after.priority) changes.push(`priority ${after.priority}`);
  if (before.category?.id !== after.category?.id) changes.push(after.category ? `moved to "${after.category.name}"` : "no category now");
  const tags = (t: ToolTask) => t.tags.map((x) => x.name).sort().join(",");
  if (tags(before) !== tags(after)) changes.push(after.tags.length ? `tags ${after.tags.map((t) => `#${t.name}`).join(", ")}` : "no tags now");
  if (before.recurrence_rule !== after.recurrence_rule) changes.push(after.recurrence ? `repeats ${after.recurrence}` : "no longer repeats");
  if ((before.description ?? "") !== (after.description ?? "")) changes.push(after.description ? "notes updated" : "notes cleared");
  const reminders = (t: ToolTask) => t.reminders.filter((r) => r.status === "pending").map((r) => r.remind_at).sort().join(",");
  if (reminders(before) !== reminders(after) && changes.some((c) => c.startsWith("due"))) {
    const extras = taskExtras(ctx, after).filter((p) => p.startsWith("reminder"));
    changes.push(...extras.map((p) => `${p} now`));
  }
  return changes;
}
