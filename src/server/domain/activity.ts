import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { activity } from "@/server/db/schema";
import type { DomainContext } from "./context";

export interface ActivityDraft {
  entityType: "task" | "category" | "tag" | "reminder";
  entityId: string;
  action: string;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
}

export async function recordActivity(tx: Executor, ctx: DomainContext, drafts: ActivityDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.insert(activity).values(
    drafts.map((d) => ({
      userId: ctx.userId,
      entityType: d.entityType,
      entityId: d.entityId,
      action: d.action,
      oldValues: d.oldValues ?? null,
      newValues: d.newValues ?? null,
      correlationId: ctx.correlationId,
      createdAt: ctx.now(),
    })),
  );
}

export const activityListInput = z.object({
  entityType: z.enum(["task", "category", "tag", "reminder"]).optional(),
  entityId: z.string().uuid().optional(),
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
        input.entityId ? eq(activity.entityId, input.entityId) : undefined,
        input.cursor ? lt(activity.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(activity.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ userId: _userId, ...row }) => row);
  const nextCursor = rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null;
  return { items, nextCursor };
}
