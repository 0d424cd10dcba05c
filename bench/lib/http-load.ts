import autocannon from "autocannon";
import { LoadRecorder, type LoadResult } from "./load-result";

export interface HttpRequestSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface HttpLoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  /** Unmeasured run first, same traffic, to warm caches and JITs. 0 to skip. */
  warmupSeconds: number;
  /** Headers on every request (e.g. Cookie). Read per request, so it may change between runs. */
  headers: () => Record<string, string>;
  /** The next request to send; called once per request, so every request can differ. */
  next: () => HttpRequestSpec;
  /** Sees every response body (e.g. to learn new ids or versions). */
  onResponse?: (status: number, body: string) => void;
}

/**
 * Drives an HTTP server with autocannon (closed loop, `connections` keep-alive sockets, one request in
 * flight each) and records every response's latency exactly, so percentiles such as p95 are not binned.
 * Any status outside 2xx counts as an error.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await drive(options, options.warmupSeconds, new LoadRecorder());
  const recorder = new LoadRecorder();
  const elapsed = await drive(options, options.durationSeconds, recorder);
  return recorder.finish(elapsed, options.connections);
}

async function drive(options: HttpLoadOptions, seconds: number, recorder: LoadRecorder): Promise<number> {
  const start = performance.now();
  let finished!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    finished = (error) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve());
  });
  // The callback form returns the instance, whose events carry each response's exact latency.
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const spec = options.next();
          return {
            ...req,
            method: spec.method,
            path: spec.path,
            body: spec.body ?? "",
            headers: {
              ...options.headers(),
              ...(spec.body ? { "content-type": "application/json" } : {}),
              ...spec.headers,
            },
          };
        },
        onResponse: (status, body) => {
          if (status < 200 || status >= 300) recorder.sample(`HTTP ${status}: ${body}`);
          options.onResponse?.(status, body);
        },
      },
    ],
  }, (error) => finished(error));
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    recorder.record(responseTime, statusCode, statusCode >= 200 && statusCode < 300);
  });
  instance.on("reqError", (error) => recorder.recordError(error instanceof Error ? error.message : String(error)));
  await done;
  return performance.now() - start;
}
