import { and, asc, eq, inArray, ne } from "drizzle-orm";
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

/**
 * Loads full views of the given tasks of one user, in the order of `ids`.
 * Three indexed queries regardless of how many tasks: no N+1.
 */
export async function loadTaskViews(
  db: Executor,
  userId: string,
  ids: string[],
  options: { includeDeleted?: boolean } = { includeDeleted: true },
): Promise<TaskView[]> {
  if (ids.length === 0) return [];
  const [rows, tagRows, reminderRows] = await Promise.all([
    db
      .select({ ...taskColumns, categoryName: categories.name, categoryColor: categories.color })
      .from(tasks)
      .leftJoin(categories, eq(categories.id, tasks.categoryId))
      .where(and(eq(tasks.userId, userId), inArray(tasks.id, ids))),
    db
      .select({ taskId: taskTags.taskId, id: tags.id, name: tags.name, color: tags.color })
      .from(taskTags)
      .innerJoin(tags, eq(tags.id, taskTags.tagId))
      .where(inArray(taskTags.taskId, ids))
      .orderBy(asc(tags.name)),
    db
      .select({
        taskId: reminders.taskId,
        id: reminders.id,
        remindAt: reminders.remindAt,
        minutesBefore: reminders.minutesBefore,
        status: reminders.status,
        sentAt: reminders.sentAt,
      })
      .from(reminders)
      .where(and(inArray(reminders.taskId, ids), eq(reminders.userId, userId), ne(reminders.status, "cancelled")))
      .orderBy(asc(reminders.remindAt)),
  ]);
  const tagsByTask = groupBy(tagRows, (r) => r.taskId);
  const remindersByTask = groupBy(reminderRows, (r) => r.taskId);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const views: TaskView[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || (!options.includeDeleted && row.deletedAt)) continue;
    views.push({
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
        row.categoryId && row.categoryName !== null
          ? { id: row.categoryId, name: row.categoryName, color: row.categoryColor }
          : null,
      tags: (tagsByTask.get(id) ?? []).map(({ id: tagId, name, color }) => ({ id: tagId, name, color })),
      recurrenceRule: row.recurrenceRule,
      recurrenceBasis: row.recurrenceBasis,
      seriesId: row.seriesId,
      occurrenceIndex: row.occurrenceIndex,
      reminders: (remindersByTask.get(id) ?? []).map(({ taskId: _taskId, ...r }) => r),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      deletedAt: row.deletedAt,
    });
  }
  return views;
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

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
