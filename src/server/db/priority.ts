import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Event work on the embedded database gives way to requests. PGlite is a single connection that runs each
 * statement synchronously on the event loop and takes callers in arrival order, so a relay pass that queues
 * dozens of worker transactions at once made every request arriving behind them wait for all of them.
 * Work started through `asBackground` (relay passes, the deliveries they make, worker timers) waits while
 * requests have database calls in hand — at most a few milliseconds per call, so events are never starved.
 * The custom server and Next's route handlers are two module graphs in one process: one store, under a symbol.
 */
const STORE_KEY = Symbol.for("cadence.db.background");
const holder = globalThis as { [STORE_KEY]?: AsyncLocalStorage<true> };
const backgroundWork = (holder[STORE_KEY] ??= new AsyncLocalStorage<true>());

/** Runs `work`, and everything it starts, at background priority on the embedded database. */
export function asBackground<T>(work: () => T): T {
  return backgroundWork.run(true, work);
}

/** Longest one background call waits for requests' calls to finish. */
export const BACKGROUND_MAX_WAIT_MS = 50;

/**
 * How long requests must leave the connection alone before a relay pass starts, and the longest a pass waits for
 * that. A pass is a dozen statements (claim, each subscriber's work, record) that a request arriving meanwhile
 * would queue behind; between a client's back-to-back requests the connection is free for a few milliseconds only.
 * Waiting for a real pause (or at most a quarter second) lets events of many changes go out in one pass.
 */
export const QUIET_MS = 20;
export const QUIET_MAX_WAIT_MS = 250;

export interface PriorityGate {
  <T>(call: () => Promise<T>): Promise<T>;
  /** Resolves once no request has used the connection for `quietMs`, or after `maxWaitMs` at the latest. */
  quiet(quietMs?: number, maxWaitMs?: number): Promise<void>;
}

/** Wraps a single connection's calls: requests go first, background calls wait their turn (bounded). */
export function createPriorityGate(maxWaitMs = BACKGROUND_MAX_WAIT_MS): PriorityGate {
  let foreground = 0;
  let waiting: (() => void)[] = [];
  let lastForegroundAt = 0;

  async function quiet(quietMs = QUIET_MS, maxQuietWaitMs = QUIET_MAX_WAIT_MS): Promise<void> {
    const giveUpAt = performance.now() + maxQuietWaitMs;
    for (;;) {
      const now = performance.now();
      const quietFor = foreground > 0 ? 0 : now - lastForegroundAt;
      if (quietFor >= quietMs || now >= giveUpAt) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(quietMs - quietFor, giveUpAt - now))));
    }
  }

  async function withPriority<T>(call: () => Promise<T>): Promise<T> {
    if (backgroundWork.getStore()) {
      if (foreground > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(go, maxWaitMs);
          function go() {
            clearTimeout(timer);
            resolve();
          }
          waiting.push(go);
        });
      }
      return call();
    }
    foreground += 1;
    try {
      return await call();
    } finally {
      foreground -= 1;
      lastForegroundAt = performance.now();
      if (foreground === 0) {
        const ready = waiting;
        waiting = [];
        for (const go of ready) go();
      }
    }
  }

  return Object.assign(withPriority, { quiet });
}
