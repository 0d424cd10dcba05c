import type { Logger } from "pino";
import type { DatabaseHandle } from "@/server/db/client";
import { isConnectionLost } from "@/server/db/connection-lost";
import { asBackground, QUIET_MAX_WAIT_MS, QUIET_MS } from "@/server/db/priority";
import { createCommitPause } from "./commit-pause";
import { takeLeaseOwnership } from "./relay-lease";
import { publishInWaves, type ClaimedRow, type PublishOutcome } from "./relay-publish";
import { claimBatch, LowWaterMark, msUntilNextRetry, prunePublished, readBacklog, recordOutcome, type RetryBackoff } from "./relay-store";
import type { EventTransport } from "./transport";
import { errorText } from "./error-text";

export const OUTBOX_CHANNEL = "cadence_outbox";

/** How often a claim also takes back the leases of relays that are gone (relay-lease.ts). */
const DEAD_LEASE_CHECK_MS = 1_000;

/** Batches one instance delivers at once; more would only queue on the database pool and the workers. */
const MAX_BATCHES_IN_FLIGHT = 4;

export interface RelayOptions {
  db: DatabaseHandle;
  transport: EventTransport;
  log: Logger;
  batchSize?: number;
  instanceId?: string;
  /** Backoff of a row whose publish failed: initial * 2^(attempts-1), capped. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** How long claimed rows are reserved for this instance while it lives (a dead relay's rows come back at once). */
  leaseMs?: number;
  /** Safety sweep in case a NOTIFY was missed (e.g. while the LISTEN connection reconnected). 0 = off. */
  sweepIntervalMs?: number;
  /**
   * A pass starts once commits (on the embedded database: requests) pause for `quietMs`, or `quietMaxWaitMs` after
   * the first one it waits for, so the events of a burst of changes go out in one pass instead of one pass each.
   */
  quietMs?: number;
  quietMaxWaitMs?: number;
}

/** Counters for /metrics. */
export interface RelayMetrics {
  published: number;
  failed: number;
  /**
   * How late events get out, in ms: how long the oldest event of the last published batch had waited since it
   * was written, or, while rows wait for a retry, the age of the oldest of them if that is more.
   */
  lagMs: number;
  pending: number;
  /** Events published per topic since start (the per-topic dashboards and alerts). */
  publishedByTopic: Record<string, number>;
}

