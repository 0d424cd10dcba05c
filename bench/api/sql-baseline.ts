import type postgres from "postgres";
import { dayWindows } from "@/server/domain/tasks/list-filters";
import { TOTAL_CAP } from "@/server/domain/tasks/list";
import { allowsFuzzy, FUZZY_THRESHOLD, splitSearch } from "@/server/domain/tasks/list-search";
import { taskListInput, type TaskListInput, type TaskListQuery } from "@/server/domain/tasks/schemas";

/**
 * The direct-SQL baseline for the list/search ratio: the same statements `listTasks`
 * (src/server/domain/tasks/list*.ts + view.ts) sends, hand-written as SQL text and run through
 * postgres.js exactly as the app's drizzle client does (prepared statements cached per connection, bound
 * parameters, `.values()`; src/server/db/prepared-statements.ts), with the
 * same sequencing and parallelism:
 *   1. the page query with filter-id ownership checks alongside (categories/tags `id IN (...) AND user_id = $`):
 *      relevance-sorted searches rank every match in a subquery with `count(*) OVER ()` (exact total in the
 *      same scan); other orders select id + sort key text (ORDER BY key, id; LIMIT n+1);
 *   2. other orders only, when the first page is full or a cursor is given: a capped count
 *      `count(*) FROM (SELECT 1 ... LIMIT 1001)`; a search with fewer than FUZZY_THRESHOLD matches re-runs
 *      step 1 with trigram matching;
 *   3. one query for the page's views: tasks ⟕ categories with json_agg subqueries for tags and reminders,
 *      plus ts_headline highlights when searching.
 * It skips only what is not SQL: zod parsing, tRPC, auth, superjson and HTTP.
 */
type Exec = (text: string, params: unknown[]) => Promise<unknown[][]>;

/** The same, for the results file. */
export const SQL_BASELINE_DESCRIPTION =
  "Hand-written copy of the statements listTasks sends (src/server/domain/tasks/list*.ts, view.ts), run through postgres.js " +
  "like the app's drizzle client (prepared statements cached per connection, custom plans, bound parameters), same sequencing: ownership checks of filter ids ‖ page query " +
  "(relevance: window count(*) over the ranked matches; else LIMIT n+1, then a count capped at 1001 when the page is full) " +
  "[‖ fuzzy re-run when a search found < 3]; then one view query (tasks⟕categories, json_agg tags/reminders " +
  "[, ts_headline highlights when searching]). Pool of 20 connections (as the app), 32 concurrent callers, closed loop. " +
  "Excludes HTTP, Next routing, auth/session, tRPC, zod and superjson. crossCheck verifies identical pages and totals.";

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(", ");
  }
}

const T = `"tasks"`;
const col = (name: string) => `${T}."${name}"`;

function filtersSql(p: Params, q: TaskListQuery, userId: string, now: Date, timeZone: string): string {
  const parts = [`${col("user_id")} = ${p.add(userId)}`, q.deleted ? `${col("deleted_at")} is not null` : `${col("deleted_at")} is null`];
  if (q.status !== "all") parts.push(`${col("completed")} = ${p.add(q.status === "done")}`);
  if (q.priorities?.length) parts.push(`${col("priority")} in (${p.list(q.priorities)})`);
  if (q.categoryIds?.length) parts.push(`${col("category_id")} in (${p.list(q.categoryIds)})`);
  if (q.tagIds?.length) {
    const unique = [...new Set(q.tagIds)];
    const tagged = `SELECT "task_tags"."task_id" FROM "task_tags" WHERE "task_tags"."tag_id" in (${p.list(unique)})`;
    parts.push(
      q.tagMode === "any"
        ? `${col("id")} IN (${tagged})`
        : `${col("id")} IN (${tagged} GROUP BY "task_tags"."task_id" HAVING count(*) = ${p.add(unique.length)})`,
    );
  }
  if (q.due) {
    const w = dayWindows(now, timeZone);
    const iso = (d: Date) => p.add(d.toISOString());
    if (typeof q.due === "object") {
      parts.push(
        [`${col("due_at")} is not null`, q.due.from && `${col("due_at")} >= ${iso(q.due.from)}`, q.due.to && `${col("due_at")} <= ${iso(q.due.to)}`]
          .filter(Boolean)
          .join(" and "),
      );
    } else if (q.due === "none") parts.push(`${col("due_at")} is null`);
    else if (q.due === "overdue") {
      parts.push(`(${col("completed")} = false AND ${col("due_at")} < ${iso(now)} AND (${col("all_day")} = false OR ${col("due_at")} < ${iso(w.startOfToday)}))`);
    } else {
      const end = q.due === "today" ? w.startOfTomorrow : w.endOfNext7;
      parts.push(`(${col("due_at")} >= ${iso(w.startOfToday)} and ${col("due_at")} < ${iso(end)})`);
    }
  }
  return parts.map((s) => `(${s})`).join(" and ");
}

