// The outbound circuit breaker of dapr-components/resiliency.yaml (`brokerBreaker` on the pubsub component's
// outbound side), per sidecar, with the semantics daprd takes from sony/gobreaker: closed → open when the trip
// condition `consecutiveFailures > N` holds; open answers every publish with an error at once, whether the broker
// is back or not, until `timeout` has passed; then half-open lets `maxRequests` publishes through — one failure
// opens it again, `maxRequests` successes close it. In the closed state the counts reset every `interval`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { parseGoDuration } from "./durations";

export interface BreakerPolicy {
  /** Trips when consecutive failures exceed this (`trip: consecutiveFailures > N`). */
  consecutiveFailures: number;
  timeoutMs: number;
  maxRequests: number;
  /** Closed-state counting window (0 = counts never reset while closed). */
  intervalMs: number;
}

/**
 * The breaker a resiliency file puts on the pubsub component's outbound side (dapr-components/resiliency.yaml by
 * default), read from the file itself so the double cannot drift from it; undefined when there is none.
 */
export function outboundBreakerOf(file = path.resolve(import.meta.dirname, "../../../dapr-components/resiliency.yaml")): BreakerPolicy | undefined {
  const doc = parse(readFileSync(file, "utf8")) as ResiliencyFile;
  const name = doc.spec?.targets?.components?.pubsub?.outbound?.circuitBreaker;
  if (!name) return undefined;
  const spec = doc.spec?.policies?.circuitBreakers?.[name];
  const trip = /^\s*consecutiveFailures\s*>\s*(\d+)\s*$/.exec(spec?.trip ?? "");
  if (!spec || !trip) throw new Error(`${file}: circuit breaker ${name} is missing or its trip is not "consecutiveFailures > N"`);
  return {
    consecutiveFailures: Number(trip[1]),
    timeoutMs: parseGoDuration(spec.timeout ?? "60s") ?? 60_000,
    maxRequests: Number(spec.maxRequests ?? 1),
    intervalMs: parseGoDuration(spec.interval ?? "0s") ?? 0,
  };
}

interface ResiliencyFile {
  spec?: {
    policies?: { circuitBreakers?: Record<string, { maxRequests?: number; interval?: string; timeout?: string; trip?: string }> };
    targets?: { components?: Record<string, { outbound?: { circuitBreaker?: string } }> };
  };
}

export class CircuitBreaker {
  private state: "closed" | "open" | "half-open" = "closed";
  private failures = 0;
  private successes = 0;
  private inFlight = 0;
  private since = Date.now();

  constructor(
    private readonly policy: BreakerPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.since = now();
  }

  /** The state now (open turns half-open once its timeout has passed). */
  current(): "closed" | "open" | "half-open" {
    const now = this.now();
    if (this.state === "open" && now - this.since >= this.policy.timeoutMs) this.move("half-open");
    if (this.state === "closed" && this.policy.intervalMs > 0 && now - this.since >= this.policy.intervalMs) {
      this.failures = 0;
      this.since = now;
    }
    return this.state;
  }

  /** Runs a publish through the breaker: throws BreakerOpenError without running it while open. */
  run<T>(attempt: () => T): T {
    const state = this.current();
    if (state === "open" || (state === "half-open" && this.inFlight + this.successes >= this.policy.maxRequests)) throw new BreakerOpenError();
    this.inFlight += 1;
    try {
      const result = attempt();
      this.succeeded();
      return result;
    } catch (cause) {
      this.failed();
      throw cause;
    } finally {
      this.inFlight -= 1;
    }
  }

  private succeeded() {
    this.failures = 0;
    if (this.state === "half-open" && ++this.successes >= this.policy.maxRequests) this.move("closed");
  }

  private failed() {
    if (this.state === "half-open") return this.move("open");
    this.failures += 1;
    if (this.failures > this.policy.consecutiveFailures) this.move("open");
  }

  private move(state: "closed" | "open" | "half-open") {
    this.state = state;
    this.failures = 0;
    this.successes = 0;
    this.since = this.now();
  }
}

export class BreakerOpenError extends Error {
  constructor() {
    super("circuit breaker is open");
  }
}

/**
 * The inbound (delivery) retry policy a resiliency file puts on the pubsub component (dapr-components/resiliency.yaml
 * by default), for the double's `resiliency` option: exponential from initialInterval up to maxInterval.
 */
export function deliveryRetryOf(file = path.resolve(import.meta.dirname, "../../../dapr-components/resiliency.yaml")) {
  const doc = parse(readFileSync(file, "utf8")) as {
    spec?: {
      policies?: { retries?: Record<string, { initialInterval?: string; maxInterval?: string; maxRetries?: number }> };
      targets?: { components?: Record<string, { inbound?: { retry?: string } }> };
    };
  };
  const name = doc.spec?.targets?.components?.pubsub?.inbound?.retry;
  const spec = name ? doc.spec?.policies?.retries?.[name] : undefined;
  if (!spec) throw new Error(`${file}: no retry policy on the pubsub component's inbound side`);
  return {
    maxRetries: spec.maxRetries ?? -1,
    initialIntervalMs: parseGoDuration(spec.initialInterval ?? "500ms") ?? 500,
    maxIntervalMs: parseGoDuration(spec.maxInterval ?? "60s") ?? 60_000,
  };
}
