import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import type { ProcessRole } from "./processes";

/**
 * How far V8 lets the JavaScript heap grow past what the last full collection kept, in percent, while the process
 * is idle. By default V8 lets it grow up to 4× the live data: after 5,000 creates and 800 mixed calls the app's
 * heap was 239 MB holding 59 MB live, i.e. most of the RSS was garbage waiting; at 50 % it stayed at 125 MB.
 */
export const IDLE_HEAP_GROWING_PERCENT = 50;
/**
 * Under load the background process's limit is lifted (0 = V8's own dynamic factor): held at 50 % a heap sits near
 * its limit, so V8 collects more often (a 2-minute PGlite soak on a busy machine: 40.9 ms of CPU per request against
 * 28.9 ms without the limit; repeated on a quieter one: 29.8 against 28.1 ms, README "Soak").
 */
export const BUSY_HEAP_GROWING_PERCENT = 0;
/**
 * A web process of the multi-process (PostgreSQL) mode keeps ~60 MB live and runs no event work. With V8's own
 * factor under load (up to 4× on a machine with this much memory) each one sat at 190–350 MB and grew through a
 * 10-minute soak. Held at 1.3×, busy or idle, each stayed at 188–199 MB through a 5-minute soak (+2 % for the whole
 * process group) for about the same app CPU per request (12.6 ms; 12.7 in the last 10-minute run without it).
 */
export const WEB_HEAP_GROWING_PERCENT = 30;
/**
 * The embedded default's one process (PGlite, requests, relay and workers) keeps ~65-71 MB live. With V8's own factor
 * under load its heap swung between 128 and 190 MB, and a 10-minute PGlite soak's RSS grew 32 %; held at 1.5×, busy
 * or idle, the heap's mappings stayed at 139-143 MB through a 10-minute soak (RSS +10.8 %, the rest PGlite's buffer
 * pool filling) for 18.0 ms of CPU per request against 17.1 (the second at a lower machine load). At 1.3× a
 * saturated soak's p95 doubled (161 -> 325 ms in a 5-minute pair).
 */
export const SINGLE_HEAP_GROWING_PERCENT = IDLE_HEAP_GROWING_PERCENT;
/** Share of the last interval the event loop was busy above which the process counts as under load. */
export const BUSY_UTILIZATION = 0.05;
const CHECK_INTERVAL_MS = 5_000;

/** The growth limit of a process of this role whose event loop was busy `utilization` (0–1) of the last interval. */
export function heapGrowingPercentFor(utilization: number, role: ProcessRole = "single"): number {
  if (role === "web") return WEB_HEAP_GROWING_PERCENT;
  if (role === "single") return SINGLE_HEAP_GROWING_PERCENT;
  return utilization > BUSY_UTILIZATION ? BUSY_HEAP_GROWING_PERCENT : IDLE_HEAP_GROWING_PERCENT;
}

export interface HeapGrowthDeps {
  role?: ProcessRole;
  /** Event-loop utilization (0–1) since the previous call. */
  utilizationSinceLastCheck: () => number;
  setPercent: (percent: number) => void;
}

/**
 * Checks the event loop's load and sets the limit when it changes: V8 reads it at every full collection, so an
 * idle process shrinks at its next one (V8's memory reducer runs them once allocation slows) and a busy one
 * gets room. Returns the check, for tests; the timer calls it every 5 s.
 */
export function createHeapGrowthControl(deps: HeapGrowthDeps): () => number {
  let current: number | undefined;
  const check = () => {
    const percent = heapGrowingPercentFor(deps.utilizationSinceLastCheck(), deps.role);
    if (percent !== current) deps.setPercent(percent);
    current = percent;
    return percent;
  };
  current = heapGrowingPercentFor(0, deps.role);
  deps.setPercent(current);
  return check;
}

/** Applies the growth limit of its role (load-dependent for the background process) to this process. */
export function limitHeapGrowth(role: ProcessRole): void {
  let last = performance.eventLoopUtilization();
  const check = createHeapGrowthControl({
    role,
    utilizationSinceLastCheck: () => {
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, last);
      last = now;
      return utilization;
    },
    setPercent: (percent) => v8.setFlagsFromString(`--heap-growing-percent=${percent}`),
  });
  setInterval(check, CHECK_INTERVAL_MS).unref();
}
