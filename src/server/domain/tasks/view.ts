import { and, eq, sql, type SQL } from "drizzle-orm";
import { isAnyUuid } from "@/server/db/any-uuid";
import type { Executor } from "@/server/db/client";
import { categories, reminders, tags, tasks, taskTags } from "@/server/db/schema";
import type { TaskEventState } from "@/server/events/catalog";
import type { Priority } from "./schemas";

export interface TagRef {
  id: string;
  name: string;
  color: string | null;
}
export type CategoryRef = TagRef;

export interface ReminderView {
  id: string;
  remindAt: Date;
  minutesBefore: number | null;
  status: "pending" | "sent" | "failed" | "cancelled";
  sentAt: Date | null;
}

/** A task as every adapter returns it: with its category, tags and reminders. */
export interface TaskView {
  id: string;
  version: number;
  title: string;
  description: string;
  priority: Priority;
  dueAt: Date | null;
  allDay: boolean;
  completed: boolean;
  completedAt: Date | null;
  categoryId: string | null;
  category: CategoryRef | null;
  tags: TagRef[];
  recurrenceRule: string | null;
  recurrenceBasis: "due" | "completion";
  seriesId: string | null;
  occurrenceIndex: number;
  reminders: ReminderView[];
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** Task columns without the search vector, which nobody outside SQL needs. */
export const taskColumns = {
  id: tasks.id,
  userId: tasks.userId,
  version: tasks.version,
  title: tasks.title,
  description: tasks.description,
  priority: tasks.priority,
  dueAt: tasks.dueAt,
  allDay: tasks.allDay,
  completed: tasks.completed,
  completedAt: tasks.completedAt,
  categoryId: tasks.categoryId,
  recurrenceRule: tasks.recurrenceRule,
  recurrenceBasis: tasks.recurrenceBasis,
  seriesId: tasks.seriesId,
  previousOccurrenceId: tasks.previousOccurrenceId,
  occurrenceIndex: tasks.occurrenceIndex,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
  deletedAt: tasks.deletedAt,
};

/** Tags and reminders arrive as JSON arrays built in SQL; timestamps inside them as ISO text. */
interface TagJson {
  id: string;
  name: string;
  color: string | null;
}
interface ReminderJson {
  id: string;
  remindAt: string;
  minutesBefore: number | null;
  status: ReminderView["status"];
  sentAt: string | null;
}

/** postgres.js and PGlite both parse json columns; a string would only come from a driver that does not. */
const parseJson = <T>(value: unknown): T[] => (typeof value === "string" ? (JSON.parse(value) as T[]) : ((value as T[] | null) ?? []));

/** Loads full views of the given tasks of one user, in the order of `ids` (see `loadTaskViewsWith`). */
export async function loadTaskViews(
  db: Executor,
  userId: string,
  ids: string[],
  options: { includeDeleted?: boolean } = { includeDeleted: true },
): Promise<TaskView[]> {
  return (await loadTaskViewsWith(db, userId, ids, {}, options)).map((r) => r.view);
}

/**
 * The columns of a full view: the task's own, its category's name and colour, and its tags and reminders as JSON
 * arrays from correlated subqueries (served by task_tags' primary key and reminders' task index: no N+1). Select
 * them from `tasks` left-joined to `categories` on the task's category.
 */
export function taskViewFields(userId: string) {
  return {
    ...taskColumns,
    categoryName: categories.name,
    categoryColor: categories.color,
    tagsJson: sql<unknown>`(SELECT coalesce(json_agg(json_build_object('id', ${tags.id}, 'name', ${tags.name}, 'color', ${tags.color}) ORDER BY ${tags.name}), '[]'::json)
      FROM ${taskTags} JOIN ${tags} ON ${tags.id} = ${taskTags.tagId} WHERE ${taskTags.taskId} = ${tasks.id})`,
    remindersJson: sql<unknown>`(SELECT coalesce(json_agg(json_build_object('id', ${reminders.id}, 'remindAt', ${reminders.remindAt},
        'minutesBefore', ${reminders.minutesBefore}, 'status', ${reminders.status}, 'sentAt', ${reminders.sentAt}) ORDER BY ${reminders.remindAt}), '[]'::json)
      FROM ${reminders} WHERE ${reminders.taskId} = ${tasks.id} AND ${reminders.userId} = ${userId} AND ${reminders.status} <> 'cancelled')`,
  };
}

/** What a select of `taskViewFields` returns (the category's columns are null for a task without one). */
export type TaskViewRow = Omit<TaskView, "category" | "tags" | "reminders"> & {
  categoryName: string | null;
  categoryColor: string | null;
  tagsJson: unknown;
  remindersJson: unknown;
};

/** A row of `taskViewFields` as the view every adapter returns. */
export function toTaskView(row: TaskViewRow): TaskView {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    description: row.description,
    priority: row.priority,
    dueAt: row.dueAt,
    allDay: row.allDay,
    completed: row.completed,
    completedAt: row.completedAt,
    categoryId: row.categoryId,
    category:
      row.categoryId && row.categoryName !== null ? { id: row.categoryId, name: row.categoryName, color: row.categoryColor } : null,
    tags: parseJson<TagJson>(row.tagsJson).map(({ id: tagId, name, color }) => ({ id: tagId, name, color })),
    recurrenceRule: row.recurrenceRule,
    recurrenceBasis: row.recurrenceBasis,
    seriesId: row.seriesId,
    occurrenceIndex: row.occurrenceIndex,
    reminders: parseJson<ReminderJson>(row.remindersJson).map((r) => ({
      id: r.id,
      remindAt: new Date(r.remindAt),
      minutesBefore: r.minutesBefore,
      status: r.status,
      sentAt: r.sentAt === null ? null : new Date(r.sentAt),
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

/**
 * Loads full views of the given tasks of one user, in the order of `ids`, in one query whatever their number.
 * `extra` adds caller-specific columns of the same rows (e.g. undo snapshots' columns), returned alongside.
 */
export async function loadTaskViewsWith(
  db: Executor,
  userId: string,
  ids: string[],
  extra: Record<string, SQL>,
  options: { includeDeleted?: boolean } = { includeDeleted: true },
): Promise<{ view: TaskView; extra: Record<string, unknown> }[]> {
  if (ids.length === 0) return [];
  const fields = taskViewFields(userId);
  // The extra columns ride along untyped; callers read them by the names they chose.
  const rows = await db
    .select({ ...fields, ...extra } as typeof fields)
    .from(tasks)
    .leftJoin(categories, eq(categories.id, tasks.categoryId))
    .where(and(eq(tasks.userId, userId), isAnyUuid(tasks.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result: { view: TaskView; extra: Record<string, unknown> }[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || (!options.includeDeleted && row.deletedAt)) continue;
    const extras = Object.fromEntries(Object.keys(extra).map((key) => [key, (row as Record<string, unknown>)[key]]));
    result.push({ view: toTaskView(row), extra: extras });
  }
  return result;
}

/** The state carried in task events (ISO strings, ids only). */
export function toEventState(view: TaskView, userId: string): TaskEventState {
  return {
    id: view.id,
    userId,
    version: view.version,
    title: view.title,
    description: view.description,
    priority: view.priority,
    dueAt: view.dueAt?.toISOString() ?? null,
    allDay: view.allDay,
    completed: view.completed,
    completedAt: view.completedAt?.toISOString() ?? null,
    categoryId: view.categoryId,
    tagIds: view.tags.map((t) => t.id),
    recurrenceRule: view.recurrenceRule,
    recurrenceBasis: view.recurrenceBasis,
    seriesId: view.seriesId,
    occurrenceIndex: view.occurrenceIndex,
    deletedAt: view.deletedAt?.toISOString() ?? null,
  };
}