export interface OutboxRelay {
  metrics: Readonly<RelayMetrics>;
  /** Resolves when nothing publishable is left (rows in backoff are not publishable yet). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Moves committed outbox rows to the transport. Wakes on NOTIFY and on a timer for the next scheduled retry only.
 * Several instances may run against one database: claims are serialised by a transaction-scoped advisory lock
 * and reserve rows with a lease, and a row is only claimable when no earlier row of its partition key is
 * reserved or waiting for a retry, so each event is published once and one user's events stay in order.
 */
export async function startOutboxRelay(options: RelayOptions): Promise<OutboxRelay> {
  const { db, transport } = options;
  // Large batches amortise the claim and record round-trips; a quiet outbox still publishes each event at once.
  const batchSize = options.batchSize ?? 1000;
  const backoff: RetryBackoff = { initialMs: options.retryInitialMs ?? 1_000, maxMs: options.retryMaxMs ?? 5 * 60_000 };
  // Short lease: a batch publishes in milliseconds, and a crashed relay's rows must not stall a user for long.
  const leaseMs = options.leaseMs ?? 15_000;
  const quietMs = options.quietMs ?? QUIET_MS;
  const quietMaxWaitMs = options.quietMaxWaitMs ?? QUIET_MAX_WAIT_MS;
  const log = options.log.child({ component: "outbox-relay", instance: options.instanceId });
  const metrics: RelayMetrics = { published: 0, failed: 0, lagMs: 0, pending: 0, publishedByTopic: {} };
  /** Lag of the oldest event of the last batch when it was recorded as published. */
  let lastPublishedLagMs = 0;
  const abort = new AbortController();
  let stopped = false;
  let wakeTimer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let draining = false;
  let again = false;
  /** Batches claimed and still being delivered or recorded. */
  const inFlight = new Set<Promise<void>>();
  const lowWater = new LowWaterMark();
  let lastDeadLeaseCheck = -Infinity;
  const commitPause = createCommitPause(quietMs, quietMaxWaitMs);

  /** One pass at a time per instance, so this instance's passes never interleave. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  }

  async function claim(): Promise<ClaimedRow[]> {
    await owner.ensure();
    // A relay dies rarely: looking for its leases once a second is soon enough and spares most claims a statement.
    const lookForDeadLeases = performance.now() - lastDeadLeaseCheck >= DEAD_LEASE_CHECK_MS;
    if (lookForDeadLeases) lastDeadLeaseCheck = performance.now();
    const { rows, freedDeadLeases } = await claimBatch(db, { leasedBy: owner.key, afterId: lowWater.value, batchSize, leaseMs, freeDeadLeases: lookForDeadLeases });
    if (freedDeadLeases > 0) log.warn({ freed: freedDeadLeases }, "took back outbox rows leased by a relay that is gone");
    return rows;
  }

  /**
   * The record, again and again while the database is unreachable: these rows went out, and if the record were
   * dropped the lease would lapse and they would be published a second time once the database is back.
   */
  async function recordThroughRestarts(outcome: PublishOutcome): Promise<void> {
    for (let delayMs = 100; ; delayMs = Math.min(delayMs * 2, 2_000)) {
      try {
        return await recordOutcome(db, outcome, backoff);
      } catch (cause) {
        if (stopped || !isConnectionLost(cause)) throw cause;
        log.warn({ error: errorText(cause), rows: outcome.published.length }, "database unreachable while recording published events; retrying");
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        // Our leases must look alive again before the grace after a restart ends (freeDeadLeases).
        await owner.ensure().catch(() => undefined);
      }
    }
  }

  /** Marks rows published / for retry / released, and counts them. */
  async function settle(outcome: PublishOutcome, claimedAt: number): Promise<void> {
    await recordThroughRestarts(outcome);
    if (outcome.published.length > 0) {
      const oldest = outcome.published.reduce((max, row) => Math.max(max, row.ageMs ?? 0), 0);
      lastPublishedLagMs = Math.round(oldest + (performance.now() - claimedAt));
      // Set here too: under steady load the relay never idles, so scheduleNextWake would not run to update it.
      metrics.lagMs = lastPublishedLagMs;
    }
    metrics.published += outcome.published.length;
    for (const row of outcome.published) metrics.publishedByTopic[row.topic] = (metrics.publishedByTopic[row.topic] ?? 0) + 1;
    metrics.failed += outcome.failed.length;
    for (const { row, error } of outcome.failed) {
      log.warn({ eventId: row.eventId, topic: row.topic, attempts: row.attempts + 1, error }, "publish failed, will retry");
    }
  }

  /**
   * Publishes a claimed batch and records it. Each user's rows are recorded as soon as that user's chain is done
   * (grouped: one record at a time takes every key finished meanwhile), so a slow handler of one user no longer
   * holds everyone else's events unpublished until the whole batch is through.
   */
  async function deliver(rows: ClaimedRow[], claimedAt: number): Promise<void> {
    let waiting: PublishOutcome = { published: [], failed: [], released: [] };
    const hasWaiting = () => waiting.published.length + waiting.failed.length + waiting.released.length > 0;
    let recording = false;
    let recorded: Promise<void> = Promise.resolve();
    let failure: unknown;
    const recordWaiting = () => {
      if (recording) return; // the running loop takes what was added
      recording = true;
      recorded = (async () => {
        try {
          while (hasWaiting()) {
            const taken = waiting;
            waiting = { published: [], failed: [], released: [] };
            await settle(taken, claimedAt);
            kick(); // the next rows of these users may be claimable now
          }
        } catch (cause) {
          failure ??= cause;
        } finally {
          recording = false;
        }
      })();
    };
    const onKeyDone = (own: PublishOutcome) => {
      waiting.published.push(...own.published);
      waiting.failed.push(...own.failed);
      waiting.released.push(...own.released);
      if (failure === undefined) recordWaiting();
    };
    // Stop starting new waves well before the lease runs out, so no other instance can take these rows meanwhile.
    const outcome = await publishInWaves(transport, rows, Date.now() + leaseMs / 2, onKeyDone);
    // The wave path (bulk transports) reports once, here; the per-key path reported every key already.
    if (transport.publishBatch) return settle(outcome, claimedAt);
    for (;;) {
      await recorded;
      if (failure !== undefined) throw failure;
      if (!hasWaiting()) return;
      recordWaiting();
    }
  }

  /** Claims, publishes and records one batch; returns how many rows it claimed. */
  async function pass(): Promise<number> {
    const claimedAt = performance.now();
    const rows = await claim();
    if (rows.length > 0) await deliver(rows, claimedAt);
    return rows.length;
  }

  /**
   * Claims a batch and starts delivering it without waiting: the next claim can follow at once. Rows of a user
   * with a batch in flight are not claimable (their earlier row is leased), so each user's order holds.
   */
  async function claimAndStart(): Promise<number> {
    const claimedAt = performance.now();
    const rows = await claim();
    if (rows.length === 0) return 0;
    const work: Promise<void> = deliver(rows, claimedAt)
      .catch((cause: unknown) => {
        // Its rows stay leased until the lease runs out, then come back; a crash of the relay frees them at once.
        if (!stopped) log.error({ error: errorText(cause) }, "publishing a batch failed; its rows come back after the lease");
      })
      .finally(() => {
        inFlight.delete(work);
        kick();
      });
    inFlight.add(work);
    return rows.length;
  }

  /** Updates the backlog metrics and arms the timer for the earliest retry (relay-store.ts msUntilNextRetry). */
  async function scheduleNextWake(): Promise<void> {
    const backlog = await readBacklog(db);
    metrics.pending = backlog?.pending ?? 0;
    if (backlog) lowWater.advance(backlog);
    metrics.lagMs = Math.max(lastPublishedLagMs, metrics.pending > 0 ? (backlog?.oldestAgeMs ?? 0) : 0);
    if (metrics.pending === 0) return;
    const inMs = await msUntilNextRetry(db, lowWater.value);
    // A head that became due while this pass ran is picked up by an almost immediate wake-up.
    if (inMs !== null) armTimer(Math.max(0, inMs) + 5);
  }

  function armTimer(ms: number) {
    if (stopped) return;
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(kick, Math.max(0, ms));
    wakeTimer.unref();
  }

  /** A commit wrote events (NOTIFY). */
  function onCommit() {
    commitPause.noticed();
    kick();
  }

  function kick() {
    if (stopped) return;
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    // Passes and the deliveries they make give way to requests on the embedded database (the NOTIFY that
    // calls this may come from a request's commit; the pass is not part of that request).
    void asBackground(drain);
  }

  async function drain() {
    try {
      await ready;
      for (;;) {
        again = false;
        if (stopped) break;
        if (inFlight.size >= MAX_BATCHES_IN_FLIGHT) {
          await Promise.race(inFlight);
          continue;
        }
        // A pass starts in a pause (bounded) so the events of a burst of changes go out together: embedded, in a
        // pause between requests, so none queues behind it on the one connection; on PostgreSQL, between commits.
        if (db.quiet) await db.quiet(quietMs, quietMaxWaitMs);
        else await commitPause.settled(() => stopped);
        if (stopped) break;
        commitPause.served();
        const claimed = await exclusive(claimAndStart);
        if (claimed > 0) {
          // Let timers, requests and deliveries run between batches: PGlite shares this thread.
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        // A batch still in flight kicks when it is done; retry timers are armed once nothing is.
        if (inFlight.size === 0) await exclusive(scheduleNextWake);
        if (!again || stopped) break;
      }
    } catch (cause) {
      if (!stopped) {
        log.error({ error: errorText(cause) }, "relay pass failed; retrying");
        armTimer(backoff.initialMs);
      }
    } finally {
      draining = false;
    }
  }

  // Publishing before the transport is ready would only burn retries; readiness is awaited with backoff.
  const ready: Promise<void> = (transport.ready?.(abort.signal) ?? Promise.resolve()).catch((cause: unknown) => {
    if (!stopped) log.error({ error: errorText(cause) }, "transport never became ready");
  });
  const owner = await takeLeaseOwnership(db);
  const unlisten = await db.listen(OUTBOX_CHANNEL, onCommit);
  const sweep =
    options.sweepIntervalMs === 0
      ? undefined
      : setInterval(() => {
          lowWater.reset();
          void exclusive(() => prunePublished(db)).catch((cause: unknown) => log.warn({ error: errorText(cause) }, "outbox pruning failed"));
          kick();
        }, options.sweepIntervalMs ?? 15_000);
  sweep?.unref();
  kick();
  log.info({ transport: transport.kind }, "outbox relay started");

  return {
    metrics,
    async flush() {
      await ready;
      for (;;) {
        await Promise.all(inFlight);
        if ((await exclusive(pass)) === 0 && inFlight.size === 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await exclusive(scheduleNextWake);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      abort.abort();
      clearTimeout(wakeTimer);
      clearInterval(sweep);
      await unlisten();
      await chain;
      await Promise.all(inFlight);
      await owner.release();
    },
  };
}
