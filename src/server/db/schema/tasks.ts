import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { categories } from "./taxonomy";

/** Declaration order is the sort order: ORDER BY priority DESC puts urgent first. */
export const priorityEnum = pgEnum("task_priority", ["low", "medium", "high", "urgent"]);
export const recurrenceBasisEnum = pgEnum("recurrence_basis", ["due", "completion"]);

export interface RecurrenceMove {
  from: string;
  to: string;
}

/** Fields an occurrence passes on to the next one; any of them may be pinned by a "this occurrence" edit. */
export interface SeriesValues {
  title?: string;
  description?: string;
  priority?: "low" | "medium" | "high" | "urgent";
  categoryId?: string | null;
  tagIds?: string[];
}

const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 200 }).notNull(),
    description: text("description").notNull().default(""),
    completed: boolean("completed").notNull().default(false),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    priority: priorityEnum("priority").notNull().default("medium"),
    dueAt: timestamp("due_at", { withTimezone: true }),
    allDay: boolean("all_day").notNull().default(false),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    recurrenceRule: text("recurrence_rule"),
    recurrenceBasis: recurrenceBasisEnum("recurrence_basis").notNull().default("due"),
    /** Every occurrence of a recurring task shares the id of the series' first task. */
    seriesId: uuid("series_id"),
    /** The occurrence this one was generated from; unique so a series never forks twice. */
    previousOccurrenceId: uuid("previous_occurrence_id"),
    /** 1-based position in the series, so COUNT can end it. */
    occurrenceIndex: integer("occurrence_index").notNull().default(1),
    /** Skipped occurrences of the series (RFC 5545 EXDATE), as ISO instants; carried to each next occurrence. */
    recurrenceExdates: jsonb("recurrence_exdates").$type<string[]>().notNull().default([]),
    /** Occurrences moved to another date without touching the rule: rule date (ISO) -> new due date (ISO). */
    recurrenceMoves: jsonb("recurrence_moves").$type<RecurrenceMove[]>().notNull().default([]),
    /** The rule date this occurrence stands for when it was moved (the next one is computed from it); null = dueAt. */
    occurrenceDate: timestamp("occurrence_date", { withTimezone: true }),
    /** After an edit of "this occurrence" only: the values the series' next occurrences keep instead of this one's. */
    seriesValues: jsonb("series_values").$type<SeriesValues | null>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')`,
    ),
  },
  (t) => {
    const live = sql`${t.deletedAt} IS NULL`;
    return [
      check("tasks_title_length", sql`char_length(btrim(${t.title})) BETWEEN 1 AND 200`),
      check("tasks_description_length", sql`char_length(${t.description}) <= 2000`),
      check("tasks_completed_at", sql`${t.completed} = (${t.completedAt} IS NOT NULL)`),
      check("tasks_version_positive", sql`${t.version} >= 1`),
      index("tasks_user_completed_due_idx").on(t.userId, t.completed, t.dueAt, t.id).where(live),
      index("tasks_user_priority_idx").on(t.userId, t.priority, t.id).where(live),
      index("tasks_user_created_idx").on(t.userId, t.createdAt, t.id).where(live),
      index("tasks_user_updated_idx").on(t.userId, t.updatedAt, t.id).where(live),
      // Title sort is case-insensitive, so the index is on lower(title).
      index("tasks_user_title_lower_idx").on(t.userId, sql`lower(${t.title})`, t.id).where(live),
      // status "all" sorted by due date, and due-descending with undated tasks last.
      index("tasks_user_due_idx").on(t.userId, t.dueAt, t.id).where(live),
      index("tasks_user_completed_due_desc_idx").on(t.userId, t.completed, t.dueAt.desc().nullsLast(), t.id.desc()).where(live),
      // A category's list in due order (the sidebar's category views and category filters).
      index("tasks_user_category_due_idx").on(t.userId, t.categoryId, t.completed, t.dueAt, t.id).where(live),
      index("tasks_category_idx").on(t.categoryId),
      index("tasks_series_idx").on(t.seriesId),
      uniqueIndex("tasks_previous_occurrence_unique").on(t.previousOccurrenceId),
      index("tasks_search_idx").using("gin", t.search),
      index("tasks_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    ];
  },
);
