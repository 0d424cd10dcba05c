import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { DomainContext } from "@/server/domain/context";
import { ConflictError } from "@/server/domain/errors";
import { CLOCK_TIME, reminderOnDueDay } from "@/server/domain/reminder-times";
import {
  completeTask,
  uncompleteTask,
  createTask,
  deleteTask,
  getTask,
  MAX_REMINDERS_PER_TASK,
  PRIORITIES,
  updateTask,
  type Priority,
  type ReminderInput,
  type TaskUpdateInput,
  type TaskView,
} from "@/server/domain/tasks";
import { args, CONFIRM_NOTE, EXAMPLE_IDS, resolveDate, resolveDueChange, resolveRecurrence, WRITE_NOTE, writeControls, type ResolvedDate } from "./args";
import { formatLocal, taskChanges, taskExtras, taskLine, toToolTask, type ToolTask } from "./present";
import { defineTool, ToolArgumentError } from "./types";

/** Tools that change one task. Each returns the task after the change. */

export interface TaskResult {
  summary: string;
  task: ToolTask;
}

const taskResult = (ctx: DomainContext, view: TaskView, summary: (line: string) => string): TaskResult => {
  const task = toToolTask(ctx, view);
  return { summary: summary(taskLine(task)), task };
};

/** A reminder "at" a day without a time means 9:00 that day in the user's zone. */
const REMINDER_HOUR_FOR_A_DAY = 9;

function reminderAt(ctx: DomainContext, text: string): Date {
  const resolved = resolveDate(ctx, text, "remind_at");
  if (!resolved.allDay) return resolved.at;
  const local = new TZDate(resolved.at.getTime(), ctx.timeZone);
  local.setHours(REMINDER_HOUR_FOR_A_DAY, 0, 0, 0);
  return new Date(local.getTime());
}

/** A time on the due day or days before it; a task without a due date has no such day. */
function dayReminder(ctx: DomainContext, dueAt: Date | null, daysBefore: number, time: string): Date {
  if (!dueAt) throw new ToolArgumentError("days_before", "the task has no due date to count back from; set due_date or use remind_at");
  return reminderOnDueDay(dueAt, ctx.timeZone, daysBefore, time);
}

function newReminder(ctx: DomainContext, a: { remind_before_minutes?: number; remind_at?: string }, due: Date | null | undefined): ReminderInput | undefined {
  if (a.remind_before_minutes !== undefined && a.remind_at !== undefined) {
    throw new ToolArgumentError("remind_at", "give either remind_before_minutes or remind_at, not both");
  }
  if (a.remind_at !== undefined) return { at: reminderAt(ctx, a.remind_at) };
  if (a.remind_before_minutes === undefined) return undefined;
  if (!due) throw new ToolArgumentError("remind_before_minutes", "the task has no due date to count back from; set due_date or use remind_at");
  return { minutesBefore: a.remind_before_minutes };
}

/**
 * Tools edit "the task as it is now", not a version the caller saw: read the version, write, and on a
 * concurrent change read once more (the domain still refuses a stale write; this only retries it).
 */
async function updateLatest(ctx: DomainContext, id: string, patch: (current: TaskView) => Omit<TaskUpdateInput, "id" | "version">) {
  for (let attempt = 0; ; attempt += 1) {
    const current = await getTask(ctx, id);
    try {
      return await updateTask(ctx, { id, version: current.version, ...patch(current) });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt > 0) throw error;
    }
  }
}

