import { and, eq, sql, type SQL } from "drizzle-orm";
import { isAnyUuid } from "@/server/db/any-uuid";
import type { Executor } from "@/server/db/client";
import { categories, tags, tasks, type RecurrenceMove, type SeriesValues } from "@/server/db/schema";
import { loadTaskViewsWith, taskColumns, type TaskView } from "../tasks/view";

/**
 * Exact, JSON-safe states of the rows a change touches. An activity entry stores one before and one after
 * per entity, so a revert can put back precisely what was there (ids, timestamps, links), field by field.
 * `version` and `updatedAt` are left out on purpose: a revert is a new change and moves them forward, so
 * an editor holding the old version still gets a conflict instead of silently overwriting.
 */
export interface ReminderSnapshot {
  id: string;
  remindAt: string;
  minutesBefore: number | null;
  status: "pending" | "sent" | "failed" | "cancelled";
  sentAt: string | null;
  createdAt: string;
}

export interface TaskSnapshot {
  id: string;
  title: string;
  description: string;
  priority: "low" | "medium" | "high" | "urgent";
  dueAt: string | null;
  allDay: boolean;
  completed: boolean;
  completedAt: string | null;
  categoryId: string | null;
  tagIds: string[];
  recurrenceRule: string | null;
  recurrenceBasis: "due" | "completion";
  seriesId: string | null;
  previousOccurrenceId: string | null;
  occurrenceIndex: number;
  recurrenceExdates: string[];
  recurrenceMoves: RecurrenceMove[];
  occurrenceDate: string | null;
  seriesValues: SeriesValues | null;
  reminders: ReminderSnapshot[];
  createdAt: string;
  deletedAt: string | null;
}

export interface LabelSnapshot {
  id: string;
  name: string;
  color: string | null;
  createdAt: string;
}

export type EntitySnapshot = TaskSnapshot | LabelSnapshot;
export type SnapshotEntity = "task" | "category" | "tag";

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const parseJson = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/**
 * The columns a snapshot keeps: the task view's own columns (one list, in tasks/view.ts) without the owner and
 * the two a revert moves forward; the occurrence bookkeeping views do not show is added where they are read.
 */
const { userId: _userId, version: _version, updatedAt: _updatedAt, ...snapshotTaskColumns } = taskColumns;

/** The task row's own columns as a snapshot keeps them; what `snapshotRowColumns` selects (or an UPDATE returns). */
export const snapshotRowColumns = {
  ...snapshotTaskColumns,
  recurrenceExdates: tasks.recurrenceExdates,
  recurrenceMoves: tasks.recurrenceMoves,
  occurrenceDate: tasks.occurrenceDate,
  seriesValues: tasks.seriesValues,
};

type SnapshotRow = { [K in keyof typeof snapshotRowColumns]: (typeof snapshotRowColumns)[K]["_"]["data"] | ((typeof snapshotRowColumns)[K]["_"]["notNull"] extends true ? never : null) };

export function snapshotScalars(row: SnapshotRow): Omit<TaskSnapshot, "tagIds" | "reminders"> {
  return {
    ...row,
    dueAt: iso(row.dueAt),
    completedAt: iso(row.completedAt),
    occurrenceDate: iso(row.occurrenceDate),
    createdAt: iso(row.createdAt)!,
    deletedAt: iso(row.deletedAt),
    recurrenceExdates: [...row.recurrenceExdates],
    recurrenceMoves: [...row.recurrenceMoves],
  };
}

// Written out in full: without a join drizzle leaves columns unqualified, and "id" inside the subquery would then
// mean the reminder's own id.
const tagIdsJson = sql<unknown>`(SELECT coalesce(json_agg(tt.tag_id ORDER BY tt.tag_id), '[]'::json) FROM task_tags tt WHERE tt.task_id = "tasks"."id")`;
const remindersJson = sql<unknown>`(SELECT coalesce(json_agg(json_build_object('id', r.id, 'remindAt', r.remind_at, 'minutesBefore', r.minutes_before,
    'status', r.status, 'sentAt', r.sent_at, 'createdAt', r.created_at) ORDER BY r.id), '[]'::json) FROM reminders r WHERE r.task_id = "tasks"."id")`;

