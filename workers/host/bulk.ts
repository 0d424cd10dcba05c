import { z } from "zod";
import type { EventSubscription } from "@/server/events/worker-types";
import type { DaprStatus, DeliveryHandler } from "./delivery";

/** `bulkSubscribe` of a `GET /dapr/subscribe` entry (Dapr's alpha bulk subscribe). */
export interface BulkSubscribeConfig {
  enabled: boolean;
  maxMessagesCount?: number;
  maxAwaitDurationMs?: number;
}

/**
 * Up to 100 events per request; a lone event waits at most 20 ms for company, which keeps reminder
 * and real-time latency far inside their budgets while a busy topic gets full bulks.
 */
export const DEFAULT_BULK_SUBSCRIBE: BulkSubscribeConfig = { enabled: true, maxMessagesCount: 100, maxAwaitDurationMs: 20 };

/** What the sidecar POSTs to a bulk subscription's path (type `com.dapr.event.sent.bulk`). */
export const bulkEnvelopeSchema = z.looseObject({
  id: z.string().optional(),
  entries: z.array(
    z.looseObject({
      entryId: z.string().min(1),
      event: z.unknown(),
      contentType: z.string().optional(),
      metadata: z.record(z.string(), z.string()).nullish(),
    }),
  ),
  topic: z.string().optional(),
  pubsubname: z.string().optional(),
  type: z.string().optional(),
});
export type BulkEnvelope = z.infer<typeof bulkEnvelopeSchema>;

export interface BulkAnswer {
  statuses: { entryId: string; status: DaprStatus }[];
}

/** A single delivery is a CloudEvent (has `specversion`); a bulk one carries `entries` instead. */
export function looksLikeBulk(json: unknown): boolean {
  if (json === null || typeof json !== "object") return false;
  const body = json as Record<string, unknown>;
  return Array.isArray(body.entries) && !("specversion" in body);
}

/** How many users' entries of one bulk run at the same time (each is a short DB transaction). */
const CONCURRENT_KEYS = 16;

/**
 * Handles a bulk delivery entry by entry with the same per-event rules as single deliveries (idempotent
 * consumers, RETRY on a throw, DROP → the sidecar dead-letters that entry only). Entries of one user run in
 * entry order; after one asks for RETRY, that user's later entries are answered RETRY untouched, so a
 * redelivery can never apply a user's events out of order. Different users run concurrently.
 */
export async function deliverBulk(
  delivery: DeliveryHandler,
  subscriptions: readonly EventSubscription[],
  envelope: BulkEnvelope,
): Promise<BulkAnswer> {
  const statuses = new Map<string, DaprStatus>();
  const byKey = new Map<string, BulkEnvelope["entries"]>();
  for (const entry of envelope.entries) {
    const key = userKey(entry.event) ?? `entry:${entry.entryId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const queues = [...byKey.values()];
  const runKey = async (entries: BulkEnvelope["entries"]) => {
    let blocked = false;
    for (const entry of entries) {
      const status: DaprStatus = blocked ? "RETRY" : await delivery.deliverEvent(subscriptions, asJsonBody(entry.event));
      if (status === "RETRY") blocked = true;
      statuses.set(entry.entryId, status);
    }
  };
  const workers = Array.from({ length: Math.min(CONCURRENT_KEYS, queues.length) }, async () => {
    for (let next = queues.shift(); next; next = queues.shift()) await runKey(next);
  });
  await Promise.all(workers);
  return { statuses: envelope.entries.map((entry) => ({ entryId: entry.entryId, status: statuses.get(entry.entryId) ?? "RETRY" })) };
}

/** Cadence events carry their user (the partition key) in the `userid` extension. */
function userKey(event: unknown): string | undefined {
  const userid = (event as { userid?: unknown } | null)?.userid;
  return typeof userid === "string" && userid !== "" ? `user:${userid}` : undefined;
}

/** Entries with a JSON content type arrive parsed; a string event is JSON text or not an event at all. */
function asJsonBody(event: unknown): { json: unknown } | undefined {
  if (typeof event !== "string") return { json: event };
  try {
    return { json: JSON.parse(event) as unknown };
  } catch {
    return undefined;
  }
}
