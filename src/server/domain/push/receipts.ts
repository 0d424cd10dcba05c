import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/server/db/client";
import { pushSubscriptions, reminders } from "@/server/db/schema";
import { recordReceipts } from "../reminder-receipts";
import { createDomainContext } from "../context";
import { SNOOZE_CHOICES, snoozeReminder, type SnoozeResult } from "../snooze";
import { verifyReceiptToken, type VapidKeys } from "./vapid";

export const PUSH_RECEIPT_SOURCE = "cadence/push";

/** What the service worker posts back about a push it handled (see public/sw.js). */
export const pushReceiptInput = z
  .object({
    reminderId: z.uuid(),
    subscriptionId: z.uuid(),
    token: z.string().min(1).max(200),
    event: z.enum(["shown", "clicked", "snooze"]),
    snooze: z.enum(SNOOZE_CHOICES).optional(),
  })
  .strict()
  .refine((v) => v.event !== "snooze" || v.snooze !== undefined, { message: "snooze needs a choice (5m, 1h, tomorrow)", path: ["snooze"] });
export type PushReceiptInput = z.input<typeof pushReceiptInput>;

export type PushReceiptResult = { status: "recorded" } | { status: "snoozed"; snoozed: SnoozeResult } | { status: "forbidden" } | { status: "gone" };

/**
 * Records that a device showed or was clicked on a reminder, or snoozes it from the notification's action.
 * Authorised by the token the push carried (bound to reminder and device), not by a session.
 */
export async function handlePushReceipt(db: Database, keys: VapidKeys, raw: PushReceiptInput, now = new Date()): Promise<PushReceiptResult> {
  const input = pushReceiptInput.parse(raw);
  if (!verifyReceiptToken(keys, input.reminderId, input.subscriptionId, input.token)) return { status: "forbidden" };
  const [reminder] = await db.select().from(reminders).where(eq(reminders.id, input.reminderId));
  if (!reminder) return { status: "gone" };
  const [device] = await db.select({ deviceName: pushSubscriptions.deviceName }).from(pushSubscriptions).where(eq(pushSubscriptions.id, input.subscriptionId));
  const deviceName = device?.deviceName ?? null;
  if (input.event === "snooze") {
    const ctx = createDomainContext({ db, userId: reminder.userId, source: PUSH_RECEIPT_SOURCE, now: () => now });
    const snoozed = await snoozeReminder(ctx, { reminderId: reminder.id, snooze: input.snooze! }, deviceName);
    return { status: "snoozed", snoozed };
  }
  await recordReceipts(db, [
    { userId: reminder.userId, reminderId: reminder.id, taskId: reminder.taskId, kind: input.event, remindAt: reminder.remindAt, deviceName, at: now },
  ]);
  return { status: "recorded" };
}
