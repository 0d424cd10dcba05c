import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { activity, activityChanges, tasks } from "@/server/db/schema";
import { recordActivity, type EntityChange } from "../activity";
import type { DomainContext } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { applyLabelState, applyTaskState } from "./apply";
import { changedGroups, displayValue, groupValue, withGroup } from "./fields";
import { loadSnapshot, loadTaskSnapshot, type EntitySnapshot, type LabelSnapshot, type SnapshotEntity, type TaskSnapshot } from "./snapshots";

export const activityRevertInput = z
  .object({
    id: z.number().int().positive("must be the id of an activity entry"),
    /** After a conflict: revert everything except the fields that changed since. */
    applyRest: z.boolean().optional(),
  })
  .strict();
export type ActivityRevertInput = z.input<typeof activityRevertInput>;

/** A field the revert would overwrite because it changed after the entry (or the entity came or went since). */
export interface RevertConflict {
  entryId: number;
  entityType: SnapshotEntity;
  entityId: string;
  /** The task's title or the label's name, for the message. */
  name: string;
  field: string;
  /** The value now (what the revert would overwrite). */
  now: unknown;
}

export interface RevertResult {
  /** The new activity entry that records the revert (revert it to redo). */
  activityId: number;
  reverted: number[];
  /** Fields left as they are because they changed since (only with applyRest). */
  skipped: RevertConflict[];
  /** Entities the revert changed. */
  changed: number;
}

const nameOf = (snapshot: EntitySnapshot | null) =>
  snapshot ? ("title" in snapshot ? (snapshot as TaskSnapshot).title : (snapshot as LabelSnapshot).name) : "";

function conflictMessage(conflicts: RevertConflict[]): string {
  const parts = conflicts.slice(0, 5).map((c) =>
    c.field === "exists"
      ? `${c.entityType} “${c.name}” ${c.now ? "exists again" : "was removed"} since`
      : `${c.field} of ${c.entityType} “${c.name}” changed since (now ${JSON.stringify(c.now)})`,
  );
  const more = conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : "";
  return `${parts.join("; ")}${more}. Revert with applyRest to undo everything else and keep ${conflicts.length === 1 ? "that change" : "those changes"}.`;
}

interface Plan {
  change: EntityChange;
  current: EntitySnapshot | null;
  target: EntitySnapshot | null;
}

/** What reverting one entity's change means now: the state to write, and the later changes it would overwrite. */
function planChange(entryId: number, change: EntityChange, current: EntitySnapshot | null, conflicts: RevertConflict[]): Plan | null {
  const entity = change.entityType;
  const { before, after } = change;
  const conflict = (field: string, now: unknown) =>
    conflicts.push({ entryId, entityType: entity, entityId: change.entityId, name: nameOf(current ?? after ?? before), field, now });
  if (!after) {
    // The entry removed the row: put it back, unless something put it back since.
    if (current) {
      conflict("exists", true);
      return null;
    }
    return { change, current, target: before };
  }
  if (!current) {
    conflict("exists", false);
    return null;
  }
  if (!before) {
    // The entry created it: remove it, unless it was edited since (then keep it whole).
    const edited = changedGroups(entity, after, current);
    if (edited.length === 0) return { change, current, target: null };
    for (const group of edited) conflict(group, displayValue(entity, current, group));
    return null;
  }
  let target: EntitySnapshot = current;
  for (const group of changedGroups(entity, before, after)) {
    if (groupValue(entity, current, group) === groupValue(entity, after, group)) target = withGroup(entity, target, before, group);
    else conflict(group, displayValue(entity, current, group));
  }
  return changedGroups(entity, current, target).length > 0 ? { change, current, target } : null;
}

async function apply(tx: Executor, ctx: DomainContext, plan: Plan, collect: EntityChange[]) {
  if (plan.change.entityType === "task") {
    await applyTaskState(tx, ctx, plan.current as TaskSnapshot | null, plan.target as TaskSnapshot | null, collect);
    const reopened = plan.current && plan.target && (plan.current as TaskSnapshot).completed && !(plan.target as TaskSnapshot).completed;
    if (reopened) await withdrawNextOccurrence(tx, ctx, plan.change.entityId, collect);
  } else {
    await applyLabelState(tx, ctx, plan.change.entityType, plan.current as LabelSnapshot | null, plan.target as LabelSnapshot | null, collect);
  }
}

/**
 * Reopening a completed occurrence takes back the occurrence its completion generated, as long as nobody touched
 * that one yet (otherwise both stay, and the person decides).
 */
async function withdrawNextOccurrence(tx: Executor, ctx: DomainContext, taskId: string, collect: EntityChange[]) {
  const [next] = await tx
    .select({ id: tasks.id, version: tasks.version })
    .from(tasks)
    .where(and(eq(tasks.previousOccurrenceId, taskId), eq(tasks.userId, ctx.userId), isNull(tasks.deletedAt)));
  if (!next || next.version !== 1) return;
  await applyTaskState(tx, ctx, await loadTaskSnapshot(tx, ctx.userId, next.id), null, collect);
}

