import { eq } from "drizzle-orm";
import { nextFromCompletion, nextOccurrence } from "@/lib/recurrence";
import type { Database, Executor } from "@/server/db/client";
import { tasks, users } from "@/server/db/schema";
import type { TaskEventState } from "@/server/events/catalog";
import { createDomainContext, type DomainContext } from "./context";
import { NotFoundError } from "./errors";
import { pgErrorOf, PG_UNIQUE_VIOLATION } from "./pg-errors";
import { createTask } from "./tasks/mutations";
import { relativeReminderOffsets } from "./tasks/reminder-sync";
import { loadTaskViews, type TaskView } from "./tasks/view";
import { existingLabels } from "./undo/apply";
import { loadTaskSnapshot, type TaskSnapshot } from "./undo/snapshots";

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

/**
 * The first date of the series: the time of day and the COUNT/INTERVAL origin of every later date. A first
 * occurrence that was moved still starts the series at its rule date.
 */
export async function seriesStartOf(db: Executor, userId: string, task: Pick<TaskSnapshot, "id" | "seriesId" | "dueAt" | "occurrenceDate">): Promise<Date> {
  const own = new Date(task.occurrenceDate ?? task.dueAt!);
  if (!task.seriesId || task.seriesId === task.id) return own;
  const first = await loadTaskSnapshot(db, userId, task.seriesId);
  const start = first?.occurrenceDate ?? first?.dueAt;
  return start ? new Date(start) : own;
}

/** At most this many skipped dates in a row are passed over looking for the next occurrence. */
const MAX_SKIPPED_IN_A_ROW = 1000;

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

  const snapshot = await loadTaskSnapshot(ctx.db, ctx.userId, current.id);
  if (!snapshot) throw new NotFoundError("task", completed.id);
  const rule = current.recurrenceRule;
  const start = await seriesStartOf(ctx.db, ctx.userId, snapshot);
  const ruleDate = new Date(snapshot.occurrenceDate ?? current.dueAt);
  const completedAt = current.completedAt ?? (completed.completedAt ? new Date(completed.completedAt) : ctx.now());
  let index = current.occurrenceIndex;
  const ruleNext = (after: Date) => nextOccurrence({ rule, after, seriesStart: start, timeZone: ctx.timeZone, occurrencesSoFar: index });
  let dueAt: Date | null;
  if (current.recurrenceBasis === "completion") {
    // Counts from when the task was done, but never lands on or before the finished occurrence.
    const from = completedAt.getTime() > ruleDate.getTime() ? completedAt : ruleDate;
    const fromCompletion = nextFromCompletion({ rule, completedAt: from, seriesStart: start, timeZone: ctx.timeZone, occurrencesSoFar: index });
    dueAt = fromCompletion === undefined ? ruleNext(from) : fromCompletion;
  } else {
    dueAt = ruleNext(ruleDate);
  }
  // Skipped dates (EXDATE) use up their place in the series (RFC 5545 COUNT counts them) but create nothing.
  const skipped = new Set(snapshot.recurrenceExdates);
  for (let guard = 0; dueAt && skipped.has(dueAt.toISOString()) && guard < MAX_SKIPPED_IN_A_ROW; guard++) {
    index += 1;
    dueAt = ruleNext(dueAt);
  }
  if (!dueAt) return { status: "skipped", reason: "series-ended" };
  const occurrenceDate = dueAt;
  const move = snapshot.recurrenceMoves.find((m) => m.from === occurrenceDate.toISOString());
  const pinned = { ...snapshot, ...(snapshot.seriesValues ?? {}) };
  // Values pinned by a "this occurrence" edit may name a label deleted since; the next occurrence goes without it.
  const values = { ...pinned, ...(await existingLabels(ctx.db, ctx.userId, pinned)) };

  const offsets = [...new Set(await relativeReminderOffsets(ctx.db, current.id))];
  try {
    const task = await createTask(
      ctx,
      {
        title: values.title,
        description: values.description,
        priority: values.priority,
        dueAt: move ? new Date(move.to) : occurrenceDate,
        allDay: current.allDay,
        categoryId: values.categoryId,
        tagIds: values.tagIds,
        recurrenceRule: current.recurrenceRule,
        recurrenceBasis: current.recurrenceBasis,
        reminders: offsets.map((minutesBefore) => ({ minutesBefore })),
      },
      {
        seriesId: current.seriesId ?? current.id,
        previousOccurrenceId: current.id,
        occurrenceIndex: index + 1,
        occurrenceDate: move ? occurrenceDate : null,
        recurrenceExdates: snapshot.recurrenceExdates.filter((d) => d > occurrenceDate.toISOString()),
        recurrenceMoves: snapshot.recurrenceMoves.filter((m) => m.from > occurrenceDate.toISOString()),
      },
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
