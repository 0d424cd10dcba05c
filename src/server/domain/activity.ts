import { and, desc, eq, exists, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { activity, activityChanges } from "@/server/db/schema";
import { outboxInsert, writeEvents, type EventDraft } from "@/server/events/outbox-writer";
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

const activityRow = (ctx: DomainContext, d: ActivityDraft) => ({
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
});

/** The activity_changes rows of one entry; `activityId` is its id, or SQL that yields it. */
const changeRows = (ctx: DomainContext, d: ActivityDraft, activityId: number | SQL) =>
  (d.changes ?? []).map((c) => ({
    activityId,
    userId: ctx.userId,
    entityType: c.entityType,
    entityId: c.entityId,
    before: c.before as Record<string, unknown> | null,
    after: c.after as Record<string, unknown> | null,
  }));

/** Changes per INSERT: a 500-task bulk edit is 3,000 parameters per chunk of 500, well under the protocol's limit. */
const CHANGES_PER_INSERT = 500;

/** Writes activity entries (and their exact changes) in the caller's transaction; returns their ids in order. */
export async function recordActivity(tx: Executor, ctx: DomainContext, drafts: ActivityDraft[]): Promise<number[]> {
  if (drafts.length === 0) return [];
  const rows = await tx
    .insert(activity)
    .values(drafts.map((d) => activityRow(ctx, d)))
    .returning({ id: activity.id });
  const ids = rows.map((r) => r.id);
  const changes = drafts.flatMap((d, i) => changeRows(ctx, d, ids[i]!));
  for (let i = 0; i < changes.length; i += CHANGES_PER_INSERT) await tx.insert(activityChanges).values(changes.slice(i, i + CHANGES_PER_INSERT));
  ctx.recordedActivityIds?.push(...ids);
  return ids;
}

/**
 * Writes one activity entry, its exact changes and the events of the same change in the caller's transaction, as
 * ONE statement (data-modifying CTEs): on PostgreSQL one round trip instead of two after each other (the
 * changes need the entry's id), on the embedded database one call instead of three. Without an entry (a change
 * that is part of a larger one) only the events are written. Returns the entry's id (null without one).
 */
export async function recordActivityWithEvents(tx: Executor, ctx: DomainContext, draft: ActivityDraft | null, events: EventDraft[]): Promise<number | null> {
  if (!draft) {
    await writeEvents(tx, ctx, events);
    return null;
  }
  const changes = changeRows(ctx, draft, sql`(SELECT id FROM entry)`);
  if (events.length === 0 || changes.length > CHANGES_PER_INSERT) {
    const [[id]] = await Promise.all([recordActivity(tx, ctx, [draft]), writeEvents(tx, ctx, events)]);
    return id ?? null;
  }
  const entry = tx.insert(activity).values(activityRow(ctx, draft)).returning({ id: activity.id });
  const outboxRows = outboxInsert(tx, events.map((event) => ({ ctx, draft: event }))).insert;
  const result = await tx.execute(
    changes.length > 0
      ? sql`WITH entry AS ${entry}, changes AS ${tx.insert(activityChanges).values(changes)}, events AS ${outboxRows} SELECT id FROM entry`
      : sql`WITH entry AS ${entry}, events AS ${outboxRows} SELECT id FROM entry`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: number | string | bigint }[];
  const id = Number(rows[0]!.id);
  ctx.recordedActivityIds?.push(id);
  return id;
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
