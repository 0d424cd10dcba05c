import { and, sql, type SQL } from "drizzle-orm";
import { tasks } from "@/server/db/schema";
import type { DomainContext } from "../context";
import { decodeCursor, encodeCursor, planSort, type SortSpec } from "./list-cursor";
import { assertFilterIdsOwned, filterConditions } from "./list-filters";
import { allowsFuzzy, FUZZY_THRESHOLD, loadHighlights, searchMatch, searchQuery, searchRank, splitSearch } from "./list-search";
import { taskListInput, type TaskListInput } from "./schemas";
import { loadTaskViews, type TaskView } from "./view";

export type TaskListItem = TaskView & {
  /** Search relevance (higher is better); present only when searching. */
  rank?: number;
  /** The title as HTML: everything escaped except <mark>…</mark> around matches. Only when searching. */
  titleHighlight?: string;
  /** Matching passages of the description, same HTML rules. Only when searching a task with a description. */
  snippet?: string;
};

export interface TaskListResult {
  items: TaskListItem[];
  /** Pass back as `cursor` (with the same sort) for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many tasks match the filters and search in total, across all pages. */
  total: number;
}

interface SearchPlan {
  text: string;
  query: SQL;
}

/**
 * One page of the user's tasks: filters, optional full-text search, a stable sort and keyset pagination.
 * The page's ids come from one index-friendly query; the total from a COUNT run alongside it.
 */
export async function listTasks(ctx: DomainContext, rawInput: TaskListInput): Promise<TaskListResult> {
  const input = taskListInput.parse(rawInput);
  const search: SearchPlan | null = input.search ? { text: input.search, query: searchQuery(splitSearch(input.search)) } : null;
  // Relevance needs a search; without one it falls back to the default order instead of failing.
  const spec: SortSpec =
    input.sort && (input.sort.by !== "relevance" || search)
      ? input.sort
      : search
        ? { by: "relevance", dir: "desc" }
        : { by: "due", dir: "asc" };

  const filters = filterConditions(ctx, input);
  const ownership = assertFilterIdsOwned(ctx, input);
  // Awaited with the page below; this only keeps an early rejection from counting as unhandled meanwhile.
  ownership.catch(() => undefined);

  const cursor = input.cursor ? decodeCursor(input.cursor, spec) : null;
  // A search that finds little also accepts look-alike titles; later pages keep the first page's choice.
  const fuzzy =
    search && allowsFuzzy(search.text)
      ? (cursor?.fuzzy ??
        (await countUpTo(ctx, and(filters, searchMatch(search.query, search.text, false)) as SQL, FUZZY_THRESHOLD)) < FUZZY_THRESHOLD)
      : false;
  const rank = search ? searchRank(search.query, search.text, fuzzy) : null;
  const sort = planSort(spec, rank);

  const matching = and(filters, search ? searchMatch(search.query, search.text, fuzzy) : undefined) as SQL;
  const [, rows, [counted]] = await Promise.all([
    ownership,
    ctx.db
      .select({ id: tasks.id, key: sort.keyText, rank: rank ? sql<number>`${rank}` : sql<null>`NULL` })
      .from(tasks)
      .where(cursor ? and(matching, sort.after(cursor)) : matching)
      .orderBy(...sort.orderBy)
      .limit(input.limit + 1),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(tasks).where(matching),
  ]);

  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const [views, highlights] = await Promise.all([
    loadTaskViews(ctx.db, ctx.userId, ids),
    search ? loadHighlights(ctx.db, ctx.userId, ids, search.query) : Promise.resolve(null),
  ]);
  const rankById = new Map(page.map((r) => [r.id, r.rank]));
  const items: TaskListItem[] = views.map((view) => {
    if (!highlights) return view;
    return { ...view, rank: Number(rankById.get(view.id) ?? 0), ...highlights.get(view.id) };
  });

  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ spec, fuzzy, key: last.key === null ? null : String(last.key), id: last.id }) : null;
  return { items, nextCursor, total: Number(counted?.total ?? 0) };
}

/** Counts matches but stops at `cap`: enough to decide whether a search is "small" without a full count. */
async function countUpTo(ctx: DomainContext, where: SQL, cap: number): Promise<number> {
  const probe = ctx.db.select({ one: sql`1` }).from(tasks).where(where).limit(cap).as("probe");
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(probe);
  return Number(row?.n ?? 0);
}
