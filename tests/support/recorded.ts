import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/server/db/client";
import { activity, outbox } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";

/** Everything the user's requests have recorded: activity rows and outbox events, oldest first. */
export async function recordedFor(handle: DatabaseHandle, ctx: DomainContext) {
  const db = handle.db;
  const activityRows = await db.select().from(activity).where(eq(activity.userId, ctx.userId)).orderBy(activity.id);
  const outboxRows = await db.select().from(outbox).where(eq(outbox.partitionKey, ctx.userId)).orderBy(outbox.id);
  return { activity: activityRows, outbox: outboxRows.map((row) => ({ topic: row.topic, event: row.event as { type: string; data: Record<string, unknown> } })) };
}