/** The tsquery, rendered afresh (new parameters) wherever it is used, as drizzle does. */
function tsQuery(p: Params, text: string): string {
  const terms = splitSearch(text);
  const full = `websearch_to_tsquery('english', ${p.add(terms.text)})`;
  if (!terms.prefix) return full;
  const prefix = `to_tsquery('simple', ${p.add(`'${terms.prefix}':*`)})`;
  const rest = `websearch_to_tsquery('english', ${p.add(terms.rest)})`;
  return terms.prefixJoinedByOr ? `(${full} || ${rest} || ${prefix})` : `(${full} || (${rest} && ${prefix}))`;
}

function matchSql(p: Params, text: string, fuzzy: boolean): string {
  const fts = `${col("search")} @@ ${tsQuery(p, text)}`;
  return fuzzy ? `(${fts} OR ${col("title")} % ${p.add(text)} OR ${p.add(text)} <<% ${col("title")})` : fts;
}

function rankSql(p: Params, text: string, fuzzy: boolean): string {
  const rank = `ts_rank(${col("search")}, ${tsQuery(p, text)})`;
  if (!fuzzy) return `(${rank})::float8`;
  return `(CASE WHEN ${col("search")} @@ ${tsQuery(p, text)} THEN 1 + ${rank} ELSE greatest(similarity(${col("title")}, ${p.add(text)}), strict_word_similarity(${p.add(text)}, ${col("title")})) END)::float8`;
}

const isoKey = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const sortSpec = (q: TaskListQuery, search: string | undefined) =>
  q.sort && (q.sort.by !== "relevance" || search) ? q.sort : search ? ({ by: "relevance", dir: "desc" } as const) : ({ by: "due", dir: "asc" } as const);

function sortSql(p: Params, q: TaskListQuery, search: string | undefined, fuzzy: boolean) {
  const spec = sortSpec(q, search);
  const dir = spec.dir === "desc" ? "DESC" : "ASC";
  let column: string;
  let key: string;
  let nulls = "";
  switch (spec.by) {
    case "due":
      [column, key, nulls] = [col("due_at"), isoKey(col("due_at")), " NULLS LAST"];
      break;
    case "created":
    case "updated": {
      const c = col(spec.by === "created" ? "created_at" : "updated_at");
      [column, key] = [c, isoKey(c)];
      break;
    }
    case "priority":
      [column, key] = [col("priority"), `${col("priority")}::text`];
      break;
    case "title":
      [column, key] = [`lower(${col("title")})`, `lower(${col("title")})`];
      break;
    case "relevance": {
      const rank = rankSql(p, search ?? "", fuzzy);
      [column, key] = [rank, `(${rank})::text`];
      break;
    }
  }
  return { spec, key, orderBy: `${column} ${dir}${nulls}, ${col("id")} ${dir}` };
}

const VIEW_COLUMNS = [
  "id", "user_id", "version", "title", "description", "priority", "due_at", "all_day", "completed", "completed_at", "category_id",
  "recurrence_rule", "recurrence_basis", "series_id", "previous_occurrence_id", "occurrence_index", "created_at", "updated_at", "deleted_at",
].map(col);

function viewQuery(exec: Exec, userId: string, ids: string[], search: string | undefined): Promise<unknown> {
  const p = new Params();
  const marks = "\u0001\u0002";
  const highlights = search
    ? `, ts_headline('english', translate(${col("title")}, ${p.add(marks)}, ''), ${tsQuery(p, search)}, ${p.add("HighlightAll=true, StartSel=\u0001, StopSel=\u0002")}),
    CASE WHEN ${col("description")} = '' THEN NULL
      ELSE ts_headline('english', translate(${col("description")}, ${p.add(marks)}, ''), ${tsQuery(p, search)}, ${p.add("MaxFragments=2, MaxWords=18, MinWords=6, StartSel=\u0001, StopSel=\u0002")}) END`
    : "";
  const tagsJson = `(SELECT coalesce(json_agg(json_build_object('id', "tags"."id", 'name', "tags"."name", 'color', "tags"."color") ORDER BY "tags"."name"), '[]'::json)
    FROM "task_tags" JOIN "tags" ON "tags"."id" = "task_tags"."tag_id" WHERE "task_tags"."task_id" = ${col("id")})`;
  const remindersJson = `(SELECT coalesce(json_agg(json_build_object('id', "reminders"."id", 'remindAt', "reminders"."remind_at",
      'minutesBefore', "reminders"."minutes_before", 'status', "reminders"."status", 'sentAt', "reminders"."sent_at") ORDER BY "reminders"."remind_at"), '[]'::json)
    FROM "reminders" WHERE "reminders"."task_id" = ${col("id")} AND "reminders"."user_id" = ${p.add(userId)} AND "reminders"."status" <> 'cancelled')`;
  return exec(
    `select ${VIEW_COLUMNS.join(", ")}, "categories"."name", "categories"."color", ${tagsJson}, ${remindersJson}${highlights} from ${T}
     left join "categories" on "categories"."id" = ${col("category_id")}
     where (${col("user_id")} = ${p.add(userId)} and ${col("id")} in (${p.list(ids)}))`,
    p.values,
  );
}