export const addTask = defineTool({
  name: "add_task",
  description: `Create a task; due_date and recurrence_rule accept natural language in the user's time zone.${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      title: args.title,
      description: args.description.optional(),
      priority: args.priority.optional(),
      due_date: args.dueDate.optional(),
      category_id: args.categoryId.optional(),
      tag_ids: args.tagIds.optional(),
      recurrence_rule: args.recurrenceRule.optional(),
      remind_before_minutes: args.remindBeforeMinutes.optional(),
      remind_at: args.remindAt.optional(),
      ...writeControls,
    })
    .strict(),
  examples: [
    { title: "Buy milk" },
    { title: "Pay rent", due_date: "2026-12-01T09:00", recurrence_rule: "every month on the 1st", priority: "high", remind_before_minutes: 60 },
    { title: "Call the dentist", due_date: "tomorrow 5pm", category_id: EXAMPLE_IDS.category, tag_ids: [EXAMPLE_IDS.tag], dry_run: true },
  ],
  async run(ctx, a) {
    const recurrence = a.recurrence_rule ? resolveRecurrence(ctx, a.recurrence_rule) : undefined;
    const start: ResolvedDate | undefined = a.due_date ? resolveDate(ctx, a.due_date, "due_date") : recurrence?.start;
    if (recurrence && !start) throw new ToolArgumentError("due_date", "a repeating task needs a due date to start from");
    const reminder = newReminder(ctx, a, start?.at);
    const view = await createTask(ctx, {
      title: a.title,
      description: a.description,
      priority: a.priority,
      dueAt: start?.at,
      allDay: start?.allDay,
      categoryId: a.category_id,
      tagIds: a.tag_ids,
      recurrenceRule: recurrence?.rule,
      reminders: reminder ? [reminder] : undefined,
    });
    const task = toToolTask(ctx, view);
    // Everything the request did is said: category, tags and the reminder too ("remind me to …").
    const extras = taskExtras(ctx, task);
    return { summary: `Added ${taskLine(task)}${extras.length ? `, ${extras.join(", ")}` : ""}.`, task };
  },
});

/** One step of priority is one place in PRIORITIES; a step past either end stops there. */
function steppedPriority(current: Priority, step: number): Priority {
  const at = PRIORITIES.indexOf(current) + step;
  return PRIORITIES[Math.max(0, Math.min(PRIORITIES.length - 1, at))]!;
}

export const updateTaskTool = defineTool({
  name: "update_task",
  description: `Change a task's title, description, priority, due date, category, tags or repetition; null clears a field. A due date in words that names only a time keeps the task's day, and one that names only a day keeps a timed task's time.${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      task_id: args.taskId,
      title: args.title.optional(),
      description: args.description.optional(),
      priority: args.priority.optional(),
      priority_step: z
        .number()
        .int("must be a whole number of steps")
        .min(-3, "must be between -3 and 3")
        .max(3, "must be between -3 and 3")
        .optional()
        .describe("Instead of priority: raise (1) or lower (-1) the priority by steps of low, medium, high, urgent; it stops at either end"),
      due_date: args.dueDate
        .nullable()
        .optional()
        .describe("ISO 8601, words in the user's time zone ('next friday 10am'), or a shift of the current due date ('+1 day', '-2 hours', '+1 week')"),
      category_id: args.categoryId.nullable().optional(),
      tag_ids: args.tagIds.optional().describe("Replaces all of the task's tags"),
      recurrence_rule: args.recurrenceRule.nullable().optional(),
      ...writeControls,
    })
    .strict(),
  examples: [
    { task_id: EXAMPLE_IDS.task, due_date: "next friday 10am" },
    { task_id: EXAMPLE_IDS.task, title: "Buy oat milk", priority: "low", due_date: null },
    { task_id: EXAMPLE_IDS.task, tag_ids: [EXAMPLE_IDS.tag], category_id: null, dry_run: true },
    { task_id: EXAMPLE_IDS.task, due_date: "+1 day", priority_step: -1 },
  ],
  async run(ctx, a) {
    const { task_id: _id, dry_run: _dry, confirmation_token: _confirm, ...changes } = a;
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new ToolArgumentError(undefined, "nothing to change: give at least one of title, description, priority, priority_step, due_date, category_id, tag_ids, recurrence_rule");
    }
    if (a.priority !== undefined && a.priority_step !== undefined) throw new ToolArgumentError("priority_step", "give either priority or priority_step, not both");
    const recurrence = a.recurrence_rule ? resolveRecurrence(ctx, a.recurrence_rule) : undefined;
    let before: TaskView | undefined;
    const view = await updateLatest(ctx, a.task_id, (current) => {
      before = current;
      // null clears the due date, undefined keeps it.
      const due = a.due_date === null || a.due_date === undefined ? a.due_date : resolveDueChange(ctx, a.due_date, current);
      // A repetition phrase with its own start ("every monday at 9am") dates an undated task.
      const start = due === undefined && !current.dueAt ? recurrence?.start : (due ?? undefined);
      return {
        title: a.title,
        description: a.description,
        priority: a.priority_step === undefined ? a.priority : steppedPriority(current.priority, a.priority_step),
        dueAt: due === null ? null : start?.at,
        allDay: start?.allDay,
        categoryId: a.category_id,
        tagIds: a.tag_ids,
        recurrenceRule: a.recurrence_rule === undefined ? undefined : (recurrence?.rule ?? null),
      };
    });
    const task = toToolTask(ctx, view);
    const changed = before ? taskChanges(ctx, toToolTask(ctx, before), task) : [];
    return { summary: `Updated ${taskLine(task)}${changed.length ? `: ${changed.join("; ")}` : " (nothing changed)"}.`, task };
  },
});

