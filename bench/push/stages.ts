import { and, inArray, sql } from "drizzle-orm";
import type { Database } from "@/server/db/client";
import { outbox } from "@/server/db/schema";
import { EVENT_TYPES } from "@/server/events/catalog";
import { summarize, type LatencySummary } from "../lib/percentiles";
import type { PushLoad } from "../../tests/support/push-double/scenario";

/**
 * Where the lateness of the pushes that were not held comes from, read back from the outbox (rows are kept a
 * day after publishing): each stage as ms after the due time, so the stage whose figure jumps is the bottleneck.
 *   wokeUp      — the timer's run that fired the reminder (reminder.due's event time)
 *   dueWritten  — reminder.due committed to the outbox (transaction start)
 *   duePublished — the relay recorded it delivered, i.e. the notification row was written
 *   sentPublished — reminder.sent delivered, i.e. the pushes of that reminder were sent
 */
export async function pushStages(db: Database, load: PushLoad): Promise<Record<string, LatencySummary>> {
  const rows = await db
    .select({ type: sql<string>`${outbox.event}->>'type'`, reminderId: sql<string>`${outbox.event}->'data'->>'reminderId'`, time: sql<string>`${outbox.event}->>'time'`, createdAt: outbox.createdAt, publishedAt: outbox.publishedAt })
    .from(outbox)
    .where(and(inArray(sql`${outbox.event}->>'type'`, [EVENT_TYPES.reminderDue, EVENT_TYPES.reminderSent]), inArray(sql`${outbox.event}->'data'->>'reminderId'`, load.reminderIds)));
  const due = load.dueAt.getTime();
  const stages: Record<string, number[]> = { wokeUp: [], dueWritten: [], duePublished: [], sentWritten: [], sentPublished: [] };
  for (const row of rows) {
    if (load.quietUserIds.has(load.reminderUser.get(row.reminderId) ?? "")) continue;
    const after = (d: Date | null) => (d ? d.getTime() - due : Number.NaN);
    if (row.type === EVENT_TYPES.reminderDue) {
      stages.wokeUp!.push(new Date(row.time).getTime() - due);
      stages.dueWritten!.push(after(row.createdAt));
      stages.duePublished!.push(after(row.publishedAt));
    } else {
      stages.sentWritten!.push(after(row.createdAt));
      stages.sentPublished!.push(after(row.publishedAt));
    }
  }
  return Object.fromEntries(Object.entries(stages).map(([name, values]) => [name, summarize(values)]));
}
