import { EVENT_TYPES } from "@/server/events/catalog";

/** The "Send test event" button's CloudEvent type; never produced by a real change. */
export const WEBHOOK_TEST_EVENT_TYPE = "cadence.webhook.test.v1";

/** Event types a user can subscribe an endpoint to: every domain event of the log, not internal sync notices. */
export const WEBHOOK_EVENT_TYPES = [
  EVENT_TYPES.taskCreated,
  EVENT_TYPES.taskUpdated,
  EVENT_TYPES.taskCompleted,
  EVENT_TYPES.taskUncompleted,
  EVENT_TYPES.taskDeleted,
  EVENT_TYPES.taskRestored,
  EVENT_TYPES.categoryChanged,
  EVENT_TYPES.tagChanged,
  EVENT_TYPES.reminderScheduled,
  EVENT_TYPES.reminderCancelled,
  EVENT_TYPES.reminderDue,
  EVENT_TYPES.reminderSent,
  EVENT_TYPES.reminderFailed,
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