export const completeTaskTool = defineTool({
  name: "complete_task",
  description: `Mark a task as done (a repeating task then gets its next occurrence).${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z.object({ task_id: args.taskId, ...writeControls }).strict(),
  examples: [{ task_id: EXAMPLE_IDS.task }, { task_id: EXAMPLE_IDS.task, dry_run: true }],
  async run(ctx, a) {
    const before = await getTask(ctx, a.task_id);
    const view = before.completed ? before : await completeTask(ctx, a.task_id);
    return taskResult(ctx, view, (line) =>
      before.completed ? `${line} was already completed.` : `Completed ${line}.${view.recurrenceRule ? " The next occurrence will be created." : ""}`,
    );
  },
});

export const reopenTaskTool = defineTool({
  name: "reopen_task",
  description: `Mark a completed task as not done again (it returns to the open tasks, with its reminders).${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z.object({ task_id: args.taskId, ...writeControls }).strict(),
  examples: [{ task_id: EXAMPLE_IDS.task }, { task_id: EXAMPLE_IDS.task, dry_run: true }],
  async run(ctx, a) {
    const before = await getTask(ctx, a.task_id);
    const view = before.completed ? await uncompleteTask(ctx, a.task_id) : before;
    return taskResult(ctx, view, (line) => (before.completed ? `Reopened ${line}; it is open again.` : `${line} is already open.`));
  },
});

export const deleteTaskTool = defineTool({
  name: "delete_task",
  description: `Delete a task (it goes to the trash and can be restored from the app).${WRITE_NOTE}${CONFIRM_NOTE}`,
  scope: "delete",
  destructive: true,
  inputSchema: z.object({ task_id: args.taskId, ...writeControls }).strict(),
  examples: [
    { task_id: EXAMPLE_IDS.task },
    { task_id: EXAMPLE_IDS.task, dry_run: true },
    { task_id: EXAMPLE_IDS.task, confirmation_token: "confirm_AbCdEfGhIjKlMnOpQrStUvWx" },
  ],
  async run(ctx, a) {
    const view = await deleteTask(ctx, a.task_id);
    return taskResult(ctx, view, (line) => `Deleted ${line}; it can be restored from the trash.`);
  },
});

export const setReminder = defineTool({
  name: "set_reminder",
  description: `Add a reminder to a task: remind_before_minutes before its due date, at remind_at, or at at_time on the due day (days_before: 0) or that many days before it ("the day before at 5pm": days_before 1, at_time "17:00").${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      task_id: args.taskId,
      remind_before_minutes: args.remindBeforeMinutes.optional(),
      remind_at: args.remindAt.optional(),
      days_before: z.number().int("must be a whole number of days").min(0, "must be 0 (the due day) or more").max(365, "must be at most 365").optional().describe("With at_time: days before the due day (0 = on it)"),
      at_time: z.string().regex(CLOCK_TIME, "must be a time as HH:mm (24-hour)").optional().describe("With days_before: the time of day, HH:mm"),
      ...writeControls,
    })
    .strict(),
  examples: [
    { task_id: EXAMPLE_IDS.task, remind_before_minutes: 30 },
    { task_id: EXAMPLE_IDS.task, remind_at: "tomorrow 9am" },
    { task_id: EXAMPLE_IDS.task, days_before: 1, at_time: "17:00" },
  ],
  async run(ctx, a) {
    const onDay = a.days_before !== undefined || a.at_time !== undefined;
    if (onDay && (a.days_before === undefined || a.at_time === undefined)) throw new ToolArgumentError(a.at_time === undefined ? "at_time" : "days_before", "give days_before and at_time together");
    if ([a.remind_before_minutes !== undefined, a.remind_at !== undefined, onDay].filter(Boolean).length !== 1) {
      throw new ToolArgumentError("remind_before_minutes", "give one of remind_before_minutes, remind_at, or days_before with at_time");
    }
    let added: Date | undefined;
    const view = await updateLatest(ctx, a.task_id, (current) => {
      const reminder = onDay ? { at: dayReminder(ctx, current.dueAt, a.days_before!, a.at_time!) } : newReminder(ctx, a, current.dueAt)!;
      if (current.reminders.length >= MAX_REMINDERS_PER_TASK) {
        throw new ToolArgumentError(undefined, `the task already has ${MAX_REMINDERS_PER_TASK} reminders, the most it can have`);
      }
      added = "at" in reminder ? reminder.at : new Date(current.dueAt!.getTime() - reminder.minutesBefore * 60_000);
      // The domain takes the whole set: keep the task's reminders and add the new one.
      const kept: ReminderInput[] = current.reminders.map((r) => (r.minutesBefore !== null ? { minutesBefore: r.minutesBefore } : { at: r.remindAt }));
      return { reminders: [...kept, reminder] };
    });
    return taskResult(ctx, view, (line) => `Reminder set for ${line} at ${formatLocal(ctx, added!, false)}.`);
  },
});
