import { deadLetterTopic } from "@/server/events/catalog";
import type { EventSubscription, WorkerDefinition } from "@/server/events/worker-types";
import { DEFAULT_BULK_SUBSCRIBE, type BulkSubscribeConfig } from "./bulk";
import { DEFAULT_MAX_DELIVERY_ATTEMPTS } from "@/server/events/give-up";

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
 * Programmatic subscriptions: one per topic, every event on it delivered to one path (the default route),
 * dead-lettered to `<topic>-dlq`; plus a subscription to each `<topic>-dlq` that stores dead letters in the
 * database. The worker itself skips (and acknowledges) types it does not handle: routing by type in daprd would
 * send every event matching no rule straight to the dead-letter topic (and, in bulk, post it to path ""). Event subscriptions use bulk
 * subscribe unless `bulk` is false; dead-letter subscriptions stay per message (rare, and each is stored alone).
 */
export function daprSubscriptions(
  worker: WorkerDefinition,
  pubsubname: string,
  maxDeliveryAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS,
  bulk: BulkSubscribeConfig | false = DEFAULT_BULK_SUBSCRIBE,
): DaprSubscription[] {
  const entries: DaprSubscription[] = [];
  for (const [topic, subscriptions] of subscriptionsByTopic(worker)) {
    const only = subscriptions.length === 1 ? subscriptions[0] : undefined;
    const path = eventPath(worker.name, only ? only.name : fanOutName(topic));
    entries.push({
      pubsubname,
      topic,
      routes: { default: path },
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
