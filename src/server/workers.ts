import { notificationsWorker } from "@workers/notifications";
import { recurrenceWorker } from "@workers/recurrence";
import { remindersWorker } from "@workers/reminders";
import { createRealtimeWorker, realtimeWorker } from "@workers/realtime";
import { webhooksWorker } from "@workers/webhooks";
import type { WorkerDefinition } from "@/server/events/worker-types";
import type { RealtimePublisher } from "@/server/realtime/publisher";

/** The worker fleet; in the embedded default they all run inside the app process. */
export const ALL_WORKERS: readonly WorkerDefinition[] = [recurrenceWorker, remindersWorker, notificationsWorker, realtimeWorker, webhooksWorker];

/**
 * The fleet as run inside the app: with the built-in Pusher endpoint in the same process, the realtime worker
 * pushes into it directly instead of through the Pusher HTTP API on its own port.
 */
export function inProcessWorkers(localPusher: RealtimePublisher | undefined): readonly WorkerDefinition[] {
  if (!localPusher) return ALL_WORKERS;
  const realtime = createRealtimeWorker({ publisher: () => localPusher });
  return ALL_WORKERS.map((worker) => (worker === realtimeWorker ? realtime : worker));
}
