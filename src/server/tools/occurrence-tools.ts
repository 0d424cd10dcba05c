import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { parsePeriod } from "@/lib/quick-add";
import type { DomainContext } from "@/server/domain/context";
import { listOccurrences, rescheduleOccurrence, skipOccurrence } from "@/server/domain/occurrences";
import { getTask, type TaskView } from "@/server/domain/tasks";
import { args, EXAMPLE_IDS, nearerHalfOfDay, resolveDate, WRITE_NOTE, writeControls } from "./args";
import { formatLocal, taskLine, toToolTask, type ToolTask } from "./present";
import { defineTool, ToolArgumentError } from "./types";

/** Tools for one occurrence of a repeating task; the rule itself stays as it is. */

export interface OccurrenceResult {
  summary: string;
  task: ToolTask;
  /** The next few occurrences after the change, skipped and moved ones marked. */
  upcoming: { date: string; due: string; status: "scheduled" | "skipped" | "moved" }[];
}

const occurrenceDate = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .describe("Which occurrence, by its date: ISO 8601 (2026-12-07), words in the user's time zone ('next monday'), a week or month ('next week', 'april': its first occurrence then), or 'next' for the open one");

/** The occurrence's date; "next" is the open occurrence, the task's own due date; a week or month ("next month") its first occurrence then. */
async function occurrenceAt(ctx: DomainContext, taskId: string, text: string): Promise<Date> {
  const period = parsePeriod(text, { now: ctx.now(), timeZone: ctx.timeZone });
  if (period) {
    const { items } = await listOccurrences(ctx, { id: taskId, count: 20 });
    const found = items.find((item) => item.status !== "skipped" && item.date >= period.from && item.date < period.to);
    if (!found) throw new ToolArgumentError("date", `no occurrence of this series falls in ${text}`);
    return found.date;
  }
  if (!/^next$/i.test(text)) return resolveDate(ctx, text, "date").at;
  const task = await getTask(ctx, taskId);
  if (!task.dueAt) throw new ToolArgumentError("date", "the task has no due date, so it has no next occurrence");
  return task.dueAt;
}

async function result(ctx: DomainContext, view: TaskView, summary: (line: string) => string): Promise<OccurrenceResult> {
  const task = toToolTask(ctx, view);
  const { items } = await listOccurrences(ctx, { id: view.id, count: 5 });
  const upcoming = items.map((item) => ({
    date: formatLocal(ctx, item.date, view.allDay),
    due: formatLocal(ctx, item.dueAt, view.allDay),
    status: item.status,
  }));
  return { summary: summary(taskLine(task)), task, upcoming };
}

/** A day without a time, for a timed series, keeps the series' time of day on the new day; a time alone keeps the occurrence's day. */
function newDueDate(ctx: DomainContext, task: TaskView, text: string, occurrence: Date): Date {
  const resolved = resolveDate(ctx, text, "to");
  if (resolved.named === "time") {
    const day = new TZDate(occurrence.getTime(), ctx.timeZone);
    const time = new TZDate(resolved.at.getTime(), ctx.timeZone);
    // Without am/pm, the half of the day nearer the series' own time of day.
    const usual = new TZDate((task.dueAt ?? occurrence).getTime(), ctx.timeZone);
    day.setHours(task.allDay ? time.getHours() : nearerHalfOfDay(text, time, usual), time.getMinutes(), 0, 0);
    return new Date(day.getTime());
  }
  if (!resolved.allDay || task.allDay || !task.dueAt) return resolved.at;
  const time = new TZDate(task.dueAt.getTime(), ctx.timeZone);
  const day = new TZDate(resolved.at.getTime(), ctx.timeZone);
  day.setHours(time.getHours(), time.getMinutes(), 0, 0);
  return new Date(day.getTime());
}

export const skipOccurrenceTool = defineTool({
  name: "skip_occurrence",
  description: `Skip one occurrence of a repeating task (e.g. next Monday's standup) without changing the rule; skipping the open one moves the task to the next date.${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z.object({ task_id: args.taskId, date: occurrenceDate, ...writeControls }).strict(),
  examples: [
    { task_id: EXAMPLE_IDS.task, date: "2026-12-07" },
    { task_id: EXAMPLE_IDS.task, date: "next monday", dry_run: true },
  ],
  async run(ctx, a) {
    const date = await occurrenceAt(ctx, a.task_id, a.date);
    const view = await skipOccurrence(ctx, { id: a.task_id, date });
    return result(ctx, view, (line) => `Skipped the occurrence on ${formatLocal(ctx, date, true)}; ${line}.`);
  },
});

export const rescheduleOccurrenceTool = defineTool({
  name: "reschedule_occurrence",
  description: `Move one occurrence of a repeating task to another date or time; the other occurrences and the rule stay as they are.${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      task_id: args.taskId,
      date: occurrenceDate,
      to: z.string().trim().min(1, "must not be empty").max(100).describe("The new date and time: ISO 8601 or words ('wednesday 10am'); a day alone keeps the usual time"),
      ...writeControls,
    })
    .strict(),
  examples: [
    { task_id: EXAMPLE_IDS.task, date: "2026-12-07", to: "2026-12-09" },
    { task_id: EXAMPLE_IDS.task, date: "next monday", to: "wednesday 10am", dry_run: true },
  ],
  async run(ctx, a) {
    const date = await occurrenceAt(ctx, a.task_id, a.date);
    const task = await getTask(ctx, a.task_id);
    const to = newDueDate(ctx, task, a.to, date);
    const view = await rescheduleOccurrence(ctx, { id: a.task_id, date, to });
    return result(ctx, view, (line) => `Moved the occurrence on ${formatLocal(ctx, date, true)} to ${formatLocal(ctx, to, task.allDay)}; ${line}.`);
  },
});
