/** Human names for the event types an endpoint can subscribe to (the wire names stay visible as a hint). */
export const EVENT_TYPE_LABELS: Record<string, string> = {
  "cadence.task.created.v1": "Task created",
  "cadence.task.updated.v1": "Task updated",
  "cadence.task.completed.v1": "Task completed",
  "cadence.task.uncompleted.v1": "Task reopened",
  "cadence.task.deleted.v1": "Task deleted",
  "cadence.task.restored.v1": "Task restored",
  "cadence.category.changed.v1": "Category changed",
  "cadence.tag.changed.v1": "Tag changed",
  "cadence.reminder.scheduled.v1": "Reminder scheduled",
  "cadence.reminder.cancelled.v1": "Reminder cancelled",
  "cadence.reminder.due.v1": "Reminder due",
  "cadence.reminder.sent.v1": "Reminder sent",
  "cadence.reminder.failed.v1": "Reminder failed",
  "cadence.webhook.test.v1": "Test event",
};

export const eventTypeLabel = (type: string) => EVENT_TYPE_LABELS[type] ?? type;
