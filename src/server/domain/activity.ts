import { and, desc, eq, exists, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { activity, activityChanges } from "@/server/db/schema";
import type { DomainContext } from "./context";
import type { EntitySnapshot, SnapshotEntity } from "./undo/snapshots";

/** One entity's exact state before and after a change (null = the row did not exist). */
export interface EntityChange {
  entityType: SnapshotEntity;
  entityId: string;
  before: EntitySnapshot | null;
  after: EntitySnapshot | null;
}

export interface ActivityDraft {
  entityType: "task" | "category" | "tag" | "reminder";
  entityId: string;
  action: string;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
  /** What the entry changed, exactly, so it can be reverted; several for a bulk edit or a label deletion. */
  changes?: EntityChange[];
}

/** Collects the ids of the activity entries a call writes (the domain appends to it). */
export const withActivityRecorder = (ctx: DomainContext): DomainContext & { recordedActivityIds: number[] } => ({ ...ctx, recordedActivityIds: [] });

/**
 * Runs a change and returns its result with the id of the activity entry it wrote (the last one, if several;
 * null when it changed nothing), so a client can undo exactly this change — reading the newest entry instead
 * would take back whatever another tab or the assistant did in between.
 */
export async function withActivityId<T extends object>(ctx: DomainContext, change: (ctx: DomainContext) => Promise<T>): Promise<T & { activityId: number | null }> {
  const recording = withActivityRecorder(ctx);
  const result = await change(recording);
  return { ...result, activityId: recording.recordedActivityIds.at(-1) ?? null };
}

/** Writes activity entries (and their exact changes) in the caller's transaction; returns their ids in order. */
export async function recordActivity(tx: Executor, ctx: DomainContext, drafts: ActivityDraft[]): Promise<number[]> {
  if (drafts.length === 0) return [];
  const rows = await tx
    .insert(activity)
    .values(
      drafts.map((d) => ({
        userId: ctx.userId,
        entityType: d.entityType,
        entityId: d.entityId,
        action: d.action,
        oldValues: d.oldValues ?? null,
        newValues: d.newValues ?? null,
        correlationId: ctx.correlationId,
        apiTokenId: ctx.apiToken?.id ?? null,
        actorName: ctx.apiToken?.name ?? null,
        createdAt: ctx.now(),
      })),
    )
    .returning({ id: activity.id });
  const ids = rows.map((r) => r.id);
  const changeRows = drafts.flatMap((d, i) =>
    (d.changes ?? []).map((c) => ({
      activityId: ids[i]!,
      userId: ctx.userId,
      entityType: c.entityType,
      entityId: c.entityId,
      before: c.before as Record<string, unknown> | null,
      after: c.after as Record<string, unknown> | null,
    })),
  );
  // Chunked: a 500-task bulk edit is 3,000 parameters per chunk of 500, well under the protocol's limit.
  for (let i = 0; i < changeRows.length; i += 500) await tx.insert(activityChanges).values(changeRows.slice(i, i + 500));
  ctx.recordedActivityIds?.push(...ids);
  return ids;
}

export const activityListInput = z.object({
  entityType: z.enum(["task", "category", "tag", "reminder"]).optional(),
  entityId: z.string().uuid().optional(),
  /** Only changes made through this API token. */
  apiTokenId: z.uuid().optional(),
  cursor: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ActivityListInput = z.input<typeof activityListInput>;

export async function listActivity(ctx: DomainContext, rawInput: ActivityListInput = {}) {
  const input = activityListInput.parse(rawInput);
  const rows = await ctx.db
    .select()
    .from(activity)
    .where(
      and(
        eq(activity.userId, ctx.userId),
        input.entityType ? eq(activity.entityType, input.entityType) : undefined,
        // A task's history includes the bulk edits and reverts that changed it among others.
        input.entityId
          ? or(
              eq(activity.entityId, input.entityId),
              exists(
                ctx.db
                  .select({ one: activityChanges.id })
                  .from(activityChanges)
                  .where(and(eq(activityChanges.activityId, activity.id), eq(activityChanges.userId, ctx.userId), eq(activityChanges.entityId, input.entityId))),
              ),
            )
          : undefined,
        input.apiTokenId ? eq(activity.apiTokenId, input.apiTokenId) : undefined,
        input.cursor ? lt(activity.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(activity.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ userId: _userId, ...row }) => row);
  const nextCursor = rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null;
  return { items, nextCursor };
}
