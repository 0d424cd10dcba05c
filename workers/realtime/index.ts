import { syncNoticeSchema, TOPICS } from "@/server/events/catalog";
import type { Env } from "@/server/env";
import type { EventSubscription, WorkerDefinition } from "@/server/events/worker-types";
import { createPusherPublisher, type RealtimePublisher } from "@/server/realtime/publisher";

/** Client event name every sync notice is pushed under. */
export const SYNC_EVENT = "sync";

/**
 * Fans task-updates notices out to the user's Pusher channel. A failed push throws, so the transport retries;
 * pushing a notice twice is harmless (clients just refetch), so no processed-event record is kept.
 */
export function createRealtimeWorker(options: { publisher?: (env: Env) => RealtimePublisher } = {}): WorkerDefinition {
  let publisher: RealtimePublisher | undefined;
  const publisherFor = (env: Env) => (publisher ??= (options.publisher ?? createPusherPublisher)(env));

  const notices: EventSubscription = {
    name: "sync-notices",
    topic: TOPICS.taskUpdates,
    async handle(event, { env, log }) {
      const notice = syncNoticeSchema.safeParse(event.data);
      if (!event.userid || !notice.success) {
        log.warn({ eventId: event.id, type: event.type }, "task-updates event without a user or a valid notice; dropped");
        return "drop";
      }
      await publisherFor(env).publishToUser(event.userid, SYNC_EVENT, notice.data);
      return "success";
    },
  };

  return { name: "realtime", subscriptions: [notices] };
}

export const realtimeWorker = createRealtimeWorker();
export default realtimeWorker;
