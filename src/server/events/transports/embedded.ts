import type { Logger } from "pino";
import type { Executor } from "@/server/db/client";
import type { CloudEvent } from "../catalog";
import { recordDeadLetter } from "../dead-letters";
import type { EventTransport } from "../transport";
import type { HandlerOutcome } from "../worker-types";
import { errorText } from "../error-text";
import { DEFAULT_GIVE_UP_AFTER_MS, DEFAULT_MAX_DELIVERY_ATTEMPTS, FailureCounter } from "../give-up";

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
  /**
   * Resolves once every matching subscriber has settled the event: handled (SUCCESS), or dropped / given up and
   * stored as a dead letter. Rejects when a subscriber still fails after a short retry in place (the relay
   * retries the row with its own backoff, and only the subscribers that have not handled it yet get it again),
   * when the transport closes first, or when a dead letter cannot be stored: the outbox row stays unpublished
   * and the relay delivers it again (nothing lives only in memory).
   */
  publish(topic: string, event: CloudEvent, partitionKey: string): Promise<void>;
  /** Resolves once nothing is queued, being delivered or waiting to be retried (for tests and shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface EmbeddedTransportOptions {
  /** Where dead letters are stored. */
  db: Executor;
  log: Logger;
  /**
   * A failing event is dead-lettered only after more than `maxRetries` retries (5 failed attempts by default)
   * spread over at least `giveUpAfterMs` (60 s): the same rule as the Dapr workers, so a slow spell of the server
   * or a restarting dependency does not cost events.
   */
  maxRetries?: number;
  giveUpAfterMs?: number;
  /** Backoff of the retries in place; past `retryInPlaceMs` the event goes back to the relay's backoff instead. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  retryInPlaceMs?: number;
}

interface Delivery {
  topic: string;
  event: CloudEvent;
  settled(error?: Error): void;
}

class TransportClosed extends Error {
  constructor() {
    super("embedded transport closed before the event was handled");
  }
}

/** A subscriber still fails: the publish fails so the relay retries the row later, without holding its pass. */
class DeliveryDeferred extends Error {
  constructor(consumer: string, attempts: number, reason: string) {
    super(`${consumer} failed ${attempts} time(s), retried later: ${reason}`);
  }
}

/** Events kept with the subscribers that already handled them while another one still fails (bounded). */
const HANDLED_MEMORY = 10_000;

/**
 * In-process pub/sub with the Dapr semantics: asynchronous handlers, ordered per (subscriber, partition key),
 * success/retry/drop outcomes, a thrown error means retry; a short retry in place, then the relay's backoff, and a
 * stored dead letter only after 5 failures over at least a minute (give-up.ts).
 */
