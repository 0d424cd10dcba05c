import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { tags, taskTags, tasks } from "@/server/db/schema";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { DomainContext } from "./context";
import { bumpedTaskVersion, createTaxonomyService, type TaxonomyDeleteResult, type ListOptions, type TaxonomyItem, type TaxonomyListItem } from "./taxonomy-shared";

export const MAX_TAGS_PER_USER = 100;
export const TAG_NAME_MAX = 30;

const service = createTaxonomyService({
  entity: "tag",
  table: tags,
  eventType: EVENT_TYPES.tagChanged,
  limit: { key: "tagsPerUser", max: MAX_TAGS_PER_USER, constraint: "tags_per_user_limit" },
  uniqueConstraint: "tags_user_name_unique",
  maxName: TAG_NAME_MAX,
  async countOpenTasks(db, userId, id, withinCategories) {
    const rows = await db
      .select({ id: taskTags.tagId, taskCount: count() })
      .from(taskTags)
      .innerJoin(tasks, eq(tasks.id, taskTags.taskId))
      .where(
        and(
          eq(tasks.userId, userId),
          eq(tasks.completed, false),
          isNull(tasks.deletedAt),
          id ? eq(taskTags.tagId, id) : undefined,
          withinCategories ? inArray(tasks.categoryId, [...withinCategories]) : undefined,
        ),
      )
      .groupBy(taskTags.tagId);
    return new Map(rows.map((row) => [row.id, row.taskCount] as const));
  },
  // The tag's task_tags rows go with it (ON DELETE CASCADE); bumping the tasks' version first marks them changed.
  async detachFromTasks(tx, ctx, id) {
    const rows = await tx
      .update(tasks)
      .set({ updatedAt: ctx.now(), version: bumpedTaskVersion })
      .where(inArray(tasks.id, tx.select({ id: taskTags.taskId }).from(taskTags).where(eq(taskTags.tagId, id))))
      .returning({ id: tasks.id });
    return rows.map((row) => row.id);
  },
});

/** Input schemas: the single source of truth for tRPC, MCP tools and the chat assistant. */
export const tagCreateInput = service.schemas.create;
export const tagUpdateInput = service.schemas.update;
export const tagIdInput = service.schemas.id;
export type TagCreateInput = z.input<typeof tagCreateInput>;
export type TagUpdateInput = z.input<typeof tagUpdateInput>;
export type TagIdInput = z.input<typeof tagIdInput>;
export type Tag = TaxonomyItem;
export type TagWithCount = TaxonomyListItem;

export const createTag = (ctx: DomainContext, input: TagCreateInput): Promise<Tag> => service.create(ctx, input);
export const updateTag = (ctx: DomainContext, input: TagUpdateInput): Promise<Tag> => service.update(ctx, input);
/** Removes the tag from every task; `affectedTasks` says how many had it. */
export const deleteTag = (ctx: DomainContext, input: TagIdInput): Promise<TaxonomyDeleteResult> => service.remove(ctx, input);
export const getTag = (ctx: DomainContext, input: TagIdInput): Promise<TagWithCount> => service.get(ctx, input);
/** Ordered by name case-insensitively, each with its count of open tasks (only in `withinCategories`, if given). */
export const listTags = (ctx: DomainContext, options?: ListOptions): Promise<TagWithCount[]> => service.list(ctx, options);
