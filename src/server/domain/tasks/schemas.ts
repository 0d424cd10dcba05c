import { LIMITS } from "@/server/limits";
import { z } from "zod";
import { isValidTimeZone } from "@/lib/recurrence/zone";
import { CLOCK_TIME } from "@/server/domain/reminder-times";

/** Input schemas for tasks: the single source of truth for tRPC, MCP tools and the chat assistant. */
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;

export const MAX_TAGS_PER_TASK = 10;
export const MAX_REMINDERS_PER_TASK = 10;

const uuid = z.uuid({ message: "must be a valid id" });

export const titleSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters");
export const descriptionSchema = z.string().max(2000, "must be at most 2000 characters");

export const reminderInputSchema = z.union([
  z.object({ at: z.coerce.date() }).strict(),
  z
    .object({
      minutesBefore: z
        .number()
        .int("must be a whole number of minutes")
        .min(0, "must not be negative")
        .max(525_600, "must be at most one year (525600 minutes)"),
    })
    .strict(),
]);
export type ReminderInput = z.infer<typeof reminderInputSchema>;

const taskFields = {
  description: descriptionSchema.optional(),
  priority: prioritySchema.optional(),
  dueAt: z.coerce.date().nullable().optional(),
  allDay: z.boolean().optional(),
  categoryId: uuid.nullable().optional(),
  tagIds: z
    .array(uuid)
    .max(MAX_TAGS_PER_TASK, `Limit reached: at most ${MAX_TAGS_PER_TASK} tags per task`)
    .optional(),
  recurrenceRule: z.string().trim().max(500, "must be at most 500 characters").nullable().optional(),
  recurrenceBasis: z.enum(["due", "completion"]).optional(),
  reminders: z.array(reminderInputSchema).max(MAX_REMINDERS_PER_TASK, `at most ${MAX_REMINDERS_PER_TASK} reminders per task`).optional(),
};

export const taskCreateInput = z.object({ title: titleSchema, ...taskFields }).strict();
export type TaskCreateInput = z.input<typeof taskCreateInput>;

export const taskUpdateInput = z
  .object({
    id: uuid,
    version: z.number().int().positive("must be the version you edited"),
    title: titleSchema.optional(),
    ...taskFields,
  })
  .strict();
export type TaskUpdateInput = z.input<typeof taskUpdateInput>;

export const taskIdInput = z.object({ id: uuid }).strict();

export const bulkUpdateInput = z
  .object({
    ids: z
      .array(uuid)
      .min(1, "select at least one task")
      .max(LIMITS.tasksPerBulkCall, `at most ${LIMITS.tasksPerBulkCall} tasks at once`),
    action: z.discriminatedUnion("type", [
      z.object({ type: z.literal("complete") }),
      z.object({ type: z.literal("uncomplete") }),
      z.object({ type: z.literal("delete") }),
      z.object({ type: z.literal("restore") }),
      z.object({ type: z.literal("setPriority"), priority: prioritySchema }),
      z.object({ type: z.literal("addTag"), tagId: uuid }),
      z.object({ type: z.literal("removeTag"), tagId: uuid }),
      z.object({ type: z.literal("setCategory"), categoryId: uuid.nullable() }),
      // A new due day in the user's zone (null clears the due date). Without a time, a task that has one keeps it
      // ("move them all to monday" keeps the 6pm of a 6pm task); with a time, every task gets that time.
      z.object({
        type: z.literal("setDue"),
        day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day as YYYY-MM-DD").nullable(),
        time: z.string().regex(CLOCK_TIME, "must be a time as HH:mm").optional(),
      }),
    ]),
  })
  .strict();
export type BulkUpdateInput = z.input<typeof bulkUpdateInput>;

export const previewRecurrenceInput = z
  .object({
    rule: z.string().trim().min(1, "must not be empty").max(500),
    start: z.coerce.date(),
    timeZone: z.string().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin"),
    count: z.number().int().min(1).max(20, "must be at most 20").default(5),
  })
  .strict();

export const SORT_FIELDS = ["relevance", "due", "priority", "created", "updated", "title"] as const;
export const DUE_FILTERS = ["overdue", "today", "next7", "none", "range"] as const;

export const taskListInput = z
  .object({
    search: z.string().trim().max(LIMITS.searchLength, `must be at most ${LIMITS.searchLength} characters`).optional(),
    status: z.enum(["open", "done", "all"]).default("open"),
    priorities: z.array(prioritySchema).max(4).optional(),
    categoryIds: z.array(uuid).max(LIMITS.categoriesPerFilter, `at most ${LIMITS.categoriesPerFilter} categories per filter`).optional(),
    tagIds: z.array(uuid).max(LIMITS.tagsPerFilter, `at most ${LIMITS.tagsPerFilter} tags per filter`).optional(),
    tagMode: z.enum(["any", "all"]).default("any"),
    due: z
      .union([
        z.enum(["overdue", "today", "next7", "none"]),
        z
          .object({ type: z.literal("range"), from: z.coerce.date().optional(), to: z.coerce.date().optional() })
          .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "from must not be after to", path: ["to"] }),
      ])
      .optional(),
    hasReminder: z.boolean().optional(),
    recurring: z.boolean().optional(),
    /** Only soft-deleted tasks (the trash), for undo and restore. */
    deleted: z.boolean().optional(),
    sort: z.object({ by: z.enum(SORT_FIELDS), dir: z.enum(["asc", "desc"]) }).optional(),
    /** Opaque; long enough for a title sort key of 200 non-ASCII characters. */
    cursor: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(100, "must be at most 100").default(50),
  })
  .strict();
export type TaskListInput = z.input<typeof taskListInput>;
export type TaskListQuery = z.output<typeof taskListInput>;
