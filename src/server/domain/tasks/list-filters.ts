import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { categories, reminders, tasks, taskTags } from "@/server/db/schema";
import type { DomainContext } from "../context";
import { NotFoundError } from "../errors";
import { assertTagsOwned } from "./ownership";
import type { TaskListQuery } from "./schemas";

/** Start of today, start of tomorrow and start of today + 7 days in the user's zone (DST-aware calendar days). */
export function dayWindows(now: Date, timeZone: string): { startOfToday: Date; startOfTomorrow: Date; endOfNext7: Date } {
  const today = startOfDay(new TZDate(now.getTime(), timeZone));
  return {
    startOfToday: new Date(today.getTime()),
    startOfTomorrow: new Date(addDays(today, 1).getTime()),
    endOfNext7: new Date(addDays(today, 7).getTime()),
  };
}

function dueCondition(due: NonNullable<TaskListQuery["due"]>, now: Date, timeZone: string): SQL | undefined {
  if (typeof due === "object") {
    return and(
      isNotNull(tasks.dueAt),
      due.from ? gte(tasks.dueAt, due.from) : undefined,
      due.to ? lte(tasks.dueAt, due.to) : undefined,
    );
  }
  if (due === "none") return isNull(tasks.dueAt);
  const w = dayWindows(now, timeZone);
  switch (due) {
    case "overdue":
      // An all-day task (stored as local midnight) is due by the end of its day, as the UI's countdown shows.
      // Written as one due_at range plus a check (start of today <= now) so it is a single index range, not an OR
      // of two bitmap scans.
      return sql`(${tasks.completed} = false AND ${lt(tasks.dueAt, now)} AND (${tasks.allDay} = false OR ${lt(tasks.dueAt, w.startOfToday)}))`;
    case "today":
      return and(gte(tasks.dueAt, w.startOfToday), lt(tasks.dueAt, w.startOfTomorrow));
    case "next7":
      return and(gte(tasks.dueAt, w.startOfToday), lt(tasks.dueAt, w.endOfNext7));
  }
}

function tagCondition(tagIds: string[], mode: "any" | "all"): SQL {
  const unique = [...new Set(tagIds)];
  const tagged = taggedTaskIds(unique);
  if (mode === "any") return sql`${tasks.id} IN (${tagged})`;
  // "all": the task carries every one of the requested tags.
  return sql`${tasks.id} IN (${tagged} GROUP BY ${taskTags.taskId} HAVING count(*) = ${unique.length})`;
}

function taggedTaskIds(tagIds: string[]): SQL {
  return sql`SELECT ${taskTags.taskId} FROM ${taskTags} WHERE ${inArray(taskTags.tagId, tagIds)}`;
}

/** Every filter of the list except search and the cursor position; always scoped to the acting user. */
export function filterConditions(ctx: DomainContext, input: TaskListQuery): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(tasks.userId, ctx.userId),
    input.deleted ? isNotNull(tasks.deletedAt) : isNull(tasks.deletedAt),
  ];
  if (input.status !== "all") conditions.push(eq(tasks.completed, input.status === "done"));
  if (input.priorities?.length) conditions.push(inArray(tasks.priority, input.priorities));
  if (input.categoryIds?.length) conditions.push(inArray(tasks.categoryId, input.categoryIds));
  if (input.tagIds?.length) conditions.push(tagCondition(input.tagIds, input.tagMode));
  if (input.due) conditions.push(dueCondition(input.due, ctx.now(), ctx.timeZone));
  if (input.hasReminder !== undefined) {
    const pending = sql`EXISTS (SELECT 1 FROM ${reminders} WHERE ${reminders.taskId} = ${tasks.id} AND ${reminders.status} = 'pending')`;
    conditions.push(input.hasReminder ? pending : sql`NOT ${pending}`);
  }
  if (input.recurring !== undefined) {
    conditions.push(input.recurring ? isNotNull(tasks.recurrenceRule) : isNull(tasks.recurrenceRule));
  }
  return and(...conditions) as SQL;
}

async function assertCategoriesOwned(db: Executor, userId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .where(and(inArray(categories.id, unique), eq(categories.userId, userId)));
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new NotFoundError("category", missing);
}

/** Filtering by another user's category or tag is "not found", never a telling empty list. */
export async function assertFilterIdsOwned(ctx: DomainContext, input: TaskListQuery): Promise<void> {
  await Promise.all([
    input.categoryIds?.length ? assertCategoriesOwned(ctx.db, ctx.userId, input.categoryIds) : undefined,
    input.tagIds?.length ? assertTagsOwned(ctx.db, ctx.userId, input.tagIds) : undefined,
  ]);
}
