import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { z } from "zod";
import type { DomainContext } from "@/server/domain/context";
import { listTasks, type TaskListInput } from "@/server/domain/tasks";
import { args, EXAMPLE_IDS, resolveDate } from "./args";
import { listSummary, taskNoun, toToolTask, type Noun, type ToolTask } from "./present";
import { defineTool, ToolArgumentError, ToolForbiddenError } from "./types";

/** Tools that read tasks. All return the same page shape. */

export interface TaskListToolResult {
  summary: string;
  tasks: ToolTask[];
  /** How many tasks match in all (the page holds at most `limit`). */
  total: number;
  /** True when there are more matches than were counted: `total` is then a lower bound. */
  total_capped: boolean;
  has_more: boolean;
}

const SORT_DIRECTION = { due: "asc", priority: "desc", created: "desc", updated: "desc", title: "asc" } as const;
type SortBy = keyof typeof SORT_DIRECTION;
const sortBy = z.enum(Object.keys(SORT_DIRECTION) as [SortBy, ...SortBy[]]);

/** A token limited to some categories reads only those: asking for another one is refused, not silently empty. */
function withinTokenCategories(ctx: DomainContext, input: TaskListInput): TaskListInput {
  const allowed = ctx.apiToken?.categoryIds;
  if (!allowed) return input;
  const outside = input.categoryIds?.find((id) => !allowed.includes(id));
  if (outside) throw new ToolForbiddenError(`category_id: this API token may only read the categories it is limited to, not ${outside}`);
  return { ...input, categoryIds: input.categoryIds ?? [...allowed] };
}

async function page(ctx: DomainContext, input: TaskListInput, noun: Noun): Promise<TaskListToolResult> {
  const result = await listTasks(ctx, withinTokenCategories(ctx, input));
  const tasks = result.items.map((item) => toToolTask(ctx, item));
  return {
    summary: listSummary(tasks, result.total, noun, result.totalCapped),
    tasks,
    total: result.total,
    total_capped: result.totalCapped,
    has_more: result.nextCursor !== null,
  };
}

const status = z.enum(["open", "done", "all"]);

export const listTasksTool = defineTool({
  name: "list_tasks",
  description: "List the user's tasks, filtered by status, priority, category, tags or due window, sorted by due date by default.",
  scope: "read",
  inputSchema: z
    .object({
      status: status.default("open").describe("open (default), done or all"),
      priorities: z.array(args.priority).max(4).optional().describe("Only these priorities"),
      category_id: args.categoryId.optional(),
      tag_ids: z.array(args.tagId).max(100).optional().describe("Only tasks with any of these tags"),
      due: z.enum(["overdue", "today", "next7", "none"]).optional().describe("overdue, today, next7 (today and the next 6 days) or none (no due date)"),
      due_on: args.dueDate.optional().describe("Only tasks due on this one day ('friday', 'tomorrow', '2026-03-16'), in the user's time zone"),
      sort_by: sortBy.default("due").describe("due (soonest first), priority (most urgent first), created, updated (newest first) or title"),
      limit: args.limit(20),
    })
    .strict(),
  examples: [{}, { status: "open", due: "today", sort_by: "priority" }, { category_id: EXAMPLE_IDS.category, tag_ids: [EXAMPLE_IDS.tag], limit: 50 }, { due_on: "friday" }],
  run(ctx, a) {
    if (a.due && a.due_on) throw new ToolArgumentError("due_on", "give either due or due_on, not both");
    return page(
      ctx,
      {
        status: a.status,
        priorities: a.priorities,
        categoryIds: a.category_id ? [a.category_id] : undefined,
        tagIds: a.tag_ids,
        due: a.due_on ? dayRange(ctx, a.due_on) : a.due,
        sort: { by: a.sort_by, dir: SORT_DIRECTION[a.sort_by] },
        limit: a.limit,
      },
      taskNoun(a.status === "open" ? "open" : a.status === "done" ? "completed" : "", a.due_on ? ` due ${a.due_on}` : ""),
    );
  },
});

/** The whole calendar day a date falls on, in the user's zone. */
function dayRange(ctx: DomainContext, text: string): { type: "range"; from: Date; to: Date } {
  const day = startOfDay(new TZDate(resolveDate(ctx, text, "due_on").at.getTime(), ctx.timeZone));
  return { type: "range", from: new Date(day.getTime()), to: new Date(addDays(day, 1).getTime() - 1) };
}

export const searchTasks = defineTool({
  name: "search_tasks",
  description: "Full-text search of task titles and descriptions (typo-tolerant), best matches first.",
  scope: "read",
  inputSchema: z
    .object({
      query: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").describe("Words to look for"),
      status: status.default("all").describe("all (default), open or done"),
      limit: args.limit(20),
    })
    .strict(),
  examples: [{ query: "dentist" }, { query: "milk", status: "open", limit: 5 }],
  run(ctx, a) {
    return page(ctx, { search: a.query, status: a.status, limit: a.limit }, taskNoun("", ` matching "${a.query}"`));
  },
});

export const getOverdueTasks = defineTool({
  name: "get_overdue_tasks",
  description: "Open tasks whose due date has passed, oldest first.",
  scope: "read",
  inputSchema: z.object({ limit: args.limit(20) }).strict(),
  examples: [{}, { limit: 50 }],
  run(ctx, a) {
    return page(ctx, { status: "open", due: "overdue", sort: { by: "due", dir: "asc" }, limit: a.limit }, taskNoun("overdue"));
  },
});

export const getUpcomingTasks = defineTool({
  name: "get_upcoming_tasks",
  description: "Open tasks due from today through the next `days` days (default 7), soonest first.",
  scope: "read",
  inputSchema: z
    .object({
      days: z.number().int("must be a whole number of days").min(1, "must be at least 1").max(365, "must be at most 365").default(7),
      limit: args.limit(20),
    })
    .strict(),
  examples: [{}, { days: 1 }, { days: 30, limit: 100 }],
  run(ctx, a) {
    // Calendar days in the user's zone: today counts as day one, so "7 days" matches the app's "next 7 days".
    const today = startOfDay(new TZDate(ctx.now().getTime(), ctx.timeZone));
    const from = new Date(today.getTime());
    const to = new Date(addDays(today, a.days).getTime() - 1);
    return page(
      ctx,
      { status: "open", due: { type: "range", from, to }, sort: { by: "due", dir: "asc" }, limit: a.limit },
      taskNoun("", ` due ${a.days === 1 ? "today" : `in the next ${a.days} days`}`),
    );
  },
});
