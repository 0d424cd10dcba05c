/**
 * Waits for a pause between commits that wrote events (their NOTIFYs). On PostgreSQL the requests' commits come
 * from other connections, often other processes: a relay pass per commit cost a claim transaction, a record and a
 * look for more for every change, on the cores and the database the requests need, while a client's next change
 * arrived a few milliseconds later. Waiting for a pause (bounded) sends a burst's events in one pass.
 */
export interface CommitPause {
  /** A commit wrote events. */
  noticed(): void;
  /** A pass is about to claim: commits noticed from now on may not be visible to it and wait for the next pass. */
  served(): void;
  /**
   * Resolves once no commit was noticed for `quietMs`, or `maxWaitMs` after the first notice no pass has served
   * yet; at once when every notice was served or `isStopped()` says so.
   */
  settled(isStopped: () => boolean): Promise<void>;
}

export function createCommitPause(quietMs: number, maxWaitMs: number): CommitPause {
  let lastNoticeAt = -Infinity;
  let firstUnservedAt: number | undefined;
  return {
    noticed() {
      lastNoticeAt = performance.now();
      firstUnservedAt ??= lastNoticeAt;
    },
    served() {
      firstUnservedAt = undefined;
    },
    async settled(isStopped) {
      for (;;) {
        if (firstUnservedAt === undefined || isStopped()) return;
        const now = performance.now();
        const quietFor = now - lastNoticeAt;
        const waitedFor = now - firstUnservedAt;
        if (quietFor >= quietMs || waitedFor >= maxWaitMs) return;
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(quietMs - quietFor, maxWaitMs - waitedFor))));
      }
    },
  };
}
