// Bulk subscribe (alpha): the sidecar gathers messages for one app path and POSTs them as one
// envelope `{ id, entries: [{ entryId, event, contentType, metadata }], metadata, topic, pubsubname, type }`;
// the app answers `{ statuses: [{ entryId, status }] }`, one fate per entry.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { callApp } from "./app-client";
import type { DeliveryOutcome, PublishedMessage, Subscription } from "./types";

export const BULK_EVENT_TYPE = "com.dapr.event.sent.bulk";

export interface BulkSettings {
  maxMessagesCount: number;
  maxAwaitDurationMs: number;
}

/** daprd's defaults for components without native bulk support: 100 messages, 1 s. */
export function bulkSettings(subscription: Subscription): BulkSettings | undefined {
  const bulk = subscription.bulkSubscribe;
  if (!bulk?.enabled) return undefined;
  return { maxMessagesCount: bulk.maxMessagesCount ?? 100, maxAwaitDurationMs: bulk.maxAwaitDurationMs ?? 1_000 };
}

/** What one delivery attempt meant for one message (single or bulk). */
export interface AttemptResult {
  outcome: DeliveryOutcome;
  status?: number;
  /** Envelope id of the bulk request that carried the entry. */
  bulkId?: string;
}

export interface BulkBatcherContext {
  appId: string;
  topic: string;
  pubsubName: string;
  appToken?: string;
  timeoutMs: number;
  agent: http.Agent;
  signal: AbortSignal;
  appPort(): number | undefined;
  /** Read on every submit, so a rediscovered subscription's limits apply at once. */
  settings(): BulkSettings;
}

interface PendingEntry {
  message: PublishedMessage;
  resolve(result: AttemptResult): void;
}

interface PendingBatch {
  entries: PendingEntry[];
  timer?: NodeJS.Timeout;
}

/**
 * One per (app, topic) consumer group. Entries wait per app path until `maxMessagesCount` are gathered or
 * `maxAwaitDurationMs` passed since the first one, then go out as one request. Each submit resolves with
 * that entry's own outcome, so the broker's per-message retry/DROP/dead-letter loop stays unchanged
 * (a retried entry rejoins a later bulk after its backoff, as daprd re-sends the failed subset).
 */
export class BulkBatcher {
  private readonly pending = new Map<string, PendingBatch>();

  constructor(private readonly ctx: BulkBatcherContext) {
    ctx.signal.addEventListener("abort", () => {
      for (const path of [...this.pending.keys()]) this.settle(path, { outcome: "error" });
    }, { once: true });
  }

  submit(path: string, message: PublishedMessage): Promise<AttemptResult> {
    if (this.ctx.signal.aborted) return Promise.resolve({ outcome: "error" });
    return new Promise((resolve) => {
      const batch = this.pending.get(path) ?? { entries: [] };
      this.pending.set(path, batch);
      batch.entries.push({ message, resolve });
      const { maxMessagesCount, maxAwaitDurationMs } = this.ctx.settings();
      if (batch.entries.length >= maxMessagesCount) this.flush(path);
      else batch.timer ??= setTimeout(() => this.flush(path), maxAwaitDurationMs);
    });
  }

  private take(path: string): PendingEntry[] {
    const batch = this.pending.get(path);
    if (!batch) return [];
    clearTimeout(batch.timer);
    this.pending.delete(path);
    return batch.entries;
  }

  private settle(path: string, result: AttemptResult): void {
    for (const entry of this.take(path)) entry.resolve(result);
  }

  private flush(path: string): void {
    const entries = this.take(path);
    if (entries.length > 0) void this.send(path, entries);
  }

  private async send(path: string, entries: PendingEntry[]): Promise<void> {
    const byEntryId = new Map(entries.map((entry) => [randomUUID(), entry] as const));
    const port = this.ctx.appPort();
    const bulkId = randomUUID();
    const settleAll = (result: AttemptResult) => {
      for (const entry of entries) entry.resolve({ ...result, bulkId });
    };
    if (port === undefined) return settleAll({ outcome: "unreachable" });
    const envelope = {
      // daprd 1.18.2 sends an empty id (it keeps the UUID only when generating one failed: bulksubscription.go);
      // the records keep their own bulkId.
      id: "",
      entries: [...byEntryId].map(([entryId, { message }]) => ({
        entryId,
        event: message.event,
        contentType: "application/cloudevents+json",
        metadata: {},
      })),
      metadata: { pubsubName: this.ctx.pubsubName },
      topic: this.ctx.topic,
      pubsubname: this.ctx.pubsubName,
      type: BULK_EVENT_TYPE,
    };
    const headers: Record<string, string> = { "content-type": "application/cloudevents+json" };
    if (this.ctx.appToken) headers["dapr-api-token"] = this.ctx.appToken;
    const result = await callApp({
      port,
      method: "POST",
      path,
      body: JSON.stringify(envelope),
      headers,
      timeoutMs: this.ctx.timeoutMs,
      agent: this.ctx.agent,
    });
    if (result.kind === "unreachable") return settleAll({ outcome: "unreachable" });
    if (result.kind === "failed") return settleAll({ outcome: "error" });
    const status = result.status;
    // Per the API reference: 404 drops every entry, any other non-2xx retries every entry.
    if (status === 404) return settleAll({ outcome: "not-found", status });
    if (status < 200 || status > 299) return settleAll({ outcome: "error", status });
    const statuses = parseStatuses(result.body);
    for (const [entryId, entry] of byEntryId) {
      entry.resolve({ outcome: entryOutcome(statuses?.get(entryId)), status, bulkId });
    }
  }
}

/** entryId → status; undefined when the body is not the expected JSON (then every entry is retried). */
function parseStatuses(body: string): Map<string, string> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
  const raw = (json as { statuses?: unknown } | null)?.statuses;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : [];
  const statuses = new Map<string, string>();
  for (const item of list) {
    const { entryId, status } = (item ?? {}) as { entryId?: unknown; status?: unknown };
    if (typeof entryId === "string" && typeof status === "string") statuses.set(entryId, status);
  }
  return statuses;
}

/** A missing entry or an unknown status counts as RETRY (daprd's rule for bulk responses). */
function entryOutcome(status: string | undefined): DeliveryOutcome {
  // Exact, as daprd compares them (an empty status is RETRY here, unlike a single delivery's).
  if (status === "SUCCESS") return "success";
  if (status === "DROP") return "drop";
  return "retry";
}