function toSnapshot(row: SnapshotRow, tagIds: unknown, reminders: unknown): TaskSnapshot {
  return {
    ...snapshotScalars(row),
    tagIds: parseJson<string[]>(tagIds),
    reminders: parseJson<ReminderSnapshot[]>(reminders).map((r) => ({
      id: r.id,
      remindAt: iso(r.remindAt)!,
      minutesBefore: r.minutesBefore,
      status: r.status,
      sentAt: iso(r.sentAt),
      createdAt: iso(r.createdAt)!,
    })),
  };
}

/** Full states of the given tasks of one user (deleted ones included), keyed by id; one round trip. */
export async function loadTaskSnapshots(db: Executor, userId: string, ids: readonly string[]): Promise<Map<string, TaskSnapshot>> {
  const result = new Map<string, TaskSnapshot>();
  if (ids.length === 0) return result;
  const rows = await db
    .select({ ...snapshotRowColumns, tagIdsJson, remindersJson })
    .from(tasks)
    .where(and(eq(tasks.userId, userId), isAnyUuid(tasks.id, ids)));
  for (const { tagIdsJson: tagIds, remindersJson: reminders, ...rest } of rows) result.set(rest.id, toSnapshot(rest, tagIds, reminders));
  return result;
}

/** The snapshot columns a task view does not carry, selected beside it by `loadTaskWithSnapshot`. */
const { previousOccurrenceId, recurrenceExdates, recurrenceMoves, occurrenceDate, seriesValues } = snapshotRowColumns;
const snapshotExtras = { previousOccurrenceId, recurrenceExdates, recurrenceMoves, occurrenceDate, seriesValues, tagIdsJson, remindersJson };
type SnapshotExtras = Pick<SnapshotRow, "previousOccurrenceId" | "recurrenceExdates" | "recurrenceMoves" | "occurrenceDate" | "seriesValues"> & { tagIdsJson: unknown; remindersJson: unknown };

/**
 * A task's view and its exact snapshot from one query (a change reads both before it and, for tags or reminders,
 * after it): on the embedded database every statement costs its own pass through PGlite, even when pipelined.
 */
export async function loadTaskWithSnapshot(db: Executor, userId: string, id: string): Promise<{ view: TaskView; snapshot: TaskSnapshot } | null> {
  const [found] = await loadTaskViewsWith(db, userId, [id], snapshotExtras as unknown as Record<string, SQL>, { includeDeleted: false });
  if (!found) return null;
  const { view } = found;
  const { tagIdsJson: tagIds, remindersJson: reminders, ...extra } = found.extra as SnapshotExtras;
  const row: SnapshotRow = {
    id: view.id,
    title: view.title,
    description: view.description,
    priority: view.priority,
    dueAt: view.dueAt,
    allDay: view.allDay,
    completed: view.completed,
    completedAt: view.completedAt,
    categoryId: view.categoryId,
    recurrenceRule: view.recurrenceRule,
    recurrenceBasis: view.recurrenceBasis,
    seriesId: view.seriesId,
    occurrenceIndex: view.occurrenceIndex,
    createdAt: view.createdAt,
    deletedAt: view.deletedAt,
    ...extra,
  };
  return { view, snapshot: toSnapshot(row, tagIds, reminders) };
}

export async function loadTaskSnapshot(db: Executor, userId: string, id: string): Promise<TaskSnapshot | null> {
  return (await loadTaskSnapshots(db, userId, [id])).get(id) ?? null;
}

export const labelTable = (entity: "category" | "tag") => (entity === "category" ? categories : tags);

export async function loadLabelSnapshot(db: Executor, entity: "category" | "tag", userId: string, id: string): Promise<LabelSnapshot | null> {
  const table = labelTable(entity);
  const [row] = await db
    .select({ id: table.id, name: table.name, color: table.color, createdAt: table.createdAt })
    .from(table)
    .where(and(eq(table.id, id), eq(table.userId, userId)));
  return row ? { ...row, createdAt: row.createdAt.toISOString() } : null;
}

export function loadSnapshot(db: Executor, entity: SnapshotEntity, userId: string, id: string): Promise<EntitySnapshot | null> {
  return entity === "task" ? loadTaskSnapshot(db, userId, id) : loadLabelSnapshot(db, entity, userId, id);
}
