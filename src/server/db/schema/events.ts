import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { apiTokens } from "./access";
import { users } from "./auth";

export const activity = pgTable(
  "activity",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    oldValues: jsonb("old_values").$type<Record<string, unknown> | null>(),
    newValues: jsonb("new_values").$type<Record<string, unknown> | null>(),
    correlationId: uuid("correlation_id").notNull(),
    /** The API token the change came through (null: the app itself); kept when the token is deleted as its name. */
    apiTokenId: uuid("api_token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    /** Who acted, as the UI shows it ("by Claude Desktop"): the token's name at the time. */
    actorName: varchar("actor_name", { length: 100 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The later entry that reverted this one (cleared when that revert is itself reverted). */
    revertedById: bigint("reverted_by_id", { mode: "number" }),
  },
  (t) => [
    index("activity_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("activity_api_token_idx").on(t.apiTokenId, t.id).where(sql`${t.apiTokenId} IS NOT NULL`),
    index("activity_entity_idx").on(t.entityType, t.entityId, t.createdAt),
  ],
);

/**
 * The exact state of every entity an activity entry changed, before and after (null = the row did not exist),
 * so the entry can be reverted field by field; a bulk edit is one entry with one row per task.
 */
export const activityChanges = pgTable(
  "activity_changes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    activityId: bigint("activity_id", { mode: "number" })
      .notNull()
      .references(() => activity.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
  },
  (t) => [index("activity_changes_activity_idx").on(t.activityId, t.id), index("activity_changes_entity_idx").on(t.userId, t.entityId)],
);

/** Transactional outbox: each row is a complete CloudEvent, written with the change it describes. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: uuid("event_id").notNull().unique(),
    topic: text("topic").notNull(),
    partitionKey: text("partition_key").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    /**
     * The relay instance holding the row's lease (see relay-lease.ts): a lease whose owner has died is taken back
     * at once instead of when it runs out, so a restarted app publishes what its predecessor was publishing.
     */
    leasedBy: integer("leased_by"),
  },
  (t) => [
    index("outbox_leased_idx").on(t.leasedBy).where(sql`${t.leasedBy} IS NOT NULL`),
    index("outbox_unpublished_idx").on(t.nextAttemptAt, t.id).where(sql`${t.publishedAt} IS NULL`),
    index("outbox_partition_idx").on(t.partitionKey, t.id).where(sql`${t.publishedAt} IS NULL`),
  ],
);

/** Idempotent consumers: the (consumer, event id) pair is written in the same transaction as the effect. */
export const processedEvents = pgTable(
  "processed_events",
  {
    consumer: text("consumer").notNull(),
    eventId: text("event_id").notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

export const deadLetters = pgTable(
  "dead_letters",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text("topic").notNull(),
    consumer: text("consumer").notNull(),
    eventId: text("event_id"),
    event: jsonb("event").$type<unknown>().notNull(),
    reason: text("reason").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dead_letters_created_idx").on(t.createdAt)],
);
