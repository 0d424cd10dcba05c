// "Undo my last change", "revert the bulk edit": which activity entry that is, when no id is given.
import { and, desc, eq, exists, gt, isNull, max, ne } from "drizzle-orm";
import { activity, activityChanges } from "@/server/db/schema";
import type { DomainContext } from "../context";
import { NotFoundError } from "../errors";

export interface LatestEntry {
  id: number;
  action: string;
  entityType: string;
  /** Titles or names of what the entry changed (from its exact before/after states), in order. */
  names: string[];
}

/** The id of the user's newest activity entry (0 when there is none): what came after it is a session's own work. */
export async function newestActivityId(ctx: DomainContext): Promise<number> {
  const [row] = await ctx.db.select({ id: max(activity.id) }).from(activity).where(eq(activity.userId, ctx.userId));
  return Number(row?.id ?? 0);
}

/**
 * The newest entry that can still be undone: it recorded exact changes, was not reverted, and is not itself a
 * revert (so "undo" twice walks further back). Through an API token, only that token's own changes count;
 * with `after`, only entries newer than that one (a conversation undoes its own changes, never older ones).
 */
export async function latestRevertableEntry(ctx: DomainContext, options: { bulk?: boolean; after?: number } = {}): Promise<LatestEntry> {
  const [entry] = await ctx.db
    .select({ id: activity.id, action: activity.action, entityType: activity.entityType })
    .from(activity)
    .where(
      and(
        eq(activity.userId, ctx.userId),
        isNull(activity.revertedById),
        ne(activity.action, "reverted"),
        options.bulk ? eq(activity.action, "bulk") : undefined,
        options.after !== undefined ? gt(activity.id, options.after) : undefined,
        ctx.apiToken ? eq(activity.apiTokenId, ctx.apiToken.id) : undefined,
        exists(ctx.db.select({ one: activityChanges.id }).from(activityChanges).where(and(eq(activityChanges.activityId, activity.id), eq(activityChanges.userId, ctx.userId)))),
      ),
    )
    .orderBy(desc(activity.id))
    .limit(1);
  if (!entry) throw new NotFoundError("activity");
  const changes = await ctx.db
    .select({ before: activityChanges.before, after: activityChanges.after })
    .from(activityChanges)
    .where(and(eq(activityChanges.activityId, entry.id), eq(activityChanges.userId, ctx.userId)))
    .orderBy(activityChanges.id)
    .limit(6);
  const names = changes.map(({ before, after }) => String((after ?? before)?.title ?? (after ?? before)?.name ?? "")).filter(Boolean);
  return { ...entry, names };
}

/** What undoing an entry would touch, so an API token's undo can be held to the token's own changes and scopes. */
export async function entryUndoReach(ctx: DomainContext, id: number): Promise<{ byThisToken: boolean; removes: boolean }> {
  const [entry] = await ctx.db
    .select({ apiTokenId: activity.apiTokenId })
    .from(activity)
    .where(and(eq(activity.userId, ctx.userId), eq(activity.id, id)));
  if (!entry) throw new NotFoundError("activity", String(id));
  // An entry that created something is undone by removing it.
  const [creation] = await ctx.db
    .select({ id: activityChanges.id })
    .from(activityChanges)
    .where(and(eq(activityChanges.activityId, id), eq(activityChanges.userId, ctx.userId), isNull(activityChanges.before)))
    .limit(1);
  return { byThisToken: Boolean(ctx.apiToken && entry.apiTokenId === ctx.apiToken.id), removes: Boolean(creation) };
}
