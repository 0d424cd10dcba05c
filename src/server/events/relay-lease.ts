import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DatabaseHandle, Executor, SessionLock } from "@/server/db/client";
import { outbox } from "@/server/db/schema";

/**
 * Who holds an outbox lease. Each relay instance holds a session-level advisory lock (this class, a random key)
 * while it runs and writes that key into the rows it claims. A lease whose key no session holds belongs to a
 * relay that died mid-publish (SIGKILL, crash, lost host): its rows are taken back at once rather than when the
 * lease's time runs out, so a restarted app publishes them immediately. A database restart ends every session,
 * so for a short grace after one no lease counts as dead: live relays take their locks back meanwhile and record
 * what they published while the database was down, instead of another relay publishing it again.
 */
const RELAY_LOCK_CLASS = 4_810_451;

export interface LeaseOwner {
  key: number;
  /** Takes the lock again if its session was lost (a database restart); call before claiming. */
  ensure(): Promise<void>;
  release(): Promise<void>;
}

export async function takeLeaseOwnership(db: DatabaseHandle): Promise<LeaseOwner> {
  const key = randomInt(1, 2 ** 31 - 1);
  const lock: SessionLock = await db.holdSessionLock(RELAY_LOCK_CLASS, key);
  return { key, ensure: () => lock.ensure(), release: () => lock.release() };
}

/** Seconds after a database (re)start during which a lease without its lock may still belong to a live relay. */
export const RESTART_GRACE_SECONDS = 10;

/**
 * Makes rows leased by relays that are gone claimable now; run under the claim lock. Returns how many.
 * `restartGraceSeconds`: 0 where the database lives and dies with its only relay (PGlite).
 */
export async function freeDeadLeases(tx: Executor, restartGraceSeconds = RESTART_GRACE_SECONDS): Promise<number> {
  const freed = await tx.execute(sql`UPDATE ${outbox} SET leased_by = NULL, next_attempt_at = now()
    WHERE leased_by IS NOT NULL AND published_at IS NULL
      AND pg_postmaster_start_time() < now() - make_interval(secs => ${restartGraceSeconds}::float8)
      AND NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
        AND l.classid = ${RELAY_LOCK_CLASS}::int::oid AND l.objid = ${outbox}.leased_by::oid)
    RETURNING 1`);
  return Array.isArray(freed) ? freed.length : ((freed as { rows?: unknown[] }).rows?.length ?? 0);
}