function ownershipChecks(exec: Exec, userId: string, q: TaskListQuery): Promise<unknown>[] {
  const checks: Promise<unknown>[] = [];
  for (const [table, ids] of [["categories", q.categoryIds], ["tags", q.tagIds]] as const) {
    if (!ids?.length) continue;
    const p = new Params();
    checks.push(exec(`select "id" from "${table}" where ("${table}"."id" in (${p.list([...new Set(ids)])}) and "${table}"."user_id" = ${p.add(userId)})`, p.values));
  }
  return checks;
}

interface Found {
  ids: string[];
  total: number;
  totalCapped: boolean;
}

async function findPage(exec: Exec, userId: string, q: TaskListQuery, search: string | undefined, fuzzy: boolean, now: Date, timeZone: string): Promise<Found> {
  const page = new Params();
  const where = () => `${filtersSql(page, q, userId, now, timeZone)}${search ? ` and ${matchSql(page, search, fuzzy)}` : ""}`;
  const spec = sortSpec(q, search);
  if (spec.by === "relevance") {
    const rank = rankSql(page, search ?? "", fuzzy);
    const dir = spec.dir === "desc" ? "DESC" : "ASC";
    const text = `select "id", ("matches"."rank")::text, "rank", "total" from (select ${col("id")}, (${rank}) as "rank", count(*) over () as "total"
      from ${T} where (${where()})) "matches" order by "matches"."rank" ${dir}, "matches"."id" ${dir} limit ${page.add(q.limit + 1)}`;
    const rows = await exec(text, page.values);
    return { ids: rows.slice(0, q.limit).map((r) => String(r[0])), total: Number(rows[0]?.[3] ?? 0), totalCapped: false };
  }
  const pageWhere = where();
  const sort = sortSql(page, q, search, fuzzy);
  const rankColumn = search ? rankSql(page, search, fuzzy) : "NULL";
  const rows = await exec(`select ${col("id")}, ${sort.key}, ${rankColumn} from ${T} where ${pageWhere} order by ${sort.orderBy} limit ${page.add(q.limit + 1)}`, page.values);
  const ids = rows.slice(0, q.limit).map((r) => String(r[0]));
  if (rows.length <= q.limit) return { ids, total: rows.length, totalCapped: false };
  const count = new Params();
  const countWhere = `${filtersSql(count, q, userId, now, timeZone)}${search ? ` and ${matchSql(count, search, fuzzy)}` : ""}`;
  const [[n]] = (await exec(`select count(*)::int from (select 1 from ${T} where ${countWhere} limit ${count.add(TOTAL_CAP + 1)}) "probe"`, count.values)) as [[number]];
  return Number(n) > TOTAL_CAP ? { ids, total: TOTAL_CAP, totalCapped: true } : { ids, total: Number(n), totalCapped: false };
}

/** Runs one list/search request's worth of SQL (first pages only); returns the page's ids (to cross-check against HTTP) and the total. */
export async function runListSql(exec: Exec, userId: string, rawInput: TaskListInput, now = new Date(), timeZone = "UTC") {
  const q = taskListInput.parse(rawInput);
  const search = q.search || undefined;
  let fuzzy = false;
  let [, found] = await Promise.all([Promise.all(ownershipChecks(exec, userId, q)), findPage(exec, userId, q, search, false, now, timeZone)]);
  if (search && allowsFuzzy(search) && !found.totalCapped && found.total < FUZZY_THRESHOLD) {
    fuzzy = true;
    found = await findPage(exec, userId, q, search, true, now, timeZone);
  }
  if (found.ids.length > 0) await viewQuery(exec, userId, found.ids, search);
  return { ...found, fuzzy };
}

/** postgres.js as the app's drizzle client drives it: prepared statements with bound parameters, rows as arrays. */
export function postgresExec(sql: postgres.Sql, onStatement?: (text: string, params: unknown[]) => void): Exec {
  return async (text, params) => {
    onStatement?.(text, params);
    return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }).values()) as unknown[][];
  };
}
