import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { reminders } from "./reminders";
import { tasks } from "./tasks";

/** One row per browser/device that accepted Web Push; the push service's 404/410 deletes it. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    /** The browser's P-256 public key and auth secret (base64url), for RFC 8291 payload encryption. */
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    deviceName: text("device_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);

/** Per-user reminder preferences; no row = no quiet hours. Minutes after local midnight in the user's zone. */
export const reminderPreferences = pgTable(
  "reminder_preferences",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    quietStartMinute: integer("quiet_start_minute"),
    quietEndMinute: integer("quiet_end_minute"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "reminder_preferences_quiet_range",
      sql`(${t.quietStartMinute} IS NULL AND ${t.quietEndMinute} IS NULL) OR (${t.quietStartMinute} BETWEEN 0 AND 1439 AND ${t.quietEndMinute} BETWEEN 0 AND 1439 AND ${t.quietStartMinute} <> ${t.quietEndMinute})`,
    ),
  ],
);

export const reminderReceiptKindEnum = pgEnum("reminder_receipt_kind", ["scheduled", "held", "sent", "shown", "clicked", "snoozed"]);

/** What happened to a reminder on its way to the person, shown in the task's history. */
export const reminderReceipts = pgTable(
  "reminder_receipts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reminderId: uuid("reminder_id")
      .notNull()
      .references(() => reminders.id, { onDelete: "cascade" }),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    kind: reminderReceiptKindEnum("kind").notNull(),
    /** The reminder time this receipt is about (a snoozed or held reminder has several). */
    remindAt: timestamp("remind_at", { withTimezone: true }).notNull(),
    /** Which device, for sent/shown/clicked; null for the in-app notification and server-side steps. */
    deviceName: text("device_name"),
    detail: text("detail"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reminder_receipts_task_idx").on(t.taskId, t.createdAt)],
);

/** The private calendar feed's capability token; deleting the row revokes the URL. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text("token").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
