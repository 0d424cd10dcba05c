import { and, asc, eq, gt, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle } from "@/server/db/client";
import { outbox } from "@/server/db/schema";
import { freeDeadLeases } from "./relay-lease";
import type { ClaimedRow, PublishOutcome } from "./relay-publish";

/** The relay's statements on the outbox table; when and how often they run is relay.ts's business. */

/** `id = ANY(…)` with the ids as one text parameter: the same statement text for any batch size (prepared once). */
const idIn = (rows: readonly { id: number }[]): SQL => sql`${outbox.id} = ANY(string_to_array(${rows.map((row) => row.id).join(",")}, ',')::bigint[])`;

export interface ClaimRequest {
  /** The claiming relay's lease key (relay-lease.ts). */
  leasedBy: number;
  /** Rows at or below this id are known published (LowWaterMark). */
  afterId: number;
  batchSize: number;
  leaseMs: number;
  /** Also take back the rows of relays that are gone first (relay-lease.ts). */
  freeDeadLeases: boolean;
}

export interface ClaimedBatch {
  rows: ClaimedRow[];
  /** Rows taken back from relays that are gone (before this claim). */
  freedDeadLeases: number;
}

/**
 * Picks and leases the next batch in id (= commit) order. A row is only claimable when no earlier row of its
 * partition key is reserved or waiting for a retry, so one user's events stay in order across relays.
 */
export async function claimBatch(db: DatabaseHandle, request: ClaimRequest): Promise<ClaimedBatch> {
  const { afterId } = request;
  return db.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('cadence.outbox.claim'))`);
    // PGlite lives and dies with this process's relay: a lease from before its start is always dead.
    const freedDeadLeases = request.freeDeadLeases ? await freeDeadLeases(tx, db.driver === "pglite" ? 0 : undefined) : 0;
    // One statement picks and leases the batch (the pick's row locks hold until the lease is written), so a
    // claim costs the lock, the dead-lease sweep and this, whatever the batch size.
    const picked = tx.$with("picked").as(
      tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            isNull(outbox.publishedAt),
            gt(outbox.id, afterId),
            lte(outbox.nextAttemptAt, sql`now()`),
            sql`NOT EXISTS (SELECT 1 FROM ${outbox} AS earlier WHERE earlier.partition_key = ${outbox.partitionKey}
              AND earlier.published_at IS NULL AND earlier.id > ${afterId} AND earlier.id < ${outbox.id}
              AND earlier.next_attempt_at > now())`,
          ),
        )
        .orderBy(asc(outbox.id))
        .limit(request.batchSize)
        .for("update", { skipLocked: true }),
    );
    const rows = await tx
      .with(picked)
      .update(outbox)
      .set({ leasedBy: request.leasedBy, nextAttemptAt: sql`now() + make_interval(secs => ${request.leaseMs / 1000}::float8)` })
      .from(picked)
      .where(eq(outbox.id, picked.id))
      .returning({
        id: outbox.id,
        eventId: outbox.eventId,
        topic: outbox.topic,
        partitionKey: outbox.partitionKey,
        event: outbox.event,
        attempts: outbox.attempts,
        ageMs: sql<number>`(extract(epoch from now() - ${outbox.createdAt}) * 1000)::float8`,
      });
    // RETURNING has no order; publishing goes in id (= commit) order.
    rows.sort((a, b) => a.id - b.id);
    return { rows, freedDeadLeases };
  });
}

export interface RetryBackoff {
  /** A failed row waits initialMs * 2^(attempts-1), at most maxMs. */
  initialMs: number;
  maxMs: number;
}

/** Marks rows published, failed (for a retry after its backoff) or released (claimable again at once). */
export async function recordOutcome(db: DatabaseHandle, outcome: PublishOutcome, backoff: RetryBackoff): Promise<void> {
  const markPublished = (executor: Pick<typeof db.db, "update">) =>
    executor.update(outbox).set({ publishedAt: sql`now()`, lastError: null, leasedBy: null }).where(idIn(outcome.published));
  // The usual outcome, everything published, is one statement: no transaction round trips around it.
  if (outcome.failed.length === 0 && outcome.released.length === 0) {
    if (outcome.published.length > 0) await markPublished(db.db);
    return;
  }
  await db.db.transaction(async (tx) => {
    if (outcome.published.length > 0) await markPublished(tx);
    for (const { row, error } of outcome.failed) {
      const attempts = row.attempts + 1;
      const delayMs = Math.min(backoff.initialMs * 2 ** (attempts - 1), backoff.maxMs);
      await tx
        .update(outbox)
        .set({ attempts, lastError: error.slice(0, 2_000), leasedBy: null, nextAttemptAt: sql`now() + make_interval(secs => ${delayMs / 1000}::float8)` })
        .where(sql`${outbox.id} = ${row.id}`);
    }
    if (outcome.released.length > 0) {
      await tx.update(outbox).set({ nextAttemptAt: sql`now()`, leasedBy: null }).where(idIn(outcome.released));
    }
  });
}

/** Published rows are kept a day for inspection, then deleted in small batches so the table stays small. */
export async function prunePublished(db: DatabaseHandle): Promise<void> {
  await db.db.execute(sql`DELETE FROM ${outbox} WHERE ${outbox.id} IN (
    SELECT id FROM ${outbox} WHERE published_at < now() - interval '1 day' ORDER BY id LIMIT 1000)`);
}

export interface Backlog {
  pending: number;
  oldestId: number | null;
  /** Age of the oldest unpublished row, in ms. */
  oldestAgeMs: number | null;
  /** The reading's snapshot bounds (LowWaterMark). */
  xmin: bigint;
  xmax: bigint;
}

/** What is still unpublished. */
export async function readBacklog(db: DatabaseHandle): Promise<Backlog | undefined> {
  const [totals] = await db.db
    .select({
      pending: sql<number>`count(*)::int`,
      oldestId: sql<number | null>`min(${outbox.id})`,
      oldestAgeMs: sql<number | null>`(extract(epoch from now() - min(${outbox.createdAt})) * 1000)::float8`,
      xmin: sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text`,
      xmax: sql<string>`pg_snapshot_xmax(pg_current_snapshot())::text`,
    })
    .from(outbox)
    .where(isNull(outbox.publishedAt));
  if (!totals) return undefined;
  return { ...totals, oldestId: totals.oldestId === null ? null : Number(totals.oldestId), xmin: BigInt(totals.xmin), xmax: BigInt(totals.xmax) };
}

