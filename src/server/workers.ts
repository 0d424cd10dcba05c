import { notificationsWorker } from "@workers/notifications";
import { recurrenceWorker } from "@workers/recurrence";
import { remindersWorker } from "@workers/reminders";
import { realtimeWorker } from "@workers/realtime";
import { webhooksWorker } from "@workers/webhooks";
import type { WorkerDefinition } from "@/server/events/worker-types";

/** The worker fleet; in the embedded default they all run inside the app process. */
export const ALL_WORKERS: readonly WorkerDefinition[] = [recurrenceWorker, remindersWorker, notificationsWorker, realtimeWorker, webhooksWorker];
