import { randomUUID } from "node:crypto";
import { and, asc, eq, exists, gt, isNull, lte, min, or, sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { notifications, processedEvents, webhookDeliveries, webhookEndpoints } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS, type CloudEvent } from "@/server/events/catalog";
import { writeEvents } from "@/server/events/outbox-writer";
import { recordWebhookAttempt } from "./metrics";
import { openWebhookSecret } from "./secrets";
import { sendWebhook, WEBHOOK_TIMEOUT_MS, type SendResult } from "./send";
import { signWebhook } from "./signing";

/**
 * The sending side of outgoing webhooks (run by the `webhooks` worker). Per endpoint, only the oldest pending
 * delivery is ever tried, so a receiver sees its messages in order; after a failure the endpoint waits until
 * `retry_at` (exponential backoff with jitter) and a scheduler (Dapr Jobs API or the embedded durable timer)
 * wakes it. One sender per endpoint across replicas holds the row's lease.
 */
export interface WebhookDispatchOptions {
  allowPrivateNetworks: boolean;
  /** First retry delay; doubles per failed attempt up to retryMaxMs, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A message is retried at least this long before it is given up. */
  retryWindowMs?: number;
  /** An endpoint failing without a single success for this long is disabled and its owner notified. */
  disableAfterMs?: number;
  timeoutMs?: number;
  leaseMs?: number;
  /** Stops after the message in flight (worker shutdown); the rest stays pending for the next sender. */
  signal?: AbortSignal;
  now?: () => Date;
  /**
   * Asked when the pending deliveries read so far are sent: true when more were queued meanwhile, so the sender
   * keeps its lease and reads the next page instead of releasing and claiming the endpoint again.
   */
  moreQueued?: () => boolean;
}

export const WEBHOOKS_CONSUMER = "webhooks/enqueue";
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RETRY_BASE_MS = 5_000;
export const DEFAULT_RETRY_MAX_MS = 60 * 60 * 1000;
export const DEFAULT_RETRY_WINDOW_MS = 3 * DAY_MS;
export const DEFAULT_DISABLE_AFTER_MS = 3 * DAY_MS;
const DEFAULT_LEASE_MS = 60_000;
const PAGE_SIZE = 50;
const WEBHOOKS_SOURCE = "cadence/webhooks";

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many endpoints spread out. */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, failedAttempts - 1), maxMs);
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Turns a CloudEvent into one pending delivery per enabled endpoint of its user that subscribes to its type,
 * once per event id (idempotent consumer). Returns the endpoints that got work.
 *
 * One statement (its own transaction) does it all: it claims the event for this consumer only when an endpoint
 * subscribes (most users have none, and they get no processed-event row) and inserts the deliveries only when the
 * claim is new. A concurrent duplicate waits on the claim's row lock and then inserts nothing. Six round trips
 * per event here were the ceiling of the whole pipeline (~25 events/s for one user, whose events are handled in order).
 */
export async function enqueueWebhookEvent(db: Executor, event: CloudEvent, now: Date = new Date()): Promise<string[]> {
  const userId = event.userid;
  if (!userId) return [];
  const result = await db.execute(sql`
    WITH targets AS (
      SELECT ${webhookEndpoints.id} AS id FROM ${webhookEndpoints}
      WHERE ${webhookEndpoints.userId} = ${userId} AND ${webhookEndpoints.enabled} AND ${event.type} = ANY(${webhookEndpoints.eventTypes})
    ), claimed AS (
      INSERT INTO ${processedEvents} (consumer, event_id)
      SELECT ${WEBHOOKS_CONSUMER}, ${event.id} WHERE EXISTS (SELECT 1 FROM targets)
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    INSERT INTO ${webhookDeliveries} (endpoint_id, user_id, message_id, event_type, payload, created_at)
    SELECT targets.id, ${userId}, ${event.id}, ${event.type}, ${JSON.stringify(event)}::jsonb, ${now.toISOString()}::timestamptz
    FROM targets WHERE EXISTS (SELECT 1 FROM claimed)
    ORDER BY targets.id
    RETURNING endpoint_id`);
  return rowsOf<{ endpoint_id: string }>(result).map((row) => row.endpoint_id);
}