/**
 * Milliseconds until the earliest retry among partition heads (rows with no earlier unpublished row of their
 * key; negative when already due), or null when none waits. Rows behind a head are not timed, so a blocked key
 * never spins.
 */
export async function msUntilNextRetry(db: DatabaseHandle, afterId: number): Promise<number | null> {
  const [next] = await db.db
    .select({ inMs: sql<number | null>`(extract(epoch from min(${outbox.nextAttemptAt}) - now()) * 1000)::float8` })
    .from(outbox)
    .where(
      and(
        isNull(outbox.publishedAt),
        gt(outbox.id, afterId),
        sql`NOT EXISTS (SELECT 1 FROM ${outbox} AS earlier WHERE earlier.partition_key = ${outbox.partitionKey}
          AND earlier.published_at IS NULL AND earlier.id > ${afterId} AND earlier.id < ${outbox.id})`,
      ),
    );
  return next?.inMs ?? null;
}

/**
 * Ids at or below `value` are known published, so claims skip the published history instead of walking it.
 * A transaction that took a lower id but commits late must not be hidden by it: a mark read while it ran (the
 * candidate) is only taken once every transaction running at that read has ended (its snapshot's xmax is below
 * the oldest running one). The relay's periodic sweep resets it, in case.
 */
export class LowWaterMark {
  value = 0;
  private candidate: { mark: number; xmax: bigint } | undefined;

  /** Raises the mark to the last candidate when that is safe, never past a row visible as unpublished now. */
  advance(backlog: Pick<Backlog, "oldestId" | "xmin" | "xmax">): void {
    const { oldestId, xmin, xmax } = backlog;
    if (this.candidate && xmin >= this.candidate.xmax) {
      this.value = Math.max(this.value, oldestId === null ? this.candidate.mark : Math.min(this.candidate.mark, oldestId - 1));
    }
    this.candidate = oldestId === null ? undefined : { mark: oldestId - 1, xmax };
  }

  reset(): void {
    this.value = 0;
  }
}
