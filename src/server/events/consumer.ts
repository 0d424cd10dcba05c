import type { Executor, Transaction } from "@/server/db/client";
import { processedEvents } from "@/server/db/schema";

export interface ProcessOnceResult<T> {
  duplicate: boolean;
  result?: T;
}

/**
 * Idempotent consumer: records (consumer, event id) in the same transaction as the effect, so a redelivered
 * event is a no-op and a failed effect leaves no record (the redelivery then runs it again).
 * `tx` is a drizzle transaction, usable wherever a Database is expected; nested `.transaction` calls become savepoints.
 */
export async function processOnce<T>(
  db: Executor,
  consumer: string,
  eventId: string,
  effect: (tx: Transaction) => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  return db.transaction(async (tx) => {
    // A concurrent duplicate waits on this row's lock and then sees the conflict.
    const claimed = await tx
      .insert(processedEvents)
      .values({ consumer, eventId })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    if (claimed.length === 0) return { duplicate: true };
    return { duplicate: false, result: await effect(tx) };
  });
}