/** `execute` answers an array (postgres.js) or `{ rows }` (PGlite). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const hasPending = exists(
  sql`(SELECT 1 FROM ${webhookDeliveries} WHERE ${webhookDeliveries.endpointId} = ${webhookEndpoints.id} AND ${webhookDeliveries.status} = 'pending')`,
);

/** Enabled endpoints with a pending delivery that may be tried now. */
export async function dueWebhookEndpoints(db: Executor, now: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), or(isNull(webhookEndpoints.retryAt), lte(webhookEndpoints.retryAt, now)), hasPending))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The earliest future retry of an enabled endpoint with pending deliveries (for the embedded timer). */
export async function nextWebhookRetryAt(db: Executor, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(webhookEndpoints.retryAt) })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), gt(webhookEndpoints.retryAt, now), hasPending));
  return row?.at ?? null;
}

export type DrainResult =
  | { status: "idle" } // nothing left to send
  | { status: "waiting"; retryAt: Date } // the oldest pending failed; try again then
  | { status: "busy" } // another sender holds the lease, or the endpoint is disabled / gone
  | { status: "disabled" };

/**
 * Sends the endpoint's pending deliveries oldest first until none is left or one fails.
 * At-least-once: a crash between sending and recording sends the message again with the same `webhook-id`.
 */
export async function drainWebhookEndpoint(db: Executor, endpointId: string, options: WebhookDispatchOptions): Promise<DrainResult> {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const leaseUntil = () => new Date(now().getTime() + leaseMs);
  const [claimed] = await db
    .update(webhookEndpoints)
    .set({ leaseUntil: leaseUntil() })
    .where(
      and(
        eq(webhookEndpoints.id, endpointId),
        eq(webhookEndpoints.enabled, true),
        or(isNull(webhookEndpoints.leaseUntil), lte(webhookEndpoints.leaseUntil, now())),
        or(isNull(webhookEndpoints.retryAt), lte(webhookEndpoints.retryAt, now())),
      ),
    )
    .returning();
  if (!claimed) {
    const [state] = await db.select({ retryAt: webhookEndpoints.retryAt, enabled: webhookEndpoints.enabled }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    if (state?.enabled && state.retryAt && state.retryAt > now()) return { status: "waiting", retryAt: state.retryAt };
    return { status: "busy" };
  }
  let endpoint: Endpoint = claimed;
  let leaseRenewedAt = now().getTime();
  const successes = new DeliveredBatch(db, endpointId);
  try {
    for (let pageNumber = 0; ; pageNumber += 1) {
      if (pageNumber > 0) {
        // One statement renews the lease and re-reads the endpoint: a rotation, edit or disable made meanwhile
        // applies from this page on.
        const [fresh] = await db.update(webhookEndpoints).set({ leaseUntil: leaseUntil() }).where(eq(webhookEndpoints.id, endpointId)).returning();
        if (!fresh?.enabled) return { status: "disabled" };
        endpoint = fresh;
        leaseRenewedAt = now().getTime();
      }
      // A page of the oldest pending deliveries, sent one after another: one query per page, not per message.
      const page = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "pending")))
        .orderBy(asc(webhookDeliveries.id))
        .limit(PAGE_SIZE);
      if (page.length === 0) {
        if (options.moreQueued?.()) continue;
        return { status: "idle" };
      }
      for (const head of page) {
        if (options.signal?.aborted) return { status: "idle" };
        const started = now();
        if (started.getTime() - leaseRenewedAt > leaseMs / 3) {
          if ((await successes.flush()) === "gone") return { status: "busy" };
          await db.update(webhookEndpoints).set({ leaseUntil: leaseUntil() }).where(eq(webhookEndpoints.id, endpointId));
          leaseRenewedAt = started.getTime();
        }
        // Only a message that has been tried is given up: one queued behind a failing one still gets its chance.
        if (head.attempts > 0 && started.getTime() - head.createdAt.getTime() > (options.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS)) {
          await db
            .update(webhookDeliveries)
            .set({ status: "failed", error: `${head.error ?? "not delivered"}; gave up after ${head.attempts} attempts`, nextAttemptAt: null })
            .where(eq(webhookDeliveries.id, head.id));
          continue;
        }
        const secrets = [openWebhookSecret(endpoint.id, endpoint.secret)];
        if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > started) {
          secrets.push(openWebhookSecret(endpoint.id, endpoint.previousSecret));
        }
        const body = JSON.stringify(head.payload);
        const result = await sendWebhook(
          { url: endpoint.url, headers: { ...signWebhook(head.messageId, started, body, secrets) }, body },
          { allowPrivateNetworks: options.allowPrivateNetworks, timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS },
        );
        const at = now();
        if (result.kind === "answered" && isSuccess(result.status) && !endpoint.failingSince && !endpoint.retryAt) {
          // The common case is written with the rest of the page's successes in one statement.
          successes.add(head, result, at);
          if (successes.isDue(at) && (await successes.flush()) === "gone") return { status: "busy" };
          continue;
        }
        // Successes recorded before a failure keep the log and the retry state in order.
        if ((await successes.flush()) === "gone") return { status: "busy" };
        const outcome = await recordAttempt(db, endpoint, head, result, options, at);
        recordWebhookAttempt(outcome, result.latencyMs);
        if (outcome === "delivered") continue;
        if (outcome === "disabled") return { status: "disabled" };
        return { status: "waiting", retryAt: endpoint.retryAt ?? now() };
      }
      if ((await successes.flush()) === "gone") return { status: "busy" };
      // A short page was everything pending when it was read; the next page is read only when something was
      // queued meanwhile, so the usual wake-up costs no second empty query.
      if (page.length < PAGE_SIZE && !options.moreQueued?.()) return { status: "idle" };
    }
  } finally {
    try {
      await successes.flush();
    } finally {
      await db.update(webhookEndpoints).set({ leaseUntil: null }).where(eq(webhookEndpoints.id, endpointId));
    }
  }
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Flush pending successes at least this often, so the delivery log of a slow endpoint stays current. */
const SUCCESS_FLUSH_MS = 1_000;

