import { summarize, type LatencySummary } from "./percentiles";

/** What every load run reports, whatever drove it (HTTP via autocannon or an in-process loop). */
export interface LoadResult {
  /** Completed operations (any outcome) during the measured window. */
  requests: number;
  /** Operations that did not succeed: non-2xx responses, socket errors, timeouts, thrown errors. */
  errors: number;
  /** HTTP status -> count; "error" for transport errors and timeouts. */
  statusCounts: Record<string, number>;
  /** Up to a few example failure bodies or messages, to say what went wrong. */
  errorSamples: string[];
  latencyMs: LatencySummary;
  requestsPerSecond: number;
  durationSeconds: number;
  connections: number;
}

/** Accumulates samples during a run; `finish` turns them into a LoadResult. */
export class LoadRecorder {
  private readonly latencies: number[] = [];
  private readonly statusCounts: Record<string, number> = {};
  private readonly errorSamples: string[] = [];
  private errors = 0;

  record(latencyMs: number, status: number | "error", ok: boolean): void {
    this.latencies.push(latencyMs);
    const key = String(status);
    this.statusCounts[key] = (this.statusCounts[key] ?? 0) + 1;
    if (!ok) this.errors++;
  }

  /** A failure that produced no latency sample (e.g. a connection error before any response). */
  recordError(message: string): void {
    this.errors++;
    this.statusCounts.error = (this.statusCounts.error ?? 0) + 1;
    this.sample(message);
  }

  sample(message: string): void {
    if (this.errorSamples.length < 5) this.errorSamples.push(message.slice(0, 500));
  }

  finish(elapsedMs: number, connections: number): LoadResult {
    const latencyMs = summarize(this.latencies);
    return {
      requests: this.latencies.length,
      errors: this.errors,
      statusCounts: this.statusCounts,
      errorSamples: this.errorSamples,
      latencyMs,
      requestsPerSecond: Math.round((this.latencies.length / (elapsedMs / 1000)) * 10) / 10,
      durationSeconds: Math.round(elapsedMs / 100) / 10,
      connections,
    };
  }
}
