import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** A user's outgoing webhook endpoint; its secret signs every delivery (Standard Webhooks). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: varchar("description", { length: 200 }).notNull().default(""),
    /** CloudEvent types delivered to this endpoint. */
    eventTypes: text("event_types").array().notNull(),
    /** The `whsec_…` secret, AES-256-GCM encrypted with the server key (domain/webhooks/secrets.ts): signing needs it back. */
    secret: text("secret").notNull(),
    /** Encrypted like `secret`. After a rotation the old secret also signs until this time, so receivers can switch without a gap. */
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    /** Start of the current run of failed attempts; null while the endpoint answers 2xx. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    /** When the oldest pending delivery may be tried again (after a failure); null = now. */
    retryAt: timestamp("retry_at", { withTimezone: true }),
    /** One sender per endpoint at a time (across worker replicas), so deliveries keep their order. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("webhook_endpoints_url_length", sql`char_length(${t.url}) <= 2000`),
    index("webhook_endpoints_user_idx").on(t.userId, t.createdAt),
    index("webhook_endpoints_retry_idx").on(t.retryAt).where(sql`${t.enabled}`),
  ],
);

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);

/** One event (or test / resend) for one endpoint; the id order is the delivery order per endpoint. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The CloudEvent id: sent as `webhook-id`, the same on every attempt and resend. */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Shown in the log; the endpoint's retry_at is what the sender waits for (only the oldest pending is tried). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    latencyMs: integer("latency_ms"),
    responseSnippet: text("response_snippet"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    index("webhook_deliveries_endpoint_pending_idx").on(t.endpointId, t.id).where(sql`${t.status} = 'pending'`),
  ],
);
