import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Per-user API tokens for the MCP server; only a SHA-256 hash is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 100 }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: varchar("prefix", { length: 16 }).notNull(),
    /** What the token may do: read, write, delete (tokens made before scopes existed keep all three). */
    scopes: text("scopes").array().notNull().default(sql`ARRAY['read','write','delete']::text[]`),
    /** Null: every category. Otherwise the token sees and changes only tasks in these categories. */
    categoryIds: uuid("category_ids").array(),
    /** Null: never expires. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const chatConversations = pgTable(
  "chat_conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 200 }).notNull().default("New conversation"),
    /** A destructive action waiting for the user's yes/no, or a disambiguation question. */
    pending: jsonb("pending").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("chat_conversations_user_idx").on(t.userId, t.updatedAt)],
);

export const chatMessages = pgTable(
  "chat_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => chatConversations.id, { onDelete: "cascade" }),
    role: varchar("role", { length: 16 }).notNull(),
    content: text("content").notNull(),
    /** Tool calls made for this turn and their structured results (task cards). */
    toolCalls: jsonb("tool_calls").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("chat_messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

/**
 * One-time confirmations for destructive or large MCP changes: the preview's token (hashed), bound to the
 * API token, the tool and a hash of its arguments, and the set of changes it showed. Single use, short-lived.
 */
export const toolConfirmations = pgTable(
  "tool_confirmations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    apiTokenId: uuid("api_token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    tool: varchar("tool", { length: 64 }).notNull(),
    argumentsHash: text("arguments_hash").notNull(),
    /** The previewed changes' keys ("task:<id>:deleted"), sorted: the confirmed call must make exactly these. */
    changeKeys: text("change_keys").array().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tool_confirmations_user_idx").on(t.userId, t.expiresAt)],
);
