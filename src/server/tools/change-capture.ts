import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { activityChanges } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import type { EntitySnapshot, LabelSnapshot, TaskSnapshot } from "@/server/domain/undo/snapshots";

/**
 * What one tool call changed, read back from the exact before/after states (activity_changes) that the
 * domain recorded for it inside the still-open transaction. Because it reads what the domain actually did,
 * a dry run's preview is the exact change, not a prediction of it.
 */

export interface ToolChange {
  entity: "task" | "category" | "tag";
  id: string;
  /** created, updated, completed, uncompleted, deleted, restored. */
  action: string;
  /** The task's title, or the category's / tag's name. */
  label: string;
  /** The fields that differ, before and after (snake_case, as the tools name them); null when the row did not exist. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** For tasks: the category before and after (undefined before creation): restricted tokens may touch only theirs. */
  categoryBefore?: string | null;
  categoryAfter?: string | null;
}

const FIELD_NAMES: Record<string, string> = {
  dueAt: "due_date",
  allDay: "all_day",
  completedAt: "completed_at",
  categoryId: "category_id",
  tagIds: "tag_ids",
  recurrenceRule: "recurrence_rule",
  recurrenceBasis: "recurrence_basis",
  seriesId: "series_id",
  previousOccurrenceId: "previous_occurrence_id",
  occurrenceIndex: "occurrence_index",
  recurrenceExdates: "recurrence_exdates",
  recurrenceMoves: "recurrence_moves",
  occurrenceDate: "occurrence_date",
  seriesValues: "series_values",
  createdAt: "created_at",
  deletedAt: "deleted_at",
};
const snakeName = (key: string) => FIELD_NAMES[key] ?? key;

function diff(before: EntitySnapshot | null, after: EntitySnapshot | null) {
  if (!before || !after) {
    const whole = (s: EntitySnapshot | null) => s && Object.fromEntries(Object.entries(s).filter(([k]) => k !== "id").map(([k, v]) => [snakeName(k), v]));
    return { before: whole(before), after: whole(after) };
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify((before as unknown as Record<string, unknown>)[k]) !== JSON.stringify((after as unknown as Record<string, unknown>)[k]),
  );
  const pick = (s: EntitySnapshot) => Object.fromEntries(keys.map((k) => [snakeName(k), (s as unknown as Record<string, unknown>)[k]]));
  return { before: pick(before), after: pick(after) };
}

function actionOf(before: EntitySnapshot | null, after: EntitySnapshot | null): string {
  if (!before) return "created";
  if (!after) return "deleted";
  if ("title" in before && "title" in after) {
    if (!before.deletedAt && after.deletedAt) return "deleted";
    if (before.deletedAt && !after.deletedAt) return "restored";
    if (!before.completed && after.completed) return "completed";
    if (before.completed && !after.completed) return "uncompleted";
  }
  return "updated";
}

export async function captureChanges(tx: Executor, ctx: DomainContext & { recordedActivityIds: number[] }): Promise<ToolChange[]> {
  if (ctx.recordedActivityIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(activityChanges)
    .where(and(eq(activityChanges.userId, ctx.userId), inArray(activityChanges.activityId, ctx.recordedActivityIds)))
    .orderBy(asc(activityChanges.id));
  // Several entries may touch one entity in one call: the first "before" and the last "after" count.
  const merged = new Map<string, { entity: ToolChange["entity"]; id: string; before: EntitySnapshot | null; after: EntitySnapshot | null }>();
  for (const row of rows) {
    const key = `${row.entityType}:${row.entityId}`;
    const seen = merged.get(key);
    const after = row.after as EntitySnapshot | null;
    if (seen) seen.after = after;
    else merged.set(key, { entity: row.entityType as ToolChange["entity"], id: row.entityId, before: row.before as EntitySnapshot | null, after });
  }
  return [...merged.values()].flatMap(({ entity, id, before, after }) => {
    const action = actionOf(before, after);
    const values = diff(before, after);
    if (action === "updated" && Object.keys(values.after ?? {}).length === 0) return [];
    const state = (after ?? before)!;
    const change: ToolChange = { entity, id, action, label: "title" in state ? (state as TaskSnapshot).title : (state as LabelSnapshot).name, ...values };
    if (entity === "task") {
      change.categoryBefore = before ? (before as TaskSnapshot).categoryId : undefined;
      change.categoryAfter = after ? (after as TaskSnapshot).categoryId : null;
    }
    return [change];
  });
}

/** "task:<id>:deleted": what a confirmation binds to. */
export const changeKey = (change: ToolChange) => `${change.entity}:${change.id}:${change.action}`;

const NOUNS = { task: ["task", "tasks"], category: ["category", "categories"], tag: ["tag", "tags"] } as const;
const VERBS: Record<string, string> = {
  created: "create",
  updated: "change",
  completed: "complete",
  uncompleted: "reopen",
  deleted: "delete",
  restored: "restore",
};

/** `delete 3 tasks ("A", "B", "C"); change 1 category ("Work")` — at most five names per group. */
export function describeChanges(changes: ToolChange[]): string {
  if (changes.length === 0) return "change nothing";
  const groups = new Map<string, ToolChange[]>();
  for (const change of changes) {
    const key = `${VERBS[change.action] ?? change.action}|${change.entity}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const [verb, entity] = key.split("|") as [string, ToolChange["entity"]];
      const names = group.slice(0, 5).map((c) => `"${c.label}"`).join(", ");
      const more = group.length > 5 ? ` and ${group.length - 5} more` : "";
      return `${verb} ${group.length} ${NOUNS[entity][group.length === 1 ? 0 : 1]} (${names}${more})`;
    })
    .join("; ");
}
