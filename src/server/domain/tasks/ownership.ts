import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { categories, tags } from "@/server/db/schema";
import { NotFoundError } from "../errors";

/** Another user's category is "not found", exactly like a missing one. */
export async function assertCategoryOwned(db: Executor, userId: string, categoryId: string): Promise<void> {
  const [row] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.id, categoryId), eq(categories.userId, userId)));
  if (!row) throw new NotFoundError("category", categoryId);
}

export async function assertTagsOwned(db: Executor, userId: string, tagIds: readonly string[]): Promise<void> {
  const unique = [...new Set(tagIds)];
  if (unique.length === 0) return;
  const rows = await db
    .select({ id: tags.id })
    .from(tags)
    .where(and(inArray(tags.id, unique), eq(tags.userId, userId)));
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new NotFoundError("tag", missing);
}
