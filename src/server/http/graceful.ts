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
