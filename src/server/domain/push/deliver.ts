import { and, eq, inArray, sql } from "drizzle-orm";
import webPush from "web-push";
import type { Database } from "@/server/db/client";
import { notifications, processedEvents, pushSubscriptions, reminders } from "@/server/db/schema";
import type { ReminderEventData } from "@/server/events/catalog";
import { recordReceipts } from "../reminder-receipts";
import { receiptToken, type VapidKeys } from "./vapid";
import { vapidAuthorization } from "./vapid-header";

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
 * (processed_events key `<event id>:<subscription id>`, recorded with the "sent" receipt once the push service
 * accepted it). The payload is encrypted by `web-push` and carries a cached VAPID signature; the request goes
 * out through fetch so plain-http loopback push services (tests) work too. The devices are pushed at once and
 * their records written in one transaction (one commit per reminder, not per device: the reminders of a busy
 * minute would otherwise queue behind hundreds of commits). Failures are returned, not thrown, so a retry
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
  const keyOf = (subId: string) => `${eventId}:${subId}`;
  // The user's devices, each with whether this event already reached it.
  const subs = await db
    .select({ sub: pushSubscriptions, done: processedEvents.eventId })
    .from(pushSubscriptions)
    .leftJoin(
      processedEvents,
      and(eq(processedEvents.consumer, PUSH_CONSUMER), eq(processedEvents.eventId, sql`${eventId}::text || ':' || ${pushSubscriptions.id}::text`)),
    )
    .where(eq(pushSubscriptions.userId, sent.userId));
  if (subs.length === 0) return outcome;
  const pending = subs.filter((s) => s.done === null).map((s) => s.sub);
  outcome.alreadySent = subs.length - pending.length;
  if (pending.length === 0) return outcome;

  const [reminder] = await db
    .select({ heldFrom: reminders.heldFrom, title: notifications.title, body: notifications.body })
    .from(reminders)
    .leftJoin(notifications, sent.notificationId ? eq(notifications.id, sent.notificationId) : sql`false`)
    .where(eq(reminders.id, sent.reminderId));
  if (!reminder) return outcome; // the task (and its reminders) was deleted since
  const held = Boolean(reminder.heldFrom);
  const title = reminder.title ?? "Reminder";
  const body = reminder.body ?? "";

  const accepted: (typeof pending)[number][] = [];
  const expired: string[] = [];
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
          headers: { Authorization: vapidAuthorization(keys, sub.endpoint) },
          TTL: PUSH_TTL_SECONDS,
          urgency: "high",
          // One reminder replaces its own earlier copy on the device instead of stacking.
          topic: sent.reminderId.replace(/-/g, "").slice(0, 32),
        });
        const response = await transport(request.endpoint, { method: "POST", headers: request.headers as Record<string, string>, body: request.body as Buffer });
        if (response.status === 404 || response.status === 410) expired.push(sub.id);
        else if (response.status < 200 || response.status >= 300) {
          outcome.failed.push({ subscriptionId: sub.id, error: `push service answered ${response.status}: ${(await response.text()).slice(0, 200)}` });
        } else accepted.push(sub);
      } catch (cause) {
        outcome.failed.push({ subscriptionId: sub.id, error: cause instanceof Error ? cause.message : String(cause) });
      }
    }),
  );
  if (expired.length > 0) {
    await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, expired));
    outcome.expired = expired.length;
  }
  if (accepted.length === 0) return outcome;
  const at = now();
  outcome.sent = await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(processedEvents)
      .values(accepted.map((sub) => ({ consumer: PUSH_CONSUMER, eventId: keyOf(sub.id) })))
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    const claimedKeys = new Set(claimed.map((c) => c.eventId));
    const recorded = accepted.filter((sub) => claimedKeys.has(keyOf(sub.id)));
    if (recorded.length === 0) return 0;
    await tx.update(pushSubscriptions).set({ lastSentAt: at }).where(inArray(pushSubscriptions.id, recorded.map((sub) => sub.id)));
    await recordReceipts(
      tx,
      recorded.map((sub) => ({
        userId: sent.userId,
        reminderId: sent.reminderId,
        taskId: sent.taskId,
        kind: "sent" as const,
        remindAt: new Date(sent.remindAt),
        deviceName: sub.deviceName,
        detail: held ? "held by quiet hours" : null,
        at,
      })),
    );
    return recorded.length;
  });
  return outcome;
}
