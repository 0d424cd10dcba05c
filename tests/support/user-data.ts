import { asc, eq, getTableColumns, inArray } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { categories, reminders, tags, tasks, taskTags } from "@/server/db/schema";

/**
 * Everything a user owns, as one canonical JSON text: every column of their tasks (trash included), task-tag links,
 * reminders, categories and tags. Left out are only the bookkeeping columns a revert moves forward on purpose
 * (tasks.version and the updated_at stamps), and the search vector, which is generated from title and description.
 */
export async function dumpUserData(db: Executor, userId: string): Promise<string> {
  const { search: _search, version: _version, updatedAt: _updated, ...taskCols } = getTableColumns(tasks);
  const taskRows = await db.select(taskCols).from(tasks).where(eq(tasks.userId, userId)).orderBy(asc(tasks.id));
  const ids = taskRows.map((t) => t.id as string);
  const links = ids.length ? await db.select().from(taskTags).where(inArray(taskTags.taskId, ids)).orderBy(asc(taskTags.taskId), asc(taskTags.tagId)) : [];
  const { updatedAt: _rUpdated, ...reminderCols } = getTableColumns(reminders);
  const reminderRows = await db.select(reminderCols).from(reminders).where(eq(reminders.userId, userId)).orderBy(asc(reminders.id));
  const labels = async (table: typeof categories | typeof tags) =>
    db.select({ id: table.id, name: table.name, color: table.color, createdAt: table.createdAt }).from(table).where(eq(table.userId, userId)).orderBy(asc(table.id));
  return JSON.stringify({ tasks: taskRows, taskTags: links, reminders: reminderRows, categories: await labels(categories), tags: await labels(tags) });
}

