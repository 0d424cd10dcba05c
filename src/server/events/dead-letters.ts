import { desc, lt } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { deadLetters } from "@/server/db/schema";

export interface DeadLetterInput {
  topic: string;
  /** Who gave up on the event, e.g. "recurrence/task-completed". */
  consumer: string;
  event: unknown;
  reason: string;
  attempts: number;
}

export interface DeadLetter extends DeadLetterInput {
  id: number;
  eventId: string | null;
  createdAt: Date;
}

/** Keeps a poison event for inspection; dead letters are never dropped silently. */
export async function recordDeadLetter(db: Executor, input: DeadLetterInput): Promise<DeadLetter> {
  const [row] = await db
    .insert(deadLetters)
    .values({ ...input, eventId: eventIdOf(input.event), reason: input.reason.slice(0, 4_000) })
    .returning();
  if (!row) throw new Error("dead letter insert returned no row");
  return row;
}

/** Newest first; `cursor` is the `nextCursor` of the previous page. */
export async function listDeadLetters(
  db: Executor,
  options: { limit?: number; cursor?: string | null } = {},
): Promise<{ items: DeadLetter[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const before = options.cursor ? Number(options.cursor) : undefined;
  const rows = await db
    .select()
    .from(deadLetters)
    .where(before !== undefined && Number.isFinite(before) ? lt(deadLetters.id, before) : undefined)
    .orderBy(desc(deadLetters.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
}

export function eventIdOf(event: unknown): string | null {
  if (event && typeof event === "object" && "id" in event && typeof event.id === "string") return event.id;
  return null;
}