/**
 * Labels come back before the tasks that point at them, and go away after the tasks stop pointing at them.
 * Within each group, the entry's own changes are undone last-first.
 */
function revertOrder(changes: EntityChange[]): EntityChange[] {
  const reversed = [...changes].reverse();
  const rank = (c: EntityChange) => (c.entityType === "task" ? 1 : c.before ? 0 : 2);
  return reversed.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

/**
 * Reverts activity entries (newest first) in one transaction and records ONE new entry for it, which can itself be
 * reverted. Without `applyRest`, any field changed since the entries fails the whole revert with a conflict naming it.
 * Reusable for "revert everything this token did": pass all of its entry ids.
 */
export async function revertActivitiesIn(
  tx: Executor,
  ctx: DomainContext,
  ids: readonly number[],
  options: { applyRest?: boolean } = {},
): Promise<RevertResult> {
  const unique = [...new Set(ids)].sort((a, b) => b - a);
  if (unique.length === 0) throw new ValidationError("id", "name at least one activity entry to revert");
  const entries = await tx
    .select()
    .from(activity)
    .where(and(eq(activity.userId, ctx.userId), inArray(activity.id, unique)));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing !== undefined) throw new NotFoundError("activity", String(missing));
  const undone = entries.find((e) => e.revertedById !== null);
  if (undone) throw new ConflictError(`activity entry ${undone.id} was already reverted (by entry ${undone.revertedById}); revert that entry to redo it`);

  const changeRows = await tx
    .select()
    .from(activityChanges)
    .where(and(eq(activityChanges.userId, ctx.userId), inArray(activityChanges.activityId, unique)))
    .orderBy(asc(activityChanges.id));
  const changesOf = new Map<number, EntityChange[]>();
  for (const row of changeRows) {
    const list = changesOf.get(row.activityId) ?? [];
    list.push({ entityType: row.entityType as SnapshotEntity, entityId: row.entityId, before: row.before as EntitySnapshot | null, after: row.after as EntitySnapshot | null });
    changesOf.set(row.activityId, list);
  }
  // A revert that found nothing to change holds no rows, and reverting it is as empty.
  const unrecorded = unique.find((id) => !changesOf.has(id) && byId.get(id)!.action !== "reverted");
  if (unrecorded !== undefined) {
    throw new ValidationError("id", `activity entry ${unrecorded} holds no recorded change to revert (it predates undo, or only tells what happened)`);
  }

  const conflicts: RevertConflict[] = [];
  const collect: EntityChange[] = [];
  for (const id of unique) {
    for (const change of revertOrder(changesOf.get(id) ?? [])) {
      const current = await loadSnapshot(tx, change.entityType, ctx.userId, change.entityId);
      const plan = planChange(id, change, current, conflicts);
      if (plan) await apply(tx, ctx, plan, collect);
    }
  }
  if (conflicts.length > 0 && !options.applyRest) throw new ConflictError(conflictMessage(conflicts), { conflicts });
  if (collect.length === 0 && conflicts.length > 0) throw new ConflictError(`nothing left to revert: ${conflictMessage(conflicts)}`, { conflicts });

  const single = unique.length === 1 ? byId.get(unique[0]!)! : null;
  const [activityId] = await recordActivity(tx, ctx, [
    {
      entityType: (single?.entityType ?? "task") as "task" | "category" | "tag",
      entityId: single?.entityId ?? ctx.correlationId,
      action: "reverted",
      oldValues: null,
      newValues: {
        revertOf: unique,
        undone: single ? { entityType: single.entityType, action: single.action, oldValues: single.oldValues, newValues: single.newValues } : null,
        count: unique.length,
        kept: conflicts.map((c) => ({ entityType: c.entityType, entityId: c.entityId, field: c.field })),
      },
      changes: collect,
    },
  ]);
  await tx.update(activity).set({ revertedById: activityId! }).where(and(eq(activity.userId, ctx.userId), inArray(activity.id, unique)));
  // Reverting a revert redoes the original: it counts as not reverted any more.
  const redone = entries.flatMap((e) => (e.action === "reverted" ? revertedIdsOf(e.newValues) : []));
  if (redone.length > 0) await tx.update(activity).set({ revertedById: null }).where(and(eq(activity.userId, ctx.userId), inArray(activity.id, redone)));
  return { activityId: activityId!, reverted: unique, skipped: conflicts, changed: collect.length };
}

function revertedIdsOf(values: Record<string, unknown> | null): number[] {
  const ids = values?.revertOf;
  return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === "number") : [];
}

export function revertActivities(ctx: DomainContext, ids: readonly number[], options: { applyRest?: boolean } = {}): Promise<RevertResult> {
  return ctx.db.transaction((tx) => revertActivitiesIn(tx, ctx, ids, options));
}

/** `activity.revert({ id })`: undo one entry from the activity log (a bulk edit is one entry). */
export function revertActivity(ctx: DomainContext, rawInput: ActivityRevertInput): Promise<RevertResult> {
  const input = activityRevertInput.parse(rawInput);
  return revertActivities(ctx, [input.id], { applyRest: input.applyRest });
}
