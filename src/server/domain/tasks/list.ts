import { and, sql, type SQL } from "drizzle-orm";
import { tasks } from "@/server/db/schema";
import type { DomainContext } from "../context";
import { decodeCursor, encodeCursor, planSort, type DecodedCursor, type SortSpec } from "./list-cursor";
import { assertFilterIdsOwned, filterConditions } from "./list-filters";
import { allowsFuzzy, FUZZY_THRESHOLD, highlightColumns, searchMatch, searchQuery, searchRank, splitSearch, toHighlight } from "./list-search";
import { taskListInput, type TaskListInput } from "./schemas";
import { loadTaskViewsWith, type TaskView } from "./view";

/**
 * Counting stops here: an exact count of tens of thousands of matches costs more than the page itself,
 * and nobody needs "80,412" over "1000+". Relevance-sorted searches rank every match anyway, so their
 * totals are always exact.
 */
export const TOTAL_CAP = 1000;

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
  /**
   * How many tasks match the filters and search in total, across all pages. Exact unless `totalCapped`,
   * in which case at least this many (TOTAL_CAP) match: show it as "1000+".
   */
  total: number;
  totalCapped: boolean;
}

interface SearchPlan {
  text: string;
  query: SQL;
}

interface PageRequest {
  filters: SQL;
  search: SearchPlan | null;
  spec: SortSpec;
  cursor: DecodedCursor | null;
  limit: number;
  fuzzy: boolean;
}

interface PageRow {
  id: string;
  key: string | null;
  rank: number | null;
}

interface FoundPage {
  rows: PageRow[];
  total: number;
  totalCapped: boolean;
}

/**
 * One page of the user's tasks: filters, optional full-text search, a stable sort and keyset pagination.
 * The page's ids come from one index-friendly query (with the total alongside when searching by relevance,
 * else from a capped count), then one query loads the page's full views (and highlights).
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
  const cursor = input.cursor ? decodeCursor(input.cursor, spec) : null;
  const request: PageRequest = { filters, search, spec, cursor, limit: input.limit, fuzzy: cursor?.fuzzy ?? false };
  let [, found] = await Promise.all([assertFilterIdsOwned(ctx, input), findPage(ctx, request)]);
  // A search that finds little also accepts look-alike titles; later pages keep the first page's choice.
  // Deciding after the plain search (instead of probing first) costs a second query only when it found little.
  if (search && !cursor && allowsFuzzy(search.text) && !found.totalCapped && found.total < FUZZY_THRESHOLD) {
    request.fuzzy = true;
    found = await findPage(ctx, request);
  }

  const page = found.rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const highlight = search ? highlightColumns(search.query) : {};
  const loaded = await loadTaskViewsWith(ctx.db, ctx.userId, ids, highlight);
  const rankById = new Map(page.map((r) => [r.id, r.rank]));
  const items: TaskListItem[] = loaded.map(({ view, extra }) => {
    if (!search) return view;
    return { ...view, rank: Number(rankById.get(view.id) ?? 0), ...toHighlight(extra.titleMarked, extra.snippetMarked) };
  });

  const last = page.at(-1);
  const nextCursor =
    found.rows.length > input.limit && last
      ? encodeCursor({ spec, fuzzy: request.fuzzy, key: last.key === null ? null : String(last.key), id: last.id })
      : null;
  return { items, nextCursor, total: found.total, totalCapped: found.totalCapped };
}

async function findPage(ctx: DomainContext, request: PageRequest): Promise<FoundPage> {
  const { filters, search, spec, cursor, limit, fuzzy } = request;
  const rank = search ? searchRank(search.query, search.text, fuzzy) : null;
  const matching = and(filters, search ? searchMatch(search.query, search.text, fuzzy) : undefined) as SQL;

  if (spec.by === "relevance" && rank) {
    // Ranking must visit every match anyway, so a window count over the same scan gives the exact total;
    // the cursor applies outside it so later pages still report the whole match count.
    const matches = ctx.db
      .select({ id: tasks.id, rank: sql<number>`(${rank})`.as("rank"), total: sql<string>`count(*) over ()`.as("total") })
      .from(tasks)
      .where(matching)
      .as("matches");
    // Qualified by hand: drizzle renders a subquery's aliased field bare, which clashes with the output column.
    const sort = planSort(spec, sql`"matches"."rank"`, sql`"matches"."id"`);
    const rows = await ctx.db
      .select({ id: matches.id, key: sort.keyText, rank: matches.rank, total: matches.total })
      .from(matches)
      .where(cursor ? sort.after(cursor) : undefined)
      .orderBy(...sort.orderBy)
      .limit(limit + 1);
    const first = rows[0];
    if (first) return { rows, total: Number(first.total), totalCapped: false };
    // Past the last match there is no row to carry the total: count instead (rare: a stale cursor).
    return { rows: [], ...(cursor ? await countCapped(ctx, matching) : { total: 0, totalCapped: false }) };
  }

  const sort = planSort(spec, rank);
  const rows = await ctx.db
    .select({ id: tasks.id, key: sort.keyText, rank: rank ? sql<number>`${rank}` : sql<null>`NULL` })
    .from(tasks)
    .where(cursor ? and(matching, sort.after(cursor)) : matching)
    .orderBy(...sort.orderBy)
    .limit(limit + 1);
  // A first page that is not full already is the whole result.
  if (!cursor && rows.length <= limit) return { rows, total: rows.length, totalCapped: false };
  return { rows, ...(await countCapped(ctx, matching)) };
}

/** Counts matches up to TOTAL_CAP; past it the count stops (index entries visited stay bounded). */
async function countCapped(ctx: DomainContext, where: SQL): Promise<{ total: number; totalCapped: boolean }> {
  const probe = ctx.db.select({ one: sql`1` }).from(tasks).where(where).limit(TOTAL_CAP + 1).as("probe");
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(probe);
  const n = Number(row?.n ?? 0);
  return n > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: n, totalCapped: false };
}
