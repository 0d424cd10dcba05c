import type http from "node:http";

export interface RequestTracker {
  /** Requests whose answer has not finished yet. */
  inFlight(): number;
  /**
   * Stops accepting connections, answers requests already accepted (each with `Connection: close`), and
   * resolves true once none is left, or false after timeoutMs; then drops whatever connections remain.
   */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Counts a server's in-flight requests so a SIGTERM can wait for exactly those before the process exits. */
export function trackRequests(server: http.Server): RequestTracker {
  let inFlight = 0;
  let draining = false;
  const waiters: (() => void)[] = [];
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight += 1;
    // A keep-alive client learns with this answer not to send its next request here.
    if (draining && !res.headersSent) res.setHeader("connection", "close");
    res.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of waiters.splice(0)) resolve();
    });
  });
  return {
    inFlight: () => inFlight,
    async drain(timeoutMs) {
      draining = true;
      server.close();
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        inFlight === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => waiters.push(() => resolve(true))),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      server.closeAllConnections();
      return drained;
    },
  };
}

/**
 * Runs `shutdown` on the first SIGTERM or SIGINT, then exits. Later signals are ignored rather than killing the
 * process mid-drain: a process of a multi-process app hears a signal sent to its group and the primary's as well.
 */
export function stopOnce(shutdown: (signal: NodeJS.Signals) => Promise<void>): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/** True when the promise settled in time (its own failure included: shutdown goes on regardless). */
export function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => true, () => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]).finally(() => clearTimeout(timer));
}
