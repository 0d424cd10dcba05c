import type { TaskListInput } from "@/server/domain/tasks/schemas";
import { SEARCH_TERMS } from "./words";

/** The heavy user's taxonomy, read from the seeded database. */
export interface Taxonomy {
  tagIds: string[];
  categoryIds: string[];
}

/**
 * The list inputs each read scenario rotates through. The HTTP run and the direct-SQL baseline use
 * exactly these, in the same order, so their latencies compare like for like.
 */
export function listInputs(taxonomy: Taxonomy): Record<"search" | "filtered" | "sorted", TaskListInput[]> {
  const tag = (i: number) => taxonomy.tagIds[i % taxonomy.tagIds.length] as string;
  const cat = (i: number) => taxonomy.categoryIds[i % taxonomy.categoryIds.length] as string;
  return {
    // The search box: open tasks, ranked by relevance (the default sort when searching).
    search: SEARCH_TERMS.map((search) => ({ search })),
    // The filter bar, default sort (due date).
    filtered: [
      { priorities: ["high", "urgent"], categoryIds: [cat(0)] },
      { tagIds: [tag(0), tag(1)] },
      { due: "overdue" },
      { due: "next7", priorities: ["high", "urgent"] },
      { categoryIds: [cat(1)], tagIds: [tag(2)] },
      { due: "today" },
      { tagIds: [tag(3), tag(4)], tagMode: "all" },
      { priorities: ["low"], due: "none" },
    ],
    // Column sorts over all open tasks.
    sorted: [
      { sort: { by: "due", dir: "asc" } },
      { sort: { by: "priority", dir: "desc" } },
      { sort: { by: "created", dir: "desc" } },
      { sort: { by: "updated", dir: "desc" } },
      { sort: { by: "title", dir: "asc" } },
      { sort: { by: "due", dir: "desc" } },
    ],
  };
}
