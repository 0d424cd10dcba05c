import { sendReminderPushes } from "@/server/domain/push/deliver";
import { vapidKeys } from "@/server/domain/push/vapid";
import { deliverReminderNotification, recordReminderDeliveryFailure } from "@/server/domain/notifications";
import { EVENT_TYPES, reminderEventDataSchema, TOPICS } from "@/server/events/catalog";
import { processOnce } from "@/server/events/consumer";
import { errorText } from "@/server/events/error-text";
import type { EventSubscription, WorkerDefinition } from "@/server/events/worker-types";

export const NOTIFICATIONS_CONSUMER = "notifications/reminder-due";

/**
 * On reminder.due: a notification row, the reminder marked sent, reminder.sent and a sync notice — all in one
 * transaction with the processed-event record, so a repeated delivery changes nothing. A failure counts an
 * attempt and asks for a retry; the last allowed attempt marks the reminder failed and drops the event.
 */
const reminderDue: EventSubscription = {
  name: "reminder-due",
  topic: TOPICS.reminders,
  types: [EVENT_TYPES.reminderDue],
  async handle(event, { db, log }) {
    const parsed = reminderEventDataSchema.safeParse(event.data);
    if (!parsed.success) {
      log.warn({ eventId: event.id }, "reminder.due without valid data; dropped");
      return "drop";
    }
    const due = parsed.data;
    try {
      const { duplicate, result } = await processOnce(db.db, NOTIFICATIONS_CONSUMER, event.id, (tx) =>
        deliverReminderNotification(tx, due, { correlationId: event.correlationid }),
      );
      if (!duplicate) log.info({ reminderId: due.reminderId, result }, "reminder handled");
      return "success";
    } catch (cause) {
      const reason = errorText(cause);
      const { attempts, failed } = await recordReminderDeliveryFailure(db.db, due.reminderId, reason);
      if (failed) {
        log.error({ reminderId: due.reminderId, attempts, error: reason }, "reminder delivery failed for good");
        return "drop";
      }
      throw cause;
    }
  },
};

/**
 * On reminder.sent: a Web Push to each of the user's devices (tab closed, phone app installed). Each device gets
 * it once per event; a device whose push failed makes the event retry for that device only; 404/410 from the push
 * service removes the device.
 */
const reminderPush: EventSubscription = {
  name: "reminder-push",
  topic: TOPICS.reminders,
  types: [EVENT_TYPES.reminderSent],
  async handle(event, { db, env, log }) {
    const parsed = reminderEventDataSchema.safeParse(event.data);
    if (!parsed.success) return "drop";
    const keys = vapidKeys(env);
    if (!keys) return "success"; // push not configured (PostgreSQL mode without VAPID_* keys)
    const outcome = await sendReminderPushes(db.db, keys, event.id, parsed.data);
    if (outcome.sent > 0 || outcome.expired > 0) log.info({ reminderId: parsed.data.reminderId, ...outcome }, "reminder pushed");
    if (outcome.failed.length > 0) throw new Error(`push failed for ${outcome.failed.length} device(s): ${outcome.failed[0]!.error}`);
    return "success";
  },
};

export const notificationsWorker: WorkerDefinition = {
  name: "notifications",
  subscriptions: [reminderDue, reminderPush],
};

export default notificationsWorker;
