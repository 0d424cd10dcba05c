// Outbound calls from the "sidecar" to an app on 127.0.0.1, classified the way daprd needs.
import http from "node:http";

export type AppCallResult =
  | { kind: "response"; status: number; body: string }
  /** Nothing listens yet: a sidecar waits for its app instead of counting a failure. */
  | { kind: "unreachable"; error: string }
  /** Timeout, reset, or another transport failure mid-call: counts as a failed attempt. */
  | { kind: "failed"; error: string };

export interface AppCallOptions {
  port: number;
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  agent: http.Agent;
}

export function callApp(options: AppCallOptions): Promise<AppCallResult> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port: options.port,
        method: options.method,
        path: options.path,
        agent: options.agent,
        headers: {
          ...options.headers,
          ...(payload ? { "content-length": String(payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            kind: "response",
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", (error) => resolve({ kind: "failed", error: error.message }));
      },
    );
    req.setTimeout(options.timeoutMs, () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      const refused = error.code === "ECONNREFUSED" || error.code === "ENOTFOUND";
      resolve({ kind: refused ? "unreachable" : "failed", error: error.message });
    });
    req.end(payload);
  });
}

/** Sleeps, but wakes early when `signal` aborts (so close() does not hang on backoffs). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
