import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNotNull, isNull, max } from "drizzle-orm";
import { isAnyUuid } from "@/server/db/any-uuid";
import type { Database } from "@/server/db/client";
import { calendarFeeds, categories, tags, tasks, taskTags, users } from "@/server/db/schema";
import type { DomainContext } from "../context";
import { buildCalendarFeed, type FeedTask } from "./feed";

/** The feed path for a token; the token is the only credential (calendar apps cannot sign in). */
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

export async function getCalendarFeed(ctx: DomainContext): Promise<{ path: string | null; createdAt: Date | null }> {
  const [row] = await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, ctx.userId));
  return row ? { path: feedPath(row.token), createdAt: row.createdAt } : { path: null, createdAt: null };
}

/** A new private URL; the previous one (if any) stops working at once. */
export async function regenerateCalendarFeed(ctx: DomainContext): Promise<{ path: string; createdAt: Date }> {
  const token = randomBytes(24).toString("base64url");
  const createdAt = ctx.now();
  await ctx.db
    .insert(calendarFeeds)
    .values({ userId: ctx.userId, token, createdAt })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt } });
  return { path: feedPath(token), createdAt };
}

export async function revokeCalendarFeed(ctx: DomainContext): Promise<{ revoked: boolean }> {
  const deleted = await ctx.db.delete(calendarFeeds).where(eq(calendarFeeds.userId, ctx.userId)).returning({ userId: calendarFeeds.userId });
  return { revoked: deleted.length > 0 };
}

export interface RenderedFeed {
  body: string;
  /** Strong validator: a hash of the body, so any change to what a calendar shows changes it. */
  etag: string;
  /** The latest change among the user's tasks, categories and tags (or the URL's creation). */
  lastModified: Date;
}

/** The feed for a token, or null when the token is unknown or revoked. */
export async function renderCalendarFeed(db: Database, token: string, now = new Date()): Promise<RenderedFeed | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [feed] = await db
    .select({ userId: calendarFeeds.userId, createdAt: calendarFeeds.createdAt, name: users.name, timeZone: users.timeZone })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.token, token));
  if (!feed) return null;

  const rows = await db
    .select({ task: tasks, categoryName: categories.name })
    .from(tasks)
    .leftJoin(categories, eq(categories.id, tasks.categoryId))
    .where(and(eq(tasks.userId, feed.userId), eq(tasks.completed, false), isNull(tasks.deletedAt), isNotNull(tasks.dueAt)))
    .orderBy(asc(tasks.dueAt), asc(tasks.id));
  const tagRows =
    rows.length === 0
      ? []
      : await db
          .select({ taskId: taskTags.taskId, name: tags.name })
          .from(taskTags)
          .innerJoin(tags, eq(tags.id, taskTags.tagId))
          .where(isAnyUuid(taskTags.taskId, rows.map((r) => r.task.id)))
          .orderBy(asc(tags.name));
  const tagsByTask = new Map<string, string[]>();
  for (const t of tagRows) tagsByTask.set(t.taskId, [...(tagsByTask.get(t.taskId) ?? []), t.name]);

  const feedTasks: FeedTask[] = rows.map(({ task, categoryName }) => ({
    id: task.id,
    title: task.title,
    description: task.description,
    dueAt: task.dueAt!,
    allDay: task.allDay,
    priority: task.priority,
    categoryName,
    tagNames: tagsByTask.get(task.id) ?? [],
    recurrenceRule: task.recurrenceRule,
    recurrenceBasis: task.recurrenceBasis,
    occurrenceIndex: task.occurrenceIndex,
    exdates: task.recurrenceExdates.map((d) => new Date(d)),
    occurrenceDate: task.occurrenceDate,
    moves: task.recurrenceMoves.map((m) => ({ from: new Date(m.from), to: new Date(m.to) })),
    updatedAt: task.updatedAt,
  }));
  // Completing or deleting a task removes it from the feed; the latest updated_at of all rows sees that too.
  const latestOf = async (table: typeof tasks | typeof categories | typeof tags) => {
    const [row] = await db.select({ at: max(table.updatedAt) }).from(table).where(eq(table.userId, feed.userId));
    return row?.at ?? null;
  };
  const stamps = (await Promise.all([latestOf(tasks), latestOf(categories), latestOf(tags)])).filter((d): d is Date => d !== null);
  const latestAt = stamps.length > 0 ? new Date(Math.max(...stamps.map((d) => d.getTime()))) : null;
  const lastModified = latestAt && latestAt > feed.createdAt ? latestAt : feed.createdAt;

  const body = buildCalendarFeed({ userName: feed.name, timeZone: feed.timeZone, tasks: feedTasks, now });
  // DTSTAMP changes every render; the validator covers the content without it.
  const etag = `"${createHash("sha256").update(body.replace(/^DTSTAMP:.*$/gm, "")).digest("base64url").slice(0, 32)}"`;
  return { body, etag, lastModified };
}