/**
 * Successful attempts waiting to be recorded: a page of them costs one UPDATE instead of one each (the write
 * per success was the throughput ceiling). Flushed before any failure is recorded, before the lease is renewed
 * or released, and at least every second.
 */
class DeliveredBatch {
  private rows: { id: number; attempts: number; at: string; latency_ms: number; status: number; snippet: string }[] = [];
  private firstAt = 0;

  constructor(
    private readonly db: Executor,
    private readonly endpointId: string,
  ) {}

  add(delivery: Delivery, result: Extract<SendResult, { kind: "answered" }>, at: Date) {
    if (this.rows.length === 0) this.firstAt = at.getTime();
    this.rows.push({ id: delivery.id, attempts: delivery.attempts + 1, at: at.toISOString(), latency_ms: result.latencyMs, status: result.status, snippet: result.snippet });
  }

  isDue(at: Date): boolean {
    return this.rows.length > 0 && at.getTime() - this.firstAt >= SUCCESS_FLUSH_MS;
  }

  /** "gone" when the endpoint was deleted meanwhile (its rows went with it), so nothing more may be sent. */
  async flush(): Promise<"ok" | "gone"> {
    if (this.rows.length === 0) return "ok";
    const rows = this.rows;
    this.rows = [];
    const r = sql.raw("r");
    const updated = await this.db
      .update(webhookDeliveries)
      .set({
        status: "delivered",
        attempts: sql`${r}.attempts`,
        lastAttemptAt: sql`${r}.at`,
        deliveredAt: sql`${r}.at`,
        latencyMs: sql`${r}.latency_ms`,
        responseStatus: sql`${r}.status`,
        responseSnippet: sql`${r}.snippet`,
        error: null,
        nextAttemptAt: null,
      })
      .from(
        sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS ${r}(id bigint, attempts int, at timestamptz, latency_ms int, status int, snippet text)`,
      )
      .where(and(sql`${webhookDeliveries.id} = ${r}.id`, eq(webhookDeliveries.endpointId, this.endpointId)))
      .returning({ id: webhookDeliveries.id });
    const count = updated.length;
    for (const row of rows.slice(0, count)) recordWebhookAttempt("delivered", row.latency_ms);
    return count === rows.length ? "ok" : "gone";
  }
}

type Endpoint = typeof webhookEndpoints.$inferSelect;
type Delivery = typeof webhookDeliveries.$inferSelect;

/**
 * Records one attempt that changes the endpoint's state, in one transaction: the first 2xx after failures clears
 * the backoff, 410 disables, anything else retries. Plain successes go through DeliveredBatch.
 */
async function recordAttempt(db: Executor, endpoint: Endpoint, delivery: Delivery, result: SendResult, options: WebhookDispatchOptions, at: Date) {
  const attempts = delivery.attempts + 1;
  const answered = result.kind === "answered" ? result : undefined;
  const base = {
    attempts,
    lastAttemptAt: at,
    latencyMs: result.latencyMs,
    responseStatus: answered?.status ?? null,
    responseSnippet: answered?.snippet ?? null,
    error: result.kind === "failed" ? result.error : answered && (answered.status < 200 || answered.status >= 300) ? `HTTP ${answered.status}` : null,
  };
  const delivered = answered && isSuccess(answered.status);
  return db.transaction(async (tx) => {
    if (delivered) {
      await tx.update(webhookDeliveries).set({ ...base, status: "delivered", deliveredAt: at, nextAttemptAt: null }).where(eq(webhookDeliveries.id, delivery.id));
      if (endpoint.failingSince || endpoint.retryAt) {
        await tx.update(webhookEndpoints).set({ failingSince: null, retryAt: null }).where(eq(webhookEndpoints.id, endpoint.id));
        endpoint.failingSince = null;
        endpoint.retryAt = null;
      }
      return "delivered" as const;
    }
    if (answered?.status === 410) {
      await tx.update(webhookDeliveries).set({ ...base, status: "failed", nextAttemptAt: null }).where(eq(webhookDeliveries.id, delivery.id));
      await disableEndpoint(tx, endpoint, "The endpoint answered 410 Gone", at);
      return "disabled" as const;
    }
    const failingSince = endpoint.failingSince ?? at;
    if (at.getTime() - failingSince.getTime() >= (options.disableAfterMs ?? DEFAULT_DISABLE_AFTER_MS)) {
      await tx.update(webhookDeliveries).set({ ...base, nextAttemptAt: null }).where(eq(webhookDeliveries.id, delivery.id));
      await disableEndpoint(tx, endpoint, `Failing since ${failingSince.toISOString()} (last: ${base.error ?? "error"})`, at);
      return "disabled" as const;
    }
    const retryAt = new Date(at.getTime() + retryDelayMs(attempts, options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS, options.retryMaxMs ?? DEFAULT_RETRY_MAX_MS));
    await tx.update(webhookDeliveries).set({ ...base, nextAttemptAt: retryAt }).where(eq(webhookDeliveries.id, delivery.id));
    await tx.update(webhookEndpoints).set({ failingSince, retryAt }).where(eq(webhookEndpoints.id, endpoint.id));
    endpoint.failingSince = failingSince;
    endpoint.retryAt = retryAt;
    return "retrying" as const;
  });
}

/** Stops sending to an endpoint (pending deliveries stay for a re-enable) and tells its owner in the app. */
async function disableEndpoint(tx: Executor, endpoint: Endpoint, reason: string, at: Date) {
  await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason, retryAt: null, updatedAt: at }).where(eq(webhookEndpoints.id, endpoint.id));
  const [created] = await tx
    .insert(notifications)
    .values({ userId: endpoint.userId, kind: "webhook", title: "Webhook endpoint disabled", body: `${endpoint.url}: ${reason}`, createdAt: at })
    .returning({ id: notifications.id });
  const ctx = { userId: endpoint.userId, source: WEBHOOKS_SOURCE, correlationId: randomUUID(), now: () => at };
  await writeEvents(tx, ctx, [
    { topic: TOPICS.taskUpdates, type: EVENT_TYPES.syncNotice, subject: created!.id, data: { entity: "notification", action: "created", id: created!.id } },
  ]);
}