export function createEmbeddedTransport(options: EmbeddedTransportOptions): EmbeddedTransport {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_DELIVERY_ATTEMPTS - 1;
  const initialDelayMs = options.initialDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  // Short: a delivery retried in place holds up the relay's whole pass, i.e. every other user's events.
  const retryInPlaceMs = options.retryInPlaceMs ?? 2_000;
  const failures = new FailureCounter(maxRetries + 1, options.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS, HANDLED_MEMORY);
  /** event id -> consumers that handled it, for events another consumer has not handled yet. */
  const handledBy = new Map<string, Set<string>>();
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
    // Started as a microtask so publish() never runs handler code synchronously, without waiting a whole
    // event-loop turn (the relay awaits every delivery now; a macrotask hop per event halved PGlite throughput).
    queueMicrotask(() => void runLane(subscription, key, fresh));
  }

  async function runLane(subscription: EmbeddedSubscription, key: string, lane: Delivery[]) {
    try {
      while (lane.length > 0 && !abort.signal.aborted) {
        const head = lane[0];
        if (head) {
          try {
            await deliver(subscription, head);
            head.settled(abort.signal.aborted ? new TransportClosed() : undefined);
          } catch (cause) {
            head.settled(cause instanceof Error ? cause : new Error(errorText(cause)));
          }
        }
        lane.shift();
      }
    } finally {
      // Abandoned on close: their publishes fail, so the relay keeps the rows for the next start.
      for (const left of lane.splice(0)) left.settled(new TransportClosed());
      lanes.delete(key);
      settleIdle();
    }
  }

  /**
   * Returns once the event is handled or dead-lettered (or the transport closes); throws when it still fails
   * after the retries in place (DeliveryDeferred) or the dead letter was not stored.
   */
  async function deliver(subscription: EmbeddedSubscription, { topic, event }: Delivery) {
    const failureKey = `${subscription.consumer}\u0000${event.id}`;
    const inPlaceUntil = Date.now() + retryInPlaceMs;
    for (let inPlace = 1; ; inPlace++) {
      let outcome: HandlerOutcome;
      let reason: string;
      try {
        outcome = (await subscription.handle(structuredClone(event))) ?? "success";
        reason = outcome === "drop" ? "dropped by the consumer" : "the consumer asked for a retry";
      } catch (cause) {
        outcome = "retry";
        reason = errorText(cause);
      }
      if (outcome === "success") {
        failures.forget(failureKey);
        return;
      }
      const exhausted = failures.fail(failureKey);
      const attempts = failures.attempts(failureKey);
      if (outcome === "drop" || exhausted) {
        failures.forget(failureKey);
        return deadLetter(subscription, topic, event, outcome === "drop" ? reason : `retries exhausted: ${reason}`, attempts);
      }
      const delayMs = Math.min(initialDelayMs * 2 ** (inPlace - 1), maxDelayMs);
      if (Date.now() + delayMs > inPlaceUntil) throw new DeliveryDeferred(subscription.consumer, attempts, reason);
      log.warn({ consumer: subscription.consumer, topic, eventId: event.id, type: event.type, attempts, reason }, "delivery failed, will retry");
      await sleep(delayMs, abort.signal);
      if (abort.signal.aborted) return;
    }
  }

  /** Remembers who handled an event that must be published again, so only the others get it again. */
  function rememberHandled(eventId: string, consumers: string[]) {
    const set = handledBy.get(eventId) ?? new Set<string>();
    for (const consumer of consumers) set.add(consumer);
    handledBy.delete(eventId);
    handledBy.set(eventId, set);
    if (handledBy.size > HANDLED_MEMORY) handledBy.delete(handledBy.keys().next().value ?? "");
  }

  async function deadLetter(subscription: EmbeddedSubscription, topic: string, event: CloudEvent, reason: string, attempts: number) {
    const context = { consumer: subscription.consumer, topic, eventId: event.id, type: event.type, attempts, reason };
    try {
      await recordDeadLetter(options.db, { topic, consumer: subscription.consumer, event, reason, attempts });
      log.warn(context, "event dead-lettered");
    } catch (cause) {
      // Never silent: logged, and the publish fails so the outbox row is retried rather than lost.
      log.error({ ...context, event, error: errorText(cause) }, "could not store dead letter");
      throw cause;
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
      if (abort.signal.aborted) throw new TransportClosed();
      const handled: Promise<void>[] = [];
      const consumers: string[] = [];
      const already = handledBy.get(event.id);
      for (const subscription of subscriptions) {
        if (subscription.topic !== topic) continue;
        if (subscription.types && !subscription.types.includes(event.type)) continue;
        if (already?.has(subscription.consumer)) continue;
        consumers.push(subscription.consumer);
        handled.push(
          new Promise<void>((resolve, reject) => {
            enqueue(subscription, partitionKey, { topic, event, settled: (error) => (error ? reject(error) : resolve()) });
          }),
        );
      }
      // allSettled first: one subscriber's failure must not leave the others' outcomes unobserved.
      const results = await Promise.allSettled(handled);
      const failure = results.find((result) => result.status === "rejected");
      if (failure) {
        rememberHandled(event.id, consumers.filter((_, i) => results[i]?.status === "fulfilled"));
        throw failure.reason;
      }
      handledBy.delete(event.id);
    },
    idle,
    async close() {
      // Aborting ends backoff waits; unfinished deliveries fail their publish, so their outbox rows stay unpublished.
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
