import { eq } from "drizzle-orm";
import { nextOccurrence } from "@/lib/recurrence";
import type { Database, Executor } from "@/server/db/client";
import { tasks, users } from "@/server/db/schema";
import type { TaskEventState } from "@/server/events/catalog";
import { createDomainContext, type DomainContext } from "./context";
import { NotFoundError } from "./errors";
import { pgErrorOf, PG_UNIQUE_VIOLATION } from "./pg-errors";
import { createTask } from "./tasks/mutations";
import { relativeReminderOffsets } from "./tasks/reminder-sync";
import { loadTaskViews, type TaskView } from "./tasks/view";

export type NextOccurrenceResult =
  | { status: "created"; task: TaskView }
  /** The next occurrence exists already (a repeated completion or delivery): nothing was created. */
  | { status: "exists"; taskId: string }
  | { status: "skipped"; reason: "not-recurring" | "deleted" | "series-ended" };

const PREVIOUS_OCCURRENCE_CONSTRAINT = "tasks_previous_occurrence_unique";

/**
 * A domain context acting as a user in their own time zone, for workers that act on a user's behalf;
 * null when the user no longer exists (their data went with them).
 */
export async function contextForUser(
  db: Database,
  userId: string,
  options: { source: string; correlationId?: string; now?: () => Date },
): Promise<DomainContext | null> {
  const [user] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  return createDomainContext({
    db,
    userId,
    timeZone: user.timeZone,
    source: options.source,
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

async function existingNext(db: Executor, previousId: string): Promise<string | null> {
  const [row] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.previousOccurrenceId, previousId));
  return row?.id ?? null;
}

/** The first due date of the series: the time of day and the COUNT/INTERVAL origin of every later date. */
async function seriesStart(db: Executor, userId: string, task: TaskView): Promise<Date | null> {
  if (!task.seriesId || task.seriesId === task.id) return task.dueAt;
  const [first] = await loadTaskViews(db, userId, [task.seriesId], { includeDeleted: true });
  return first?.dueAt ?? task.dueAt;
}

/**
 * Creates the occurrence that follows a completed task of a series, with the same title, description,
 * priority, category, tags and relative reminders, linked by series_id / previous_occurrence_id.
 * Runs in the caller's transaction when `ctx.db` is one. At most one next occurrence ever exists:
 * an existing one is found first, and the unique previous_occurrence_id settles a race.
 */
export async function createNextOccurrence(ctx: DomainContext, completed: Pick<TaskEventState, "id" | "completedAt">): Promise<NextOccurrenceResult> {
  const [current] = await loadTaskViews(ctx.db, ctx.userId, [completed.id], { includeDeleted: true });
  if (!current) throw new NotFoundError("task", completed.id);
  if (current.deletedAt) return { status: "skipped", reason: "deleted" };
  if (!current.recurrenceRule || !current.dueAt) return { status: "skipped", reason: "not-recurring" };

  const already = await existingNext(ctx.db, current.id);
  if (already) return { status: "exists", taskId: already };

  const start = (await seriesStart(ctx.db, ctx.userId, current)) ?? current.dueAt;
  const completedAt = current.completedAt ?? (completed.completedAt ? new Date(completed.completedAt) : ctx.now());
  // Completion basis counts from when the task was done, but never lands on or before the finished occurrence.
  const after =
    current.recurrenceBasis === "completion" && completedAt.getTime() > current.dueAt.getTime() ? completedAt : current.dueAt;
  const dueAt = nextOccurrence({
    rule: current.recurrenceRule,
    after,
    seriesStart: start,
    timeZone: ctx.timeZone,
    occurrencesSoFar: current.occurrenceIndex,
  });
  if (!dueAt) return { status: "skipped", reason: "series-ended" };

  const offsets = [...new Set(await relativeReminderOffsets(ctx.db, current.id))];
  try {
    const task = await createTask(
      ctx,
      {
        title: current.title,
        description: current.description,
        priority: current.priority,
        dueAt,
        allDay: current.allDay,
        categoryId: current.category ? current.category.id : null,
        tagIds: current.tags.map((t) => t.id),
        recurrenceRule: current.recurrenceRule,
        recurrenceBasis: current.recurrenceBasis,
        reminders: offsets.map((minutesBefore) => ({ minutesBefore })),
      },
      { seriesId: current.seriesId ?? current.id, previousOccurrenceId: current.id, occurrenceIndex: current.occurrenceIndex + 1 },
    );
    return { status: "created", task };
  } catch (cause) {
    // createTask ran in a savepoint, so the caller's transaction is still usable after a lost race.
    const pg = pgErrorOf(cause);
    if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === PREVIOUS_OCCURRENCE_CONSTRAINT) {
      const winner = await existingNext(ctx.db, current.id);
      if (winner) return { status: "exists", taskId: winner };
    }
    throw cause;
  }
}
