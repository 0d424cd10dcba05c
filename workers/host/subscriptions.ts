import { deadLetterTopic } from "@/server/events/catalog";
import type { EventSubscription, WorkerDefinition } from "@/server/events/worker-types";
import { DEFAULT_BULK_SUBSCRIBE, type BulkSubscribeConfig } from "./bulk";

/** One entry of the `GET /dapr/subscribe` answer. */
export interface DaprSubscription {
  pubsubname: string;
  topic: string;
  routes?: { rules?: { match: string; path: string }[]; default?: string };
  route?: string;
  deadLetterTopic?: string;
  metadata?: Record<string, string>;
  bulkSubscribe?: BulkSubscribeConfig;
}

export const eventPath = (worker: string, subscription: string) => `/events/${encodeURIComponent(worker)}/${encodeURIComponent(subscription)}`;
/** Several subscriptions of one worker on one topic share a path (daprd allows one subscription per topic and app). */
export const fanOutName = (topic: string) => `topic:${topic}`;
export const deadLetterPath = (worker: string, topic: string) => `/dead-letters/${encodeURIComponent(worker)}/${encodeURIComponent(topic)}`;

export function subscriptionsByTopic(worker: WorkerDefinition): Map<string, EventSubscription[]> {
  const byTopic = new Map<string, EventSubscription[]>();
  for (const subscription of worker.subscriptions) {
    byTopic.set(subscription.topic, [...(byTopic.get(subscription.topic) ?? []), subscription]);
  }
  return byTopic;
}

/**
 * Programmatic subscriptions: one per topic, routed by CloudEvent type when the worker names types
 * (other types then match no rule and are not delivered), dead-lettered to `<topic>-dlq`; plus a
 * subscription to each `<topic>-dlq` that stores dead letters in the database. Event subscriptions use bulk
 * subscribe unless `bulk` is false; dead-letter subscriptions stay per message (rare, and each is stored alone).
 */
export function daprSubscriptions(
  worker: WorkerDefinition,
  pubsubname: string,
  maxDeliveryAttempts = 5,
  bulk: BulkSubscribeConfig | false = DEFAULT_BULK_SUBSCRIBE,
): DaprSubscription[] {
  const entries: DaprSubscription[] = [];
  for (const [topic, subscriptions] of subscriptionsByTopic(worker)) {
    const only = subscriptions.length === 1 ? subscriptions[0] : undefined;
    const path = eventPath(worker.name, only ? only.name : fanOutName(topic));
    const everyType = subscriptions.every((s) => s.types !== undefined);
    const types = [...new Set(subscriptions.flatMap((s) => s.types ?? []))];
    entries.push({
      pubsubname,
      topic,
      routes: everyType ? { rules: types.map((type) => ({ match: `event.type == ${JSON.stringify(type)}`, path })) } : { default: path },
      deadLetterTopic: deadLetterTopic(topic),
      metadata: { maxDeliveryAttempts: String(maxDeliveryAttempts) },
      ...(bulk && bulk.enabled ? { bulkSubscribe: { ...bulk } } : {}),
    });
  }
  for (const topic of subscriptionsByTopic(worker).keys()) {
    entries.push({ pubsubname, topic: deadLetterTopic(topic), routes: { default: deadLetterPath(worker.name, topic) } });
  }
  return entries;
}
