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

/** Wraps a single connection's calls: requests go first, background calls wait their turn (bounded). */
export function createPriorityGate(maxWaitMs = BACKGROUND_MAX_WAIT_MS) {
  let foreground = 0;
  let waiting: (() => void)[] = [];

  return async function withPriority<T>(call: () => Promise<T>): Promise<T> {
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
      if (foreground === 0) {
        const ready = waiting;
        waiting = [];
        for (const go of ready) go();
      }
    }
  };
}
