import { and, eq, sql, type SQL } from "drizzle-orm";
import { categories, tasks } from "@/server/db/schema";
import type { DomainContext } from "../context";
import { decodeCursor, encodeCursor, planSort, type DecodedCursor, type SortSpec } from "./list-cursor";
import { assertFilterIdsOwned, filterConditions } from "./list-filters";
import { allowsFuzzy, FUZZY_THRESHOLD, highlightColumns, searchMatch, searchQuery, searchRank, splitSearch, toHighlight } from "./list-search";
import { taskListInput, type TaskListInput } from "./schemas";
import { taskViewFields, toTaskView, type TaskView } from "./view";

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
  view: TaskView;
  key: string | null;
  rank: number | null;
  titleMarked?: unknown;
  snippetMarked?: unknown;
}

interface FoundPage {
  rows: PageRow[];
  total: number;
  totalCapped: boolean;
}

/**
 * One page of the user's tasks: filters, optional full-text search, a stable sort and keyset pagination.
 * One statement: the page's ids, sort keys and total come from an index-friendly subquery (the total from a window
 * count when searching by relevance, else from a capped count), and the outer query loads those rows' full views
 * (and highlights) only. It was three round trips (ids, count, views): each a statement to build, send and plan.
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
  const items: TaskListItem[] = page.map(({ view, rank, titleMarked, snippetMarked }) =>
    search ? { ...view, rank: Number(rank ?? 0), ...toHighlight(titleMarked, snippetMarked) } : view,
  );
  const last = page.at(-1);
  const nextCursor =
    found.rows.length > input.limit && last
      ? encodeCursor({ spec, fuzzy: request.fuzzy, key: last.key === null ? null : String(last.key), id: last.view.id })
      : null;
  return { items, nextCursor, total: found.total, totalCapped: found.totalCapped };
}

/** Columns of the page subquery, referenced by hand: drizzle renders a subquery's aliased field bare. */
const pageColumn = <T>(name: "id" | "key" | "rank" | "total") => sql<T>`${sql.identifier("page")}.${sql.identifier(name)}`;

async function findPage(ctx: DomainContext, request: PageRequest): Promise<FoundPage> {
  const { search, cursor, limit } = request;
  const { page, order, matching, exactTotal } = pageQuery(ctx, request);
  const pageCte = ctx.db.$with("page").as(page);
  const rows = await ctx.db
    .with(pageCte)
    .select({
      ...taskViewFields(ctx.userId),
      ...(search ? highlightColumns(search.query) : {}),
      key: pageColumn<string | null>("key"),
      rank: pageColumn<number | null>("rank"),
      total: pageColumn<string>("total"),
    })
    .from(pageCte)
    .innerJoin(tasks, eq(tasks.id, pageColumn("id")))
    .leftJoin(categories, eq(categories.id, tasks.categoryId))
    // The page's ids as an array fetch its tasks by primary key; a join alone let the planner hash the page
    // against a scan of every task.
    .where(and(eq(tasks.userId, ctx.userId), sql`${tasks.id} = any(array(select ${pageColumn("id")} from ${sql.identifier("page")}))`))
    .orderBy(...order);
  const pageRows: PageRow[] = rows.map((row) => {
    const extra = row as Record<string, unknown>;
    return { view: toTaskView(row), key: row.key, rank: row.rank, ...(search ? { titleMarked: extra.titleMarked, snippetMarked: extra.snippetMarked } : {}) };
  });
  const first = rows[0];
  if (!first) {
    // Past the last match there is no row to carry the total: count instead (rare: a stale cursor).
    return { rows: [], ...(cursor ? await countCapped(ctx, matching) : { total: 0, totalCapped: false }) };
  }
  // A first page that is not full already is the whole result.
  if (!cursor && rows.length <= limit) return { rows: pageRows, total: rows.length, totalCapped: false };
  const total = Number(first.total);
  return { rows: pageRows, ...(exactTotal ? { total, totalCapped: false } : capTotal(total)) };
}

/**
 * The page's ids, sort keys (for the cursor), ranks and total, in the page's order; and that order again over the
 * joined tasks, to sort the loaded views by.
 */
function pageQuery(ctx: DomainContext, request: PageRequest) {
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
    const sort = planSort(spec, sql`"matches"."rank"`, sql`"matches"."id"`);
    const page = ctx.db
      .select({
        id: sql<string>`"matches"."id"`.as("id"),
        key: sql<string | null>`${sort.keyText}`.as("key"),
        rank: sql<number | null>`"matches"."rank"`.as("rank"),
        total: sql<string>`"matches"."total"`.as("total"),
      })
      .from(matches)
      .where(cursor ? sort.after(cursor) : undefined)
      .orderBy(...sort.orderBy)
      .limit(limit + 1);
    return { page, order: planSort(spec, pageColumn("rank"), pageColumn("id")).orderBy, matching, exactTotal: true };
  }
  const sort = planSort(spec, rank);
  const page = ctx.db
    .select({
      id: sql<string>`${tasks.id}`.as("id"),
      key: sql<string | null>`${sort.keyText}`.as("key"),
      rank: sql<number | null>`${rank ?? sql`NULL::float8`}`.as("rank"),
      // An uncorrelated subquery: evaluated once per statement (a page that is not full only visits its few matches).
      total: sql<string>`(${countCappedQuery(ctx, matching)})`.as("total"),
    })
    .from(tasks)
    .where(cursor ? and(matching, sort.after(cursor)) : matching)
    .orderBy(...sort.orderBy)
    .limit(limit + 1);
  // The sort's own expressions read the joined task's columns (the page's rows are those tasks).
  return { page, order: sort.orderBy, matching, exactTotal: false };
}

/** Counts matches up to TOTAL_CAP + 1: past the cap the count stops (index entries visited stay bounded). */
function countCappedQuery(ctx: DomainContext, where: SQL) {
  const probe = ctx.db.select({ one: sql`1` }).from(tasks).where(where).limit(TOTAL_CAP + 1).as("probe");
  return ctx.db.select({ n: sql<number>`count(*)::int` }).from(probe);
}

/** A capped count past TOTAL_CAP reads "TOTAL_CAP+". */
const capTotal = (n: number): { total: number; totalCapped: boolean } =>
  n > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: n, totalCapped: false };

async function countCapped(ctx: DomainContext, where: SQL): Promise<{ total: number; totalCapped: boolean }> {
  const [row] = await countCappedQuery(ctx, where);
  return capTotal(Number(row?.n ?? 0));
}
