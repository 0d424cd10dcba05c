import { createHash } from "node:crypto";
import { cloudEventSchema, type CloudEvent } from "@/server/events/catalog";
import { processOnce } from "@/server/events/consumer";
import { eventIdOf, recordDeadLetter } from "@/server/events/dead-letters";
import { errorText } from "@/server/events/error-text";
import { FailureCounter } from "@/server/events/give-up";
import type { EventSubscription, HandlerOutcome, WorkerServices } from "@/server/events/worker-types";
import { recordDelivery, workerMetrics } from "./metrics";

export type DaprStatus = "SUCCESS" | "RETRY" | "DROP";

interface FailureNote {
  consumer: string;
  reason: string;
  attempts: number;
}

export interface GiveUpRule {
  maxAttempts?: number;
  afterMs?: number;
}

/**
 * Handles deliveries of one worker. Remembers recent failures by event id so that, when the sidecar later
 * hands the message back on the dead-letter topic, the stored dead letter says who failed and why.
 * The sidecar retries without limit (so a worker that is down loses nothing); this handler is what turns an
 * event that keeps failing into a dead letter, after 5 failed attempts spread over at least a minute.
 */
export function createDeliveryHandler(workerName: string, services: WorkerServices, giveUp: GiveUpRule = {}) {
  const failures = new Map<string, FailureNote>();
  const retriesAsked = new FailureCounter(giveUp.maxAttempts, giveUp.afterMs);
  const note = (eventId: string, consumer: string, reason: string) => {
    const attempts = (failures.get(eventId)?.attempts ?? 0) + 1;
    failures.delete(eventId);
    failures.set(eventId, { consumer, reason, attempts });
    if (failures.size > 1_000) failures.delete(failures.keys().next().value ?? "");
  };

  /** Runs the subscriptions the event is meant for; a throw means RETRY and never escapes. */
  async function deliver(subscriptions: readonly EventSubscription[], body: string): Promise<DaprStatus> {
    return deliverEvent(subscriptions, parseJson(body));
  }

  /** Same as deliver(), for an already parsed body (a bulk entry's `event`). */
  async function deliverEvent(subscriptions: readonly EventSubscription[], json: JsonBody): Promise<DaprStatus> {
    const parsed = parseEvent(json);
    if (!parsed.ok) {
      services.log.warn({ worker: workerName, reason: parsed.reason }, "malformed delivery dropped");
      const id = parsed.eventId;
      if (id) note(id, `${workerName}/${subscriptions.map((s) => s.name).join("+")}`, `malformed event: ${parsed.reason}`);
      return "DROP";
    }
    const event = parsed.event;
    const outcomes: HandlerOutcome[] = [];
    for (const subscription of subscriptions) {
      if (subscription.types && !subscription.types.includes(event.type)) continue;
      const consumer = `${workerName}/${subscription.name}`;
      const log = services.log.child({ consumer, eventId: event.id, type: event.type });
      const startedAt = performance.now();
      try {
        const outcome = (await subscription.handle(event, { ...services, log })) ?? "success";
        if (outcome !== "success") note(event.id, consumer, outcome === "drop" ? "dropped by the consumer" : "the consumer asked for a retry");
        outcomes.push(outcome);
        recordDelivery(workerName, subscription.topic, outcome, startedAt);
      } catch (cause) {
        const reason = errorText(cause);
        log.warn({ error: reason }, "handler failed, asking the sidecar to retry");
        note(event.id, consumer, reason);
        outcomes.push("retry");
        recordDelivery(workerName, subscription.topic, "retry", startedAt);
      }
    }
    if (outcomes.includes("retry")) {
      if (!retriesAsked.fail(event.id)) return "RETRY";
      services.log.error({ worker: workerName, eventId: event.id, type: event.type, attempts: retriesAsked.attempts(event.id) }, "giving up on an event: dead-lettered");
      retriesAsked.forget(event.id);
      return "DROP";
    }
    retriesAsked.forget(event.id);
    if (outcomes.includes("drop")) return "DROP";
    failures.delete(event.id);
    return "SUCCESS";
  }

  /** Stores a message from `<topic>-dlq`; each dead letter is stored once even if several workers receive it. */
  async function storeDeadLetter(topic: string, body: string): Promise<DaprStatus> {
    let event: unknown = body;
    try {
      event = JSON.parse(body) as unknown;
    } catch {
      // kept as the raw text
    }
    const eventId = eventIdOf(event) ?? `sha256:${createHash("sha256").update(body).digest("hex")}`;
    const hint = failures.get(eventId);
    try {
      await processOnce(services.db.db, `dead-letters:${topic}`, eventId, (tx) =>
        recordDeadLetter(tx, {
          topic,
          consumer: hint?.consumer ?? "unknown (via dead-letter topic)",
          event,
          reason: hint?.reason ?? "dead-lettered by the sidecar",
          attempts: hint?.attempts ?? 0,
        }),
      );
      failures.delete(eventId);
      workerMetrics().deadLettered.inc({ worker: workerName, topic });
      services.log.warn({ topic, eventId, consumer: hint?.consumer }, "dead letter stored");
      return "SUCCESS";
    } catch (cause) {
      services.log.error({ topic, eventId, error: errorText(cause) }, "could not store dead letter");
      return "RETRY";
    }
  }

  return { deliver, deliverEvent, storeDeadLetter };
}

export type DeliveryHandler = ReturnType<typeof createDeliveryHandler>;

/** The parsed JSON body, or undefined when it was not JSON. */
export type JsonBody = { json: unknown } | undefined;

export function parseJson(body: string): JsonBody {
  try {
    return { json: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}

type ParsedEvent = { ok: true; event: CloudEvent } | { ok: false; reason: string; eventId?: string };

function parseEvent(body: JsonBody): ParsedEvent {
  if (body === undefined) return { ok: false, reason: "body is not JSON" };
  const { json } = body;
  const result = cloudEventSchema.safeParse(json);
  if (!result.success) {
    const reason = result.error.issues.map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`).join("; ");
    return { ok: false, reason, eventId: eventIdOf(json) ?? undefined };
  }
  return { ok: true, event: result.data as CloudEvent };
}
