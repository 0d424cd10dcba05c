import type { Logger } from "pino";
import type { Executor } from "@/server/db/client";
import type { CloudEvent } from "../catalog";
import { recordDeadLetter } from "../dead-letters";
import type { EventTransport } from "../transport";
import type { HandlerOutcome } from "../worker-types";
import { errorText } from "../error-text";

/** An in-process subscriber; `consumer` names it in logs and dead letters ("<worker>/<subscription>"). */
export interface EmbeddedSubscription {
  consumer: string;
  topic: string;
  types?: readonly string[];
  handle(event: CloudEvent): Promise<HandlerOutcome | void>;
}

export interface EmbeddedTransport extends EventTransport {
  readonly kind: "embedded";
  subscribe(subscription: EmbeddedSubscription): () => void;
  /** Resolves once nothing is queued, being delivered or waiting to be retried (for tests and shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface EmbeddedTransportOptions {
  /** Where dead letters are stored. */
  db: Executor;
  log: Logger;
  /** Retries after the first failed attempt before dead-lettering (like the Dapr resiliency policy). */
  maxRetries?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

interface Delivery {
  topic: string;
  event: CloudEvent;
}

/**
 * In-process pub/sub with the Dapr semantics: asynchronous, ordered per (subscriber, partition key),
 * success/retry/drop outcomes, a thrown error means retry, bounded exponential backoff, then a stored dead letter.
 */
export function createEmbeddedTransport(options: EmbeddedTransportOptions): EmbeddedTransport {
  const maxRetries = options.maxRetries ?? 5;
  const initialDelayMs = options.initialDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const log = options.log.child({ component: "embedded-transport" });
  const subscriptions = new Set<EmbeddedSubscription>();
  const lanes = new Map<string, Delivery[]>();
  const abort = new AbortController();
  let idleWaiters: (() => void)[] = [];

  function settleIdle() {
    if (lanes.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  }

  function enqueue(subscription: EmbeddedSubscription, partitionKey: string, delivery: Delivery) {
    const key = `${subscription.consumer}\u0000${partitionKey}`;
    const lane = lanes.get(key);
    if (lane) {
      lane.push(delivery); // the running lane takes it after the deliveries ahead of it
      return;
    }
    const fresh = [delivery];
    lanes.set(key, fresh);
    // Started on a later tick so publish() never runs handler code synchronously.
    setImmediate(() => void runLane(subscription, key, fresh));
  }

  async function runLane(subscription: EmbeddedSubscription, key: string, lane: Delivery[]) {
    try {
      while (lane.length > 0 && !abort.signal.aborted) {
        const head = lane[0];
        if (head) await deliver(subscription, head);
        lane.shift();
      }
    } finally {
      lanes.delete(key);
      settleIdle();
    }
  }

  async function deliver(subscription: EmbeddedSubscription, { topic, event }: Delivery) {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      let outcome: HandlerOutcome;
      let reason: string;
      try {
        outcome = (await subscription.handle(structuredClone(event))) ?? "success";
        reason = outcome === "drop" ? "dropped by the consumer" : "the consumer asked for a retry";
      } catch (cause) {
        outcome = "retry";
        reason = errorText(cause);
      }
      if (outcome === "success") return;
      const context = { consumer: subscription.consumer, topic, eventId: event.id, type: event.type, attempts };
      if (outcome === "drop") return deadLetter(subscription, topic, event, reason, attempts);
      if (attempts > maxRetries) {
        return deadLetter(subscription, topic, event, `retries exhausted: ${reason}`, attempts);
      }
      log.warn({ ...context, reason }, "delivery failed, will retry");
      await sleep(Math.min(initialDelayMs * 2 ** (attempts - 1), maxDelayMs), abort.signal);
      if (abort.signal.aborted) return;
    }
  }

  async function deadLetter(subscription: EmbeddedSubscription, topic: string, event: CloudEvent, reason: string, attempts: number) {
    const context = { consumer: subscription.consumer, topic, eventId: event.id, type: event.type, attempts, reason };
    try {
      await recordDeadLetter(options.db, { topic, consumer: subscription.consumer, event, reason, attempts });
      log.warn(context, "event dead-lettered");
    } catch (cause) {
      // Never silent: the full event goes to the log when it cannot be stored.
      log.error({ ...context, event, error: errorText(cause) }, "could not store dead letter");
    }
  }

  const idle = (): Promise<void> =>
    lanes.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));

  return {
    kind: "embedded",
    subscribe(subscription) {
      subscriptions.add(subscription);
      return () => subscriptions.delete(subscription);
    },
    async publish(topic, event, partitionKey) {
      if (abort.signal.aborted) throw new Error("embedded transport is closed");
      for (const subscription of subscriptions) {
        if (subscription.topic !== topic) continue;
        if (subscription.types && !subscription.types.includes(event.type)) continue;
        enqueue(subscription, partitionKey, { topic, event });
      }
    },
    idle,
    async close() {
      // Aborting ends backoff waits; queued deliveries are abandoned (their outbox rows are already published).
      abort.abort();
      await idle();
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
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
