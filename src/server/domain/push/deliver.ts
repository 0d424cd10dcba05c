import { and, eq, inArray } from "drizzle-orm";
import webPush from "web-push";
import type { Database } from "@/server/db/client";
import { notifications, processedEvents, pushSubscriptions, reminders } from "@/server/db/schema";
import type { ReminderEventData } from "@/server/events/catalog";
import { recordReceipts } from "../reminder-receipts";
import { receiptToken, type VapidKeys } from "./vapid";

export const PUSH_CONSUMER = "notifications/push";
/** How long a push service keeps a reminder for an offline device before dropping it. */
const PUSH_TTL_SECONDS = 24 * 60 * 60;
const PUSH_TIMEOUT_MS = 10_000;

/** What the service worker receives (JSON, encrypted per RFC 8291 on the way). */
export interface ReminderPushPayload {
  v: 1;
  kind: "reminder";
  title: string;
  body: string;
  reminderId: string;
  taskId: string;
  remindAt: string;
  /** Quiet hours held it back; the notification says so. */
  held: boolean;
  subscriptionId: string;
  /** Lets the service worker report shown/clicked and snooze without a session. */
  token: string;
}

export interface PushOutcome {
  sent: number;
  alreadySent: number;
  /** Subscriptions the push service says are gone (404/410), now deleted. */
  expired: number;
  failed: { subscriptionId: string; error: string }[];
}

export type PushTransport = (url: string, init: { method: "POST"; headers: Record<string, string>; body: Buffer }) => Promise<{ status: number; text(): Promise<string> }>;

const defaultTransport: PushTransport = (url, init) => fetch(url, { ...init, body: new Uint8Array(init.body), signal: AbortSignal.timeout(PUSH_TIMEOUT_MS) });

/**
 * Sends a sent reminder to every device of its user, each device at most once per `reminder.sent` event
 * (processed_events key `<event id>:<subscription id>`, recorded with the "sent" receipt right after the push
 * service accepted it). The payload is encrypted and VAPID-signed by `web-push`; the request goes out through
 * fetch so plain-http loopback push services (tests) work too. Failures are returned, not thrown, so a retry
 * re-sends only to the devices that did not get it.
 */
export async function sendReminderPushes(
  db: Database,
  keys: VapidKeys,
  eventId: string,
  sent: ReminderEventData & { notificationId?: string },
  options: { transport?: PushTransport; now?: () => Date } = {},
): Promise<PushOutcome> {
  const transport = options.transport ?? defaultTransport;
  const now = options.now ?? (() => new Date());
  const outcome: PushOutcome = { sent: 0, alreadySent: 0, expired: 0, failed: [] };
  const subs = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, sent.userId));
  if (subs.length === 0) return outcome;

  const keyOf = (subId: string) => `${eventId}:${subId}`;
  const done = await db
    .select({ eventId: processedEvents.eventId })
    .from(processedEvents)
    .where(and(eq(processedEvents.consumer, PUSH_CONSUMER), inArray(processedEvents.eventId, subs.map((s) => keyOf(s.id)))));
  const doneKeys = new Set(done.map((d) => d.eventId));
  const pending = subs.filter((s) => !doneKeys.has(keyOf(s.id)));
  outcome.alreadySent = subs.length - pending.length;
  if (pending.length === 0) return outcome;

  const [reminder] = await db.select({ heldFrom: reminders.heldFrom }).from(reminders).where(eq(reminders.id, sent.reminderId));
  if (!reminder) return outcome; // the task (and its reminders) was deleted since
  const [note] = sent.notificationId
    ? await db.select({ title: notifications.title, body: notifications.body }).from(notifications).where(eq(notifications.id, sent.notificationId))
    : [];
  const held = Boolean(reminder.heldFrom);
  const title = note?.title ?? "Reminder";
  const body = note?.body ?? "";

  await Promise.all(
    pending.map(async (sub) => {
      const payload: ReminderPushPayload = {
        v: 1,
        kind: "reminder",
        title,
        body,
        reminderId: sent.reminderId,
        taskId: sent.taskId,
        remindAt: sent.remindAt,
        held,
        subscriptionId: sub.id,
        token: receiptToken(keys, sent.reminderId, sub.id),
      };
      try {
        const request = webPush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, JSON.stringify(payload), {
          vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: PUSH_TTL_SECONDS,
          urgency: "high",
          // One reminder replaces its own earlier copy on the device instead of stacking.
          topic: sent.reminderId.replace(/-/g, "").slice(0, 32),
        });
        const response = await transport(request.endpoint, { method: "POST", headers: request.headers as Record<string, string>, body: request.body as Buffer });
        if (response.status === 404 || response.status === 410) {
          await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
          outcome.expired += 1;
          return;
        }
        if (response.status < 200 || response.status >= 300) {
          outcome.failed.push({ subscriptionId: sub.id, error: `push service answered ${response.status}: ${(await response.text()).slice(0, 200)}` });
          return;
        }
        const at = now();
        await db.transaction(async (tx) => {
          const claimed = await tx.insert(processedEvents).values({ consumer: PUSH_CONSUMER, eventId: keyOf(sub.id) }).onConflictDoNothing().returning();
          if (claimed.length === 0) return;
          await tx.update(pushSubscriptions).set({ lastSentAt: at }).where(eq(pushSubscriptions.id, sub.id));
          await recordReceipts(tx, [
            { userId: sent.userId, reminderId: sent.reminderId, taskId: sent.taskId, kind: "sent", remindAt: new Date(sent.remindAt), deviceName: sub.deviceName, detail: held ? "held by quiet hours" : null, at },
          ]);
        });
        outcome.sent += 1;
      } catch (cause) {
        outcome.failed.push({ subscriptionId: sub.id, error: cause instanceof Error ? cause.message : String(cause) });
      }
    }),
  );
  return outcome;
}
