import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { z } from "zod";
import { categories, tasks } from "@/server/db/schema";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { DomainContext } from "./context";
import { bumpedTaskVersion, createTaxonomyService, type TaxonomyDeleteResult, type TaxonomyItem, type TaxonomyListItem } from "./taxonomy-shared";

export const MAX_CATEGORIES_PER_USER = 50;
export const CATEGORY_NAME_MAX = 50;

const service = createTaxonomyService({
  entity: "category",
  table: categories,
  eventType: EVENT_TYPES.categoryChanged,
  limit: { key: "categoriesPerUser", max: MAX_CATEGORIES_PER_USER, constraint: "categories_per_user_limit" },
  uniqueConstraint: "categories_user_name_unique",
  maxName: CATEGORY_NAME_MAX,
  async countOpenTasks(db, userId, id) {
    const rows = await db
      .select({ id: tasks.categoryId, taskCount: count() })
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, userId),
          eq(tasks.completed, false),
          isNull(tasks.deletedAt),
          id ? eq(tasks.categoryId, id) : isNotNull(tasks.categoryId),
        ),
      )
      .groupBy(tasks.categoryId);
    return new Map(rows.flatMap((row) => (row.id ? [[row.id, row.taskCount] as const] : [])));
  },
  // Clears the category explicitly rather than leaving it to ON DELETE SET NULL, so the tasks' version moves.
  async detachFromTasks(tx, ctx, id) {
    const rows = await tx
      .update(tasks)
      .set({ categoryId: null, updatedAt: ctx.now(), version: bumpedTaskVersion })
      .where(eq(tasks.categoryId, id))
      .returning({ id: tasks.id });
    return rows.map((row) => row.id);
  },
});

/** Input schemas: the single source of truth for tRPC, MCP tools and the chat assistant. */
export const categoryCreateInput = service.schemas.create;
export const categoryUpdateInput = service.schemas.update;
export const categoryIdInput = service.schemas.id;
export type CategoryCreateInput = z.input<typeof categoryCreateInput>;
export type CategoryUpdateInput = z.input<typeof categoryUpdateInput>;
export type CategoryIdInput = z.input<typeof categoryIdInput>;
export type Category = TaxonomyItem;
export type CategoryWithCount = TaxonomyListItem;

export const createCategory = (ctx: DomainContext, input: CategoryCreateInput): Promise<Category> => service.create(ctx, input);
export const updateCategory = (ctx: DomainContext, input: CategoryUpdateInput): Promise<Category> => service.update(ctx, input);
/** Tasks keep existing without the category; `affectedTasks` says how many lost it. */
export const deleteCategory = (ctx: DomainContext, input: CategoryIdInput): Promise<TaxonomyDeleteResult> => service.remove(ctx, input);
export const getCategory = (ctx: DomainContext, input: CategoryIdInput): Promise<CategoryWithCount> => service.get(ctx, input);
/** Ordered by name case-insensitively, each with its count of open tasks. */
export const listCategories = (ctx: DomainContext): Promise<CategoryWithCount[]> => service.list(ctx);
