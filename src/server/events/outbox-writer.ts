import { randomUUID } from "node:crypto";
import type { Executor } from "@/server/db/client";
import { outbox } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import type { CloudEvent, EventType, Topic } from "./catalog";

export interface EventDraft {
  topic: Topic;
  type: EventType;
  subject: string;
  data: unknown;
}

/** Builds the CloudEvent envelope; the event id doubles as the consumers' idempotency key. */
export function buildCloudEvent(ctx: Pick<DomainContext, "userId" | "source" | "correlationId" | "now">, draft: EventDraft): CloudEvent {
  return {
    specversion: "1.0",
    id: randomUUID(),
    source: ctx.source,
    type: draft.type,
    subject: draft.subject,
    time: ctx.now().toISOString(),
    datacontenttype: "application/json",
    userid: ctx.userId,
    correlationid: ctx.correlationId,
    data: draft.data,
  };
}

/** Writes events into the outbox inside the caller's transaction, so they commit with the change. */
export async function writeEvents(
  tx: Executor,
  ctx: Pick<DomainContext, "userId" | "source" | "correlationId" | "now">,
  drafts: EventDraft[],
): Promise<CloudEvent[]> {
  return writeEventBatch(tx, drafts.map((draft) => ({ ctx, draft })));
}

/** Like `writeEvents`, for events of several users (each keyed by its own user) in one insert. */
export async function writeEventBatch(
  tx: Executor,
  items: { ctx: Pick<DomainContext, "userId" | "source" | "correlationId" | "now">; draft: EventDraft }[],
): Promise<CloudEvent[]> {
  if (items.length === 0) return [];
  const { events, insert } = outboxInsert(tx, items);
  await insert;
  return events;
}

/**
 * The outbox INSERT for these events, built but not sent (it runs when awaited, or inside a larger statement:
 * `recordActivityWithEvents` writes it in one statement with the activity rows). `items` must not be empty.
 */
export function outboxInsert(tx: Executor, items: { ctx: Pick<DomainContext, "userId" | "source" | "correlationId" | "now">; draft: EventDraft }[]) {
  const events = items.map(({ ctx, draft }) => buildCloudEvent(ctx, draft));
  const insert = tx.insert(outbox).values(
    events.map((event, i) => ({
      eventId: event.id,
      topic: items[i]!.draft.topic,
      partitionKey: items[i]!.ctx.userId,
      event: event as unknown as Record<string, unknown>,
    })),
  );
  return { events, insert };
}
