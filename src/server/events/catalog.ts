import { z } from "zod";

/** Topics of the event backbone (pub/sub component "pubsub"). */
export const TOPICS = {
  taskEvents: "task-events",
  reminders: "reminders",
  taskUpdates: "task-updates",
  /** Outgoing webhook work queued from the app (test events, resends, re-enabled endpoints). */
  webhooks: "webhooks",
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
export const deadLetterTopic = (topic: string) => `${topic}-dlq`;
/**
 * Every topic the broker must hold before a sidecar subscribes or publishes: each topic and its dead-letter topic.
 * The local fleet creates them at start (scripts/fleet); the Helm chart's Job creates the same list, which
 * `npm run k8s:topics` writes to k8s/kafka-topics.yaml (k8s:validate fails when that file has drifted).
 */
export const BROKER_TOPICS: readonly string[] = Object.values(TOPICS).flatMap((topic) => [topic, deadLetterTopic(topic)]);
/** Partitions of each topic; the partition key is the user id, so one user's events stay in order. */
export const TOPIC_PARTITIONS = 4;

export const EVENT_TYPES = {
  taskCreated: "cadence.task.created.v1",
  taskUpdated: "cadence.task.updated.v1",
  taskCompleted: "cadence.task.completed.v1",
  taskUncompleted: "cadence.task.uncompleted.v1",
  taskDeleted: "cadence.task.deleted.v1",
  taskRestored: "cadence.task.restored.v1",
  categoryChanged: "cadence.category.changed.v1",
  tagChanged: "cadence.tag.changed.v1",
  reminderScheduled: "cadence.reminder.scheduled.v1",
  reminderCancelled: "cadence.reminder.cancelled.v1",
  reminderDue: "cadence.reminder.due.v1",
  reminderSent: "cadence.reminder.sent.v1",
  reminderFailed: "cadence.reminder.failed.v1",
  syncNotice: "cadence.sync.v1",
  /** An endpoint got a delivery queued outside the event flow; the webhooks worker starts sending. */
  webhookQueued: "cadence.webhook.queued.v1",
} as const;
export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

/** CloudEvents 1.0 JSON envelope as written to the outbox and sent with application/cloudevents+json. */
export const cloudEventSchema = z.object({
  specversion: z.literal("1.0"),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().optional(),
  time: z.string().optional(),
  datacontenttype: z.string().optional(),
  /** Extension attribute: the user the event belongs to (also the partition key). */
  userid: z.string().optional(),
  correlationid: z.string().optional(),
  data: z.unknown(),
});
export type CloudEvent<T = unknown> = Omit<z.infer<typeof cloudEventSchema>, "data"> & { data: T };

/** State of a task carried by task events (event-carried state transfer). */
export const taskEventStateSchema = z.object({
  id: z.string(),
  userId: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  priority: z.enum(["low", "medium", "high", "urgent"]),
  dueAt: z.string().nullable(),
  allDay: z.boolean(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  categoryId: z.string().nullable(),
  tagIds: z.array(z.string()),
  recurrenceRule: z.string().nullable(),
  recurrenceBasis: z.enum(["due", "completion"]),
  seriesId: z.string().nullable(),
  occurrenceIndex: z.number().int(),
  deletedAt: z.string().nullable(),
});
export type TaskEventState = z.infer<typeof taskEventStateSchema>;

export const taskEventDataSchema = z.object({
  task: taskEventStateSchema,
  changed: z.array(z.string()),
});
export type TaskEventData = z.infer<typeof taskEventDataSchema>;

export const reminderEventDataSchema = z.object({
  reminderId: z.string(),
  taskId: z.string(),
  userId: z.string(),
  remindAt: z.string(),
  /** On reminder.sent: the in-app notification it created (its title and body go out as the push). */
  notificationId: z.string().optional(),
});
export type ReminderEventData = z.infer<typeof reminderEventDataSchema>;

/** Compact notice for clients: "this entity changed, refetch". */
export const syncNoticeSchema = z.object({
  entity: z.enum(["task", "category", "tag", "notification"]),
  action: z.string(),
  id: z.string(),
  version: z.number().int().optional(),
});
export type SyncNotice = z.infer<typeof syncNoticeSchema>;

export const webhookQueuedDataSchema = z.object({ endpointId: z.string() });
export type WebhookQueuedData = z.infer<typeof webhookQueuedDataSchema>;
