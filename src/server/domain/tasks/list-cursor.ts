import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { tasks } from "@/server/db/schema";
import { ValidationError } from "../errors";
import { PRIORITIES, SORT_FIELDS } from "./schemas";

/**
 * Sorting and keyset pagination for the task list.
 * Every order ends with `id` (same direction) so ties never reorder between pages; the cursor carries
 * the last row's sort key as exact text (µs timestamps, lower-cased title, float8 rank) plus its id.
 */
export type SortField = (typeof SORT_FIELDS)[number];
export interface SortSpec {
  by: SortField;
  dir: "asc" | "desc";
}

/** What a page query must select to be able to produce a cursor. */
export interface SortPlan {
  /** The sort column as SQL (for relevance: the rank expression). */
  column: SQL;
  /** The key as exact text, for the cursor; null only for tasks without a due date. */
  keyText: SQL<string | null>;
  orderBy: SQL[];
  /** Rows strictly after the cursor position, in this sort. */
  after(cursor: DecodedCursor): SQL;
}

export interface DecodedCursor {
  spec: SortSpec;
  /** Whether the search that produced the cursor also matched titles by trigram similarity. */
  fuzzy: boolean;
  key: string | null;
  id: string;
}

/** ISO text with microseconds in UTC: parses back to the identical timestamptz under any DateStyle. */
const isoText = (column: SQL | typeof tasks.dueAt) =>
  sql<string | null>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const ISO_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

interface FieldDef {
  column: SQL;
  keyText: SQL<string | null>;
  cast: SQL;
  nullable: boolean;
  validKey(key: string): boolean;
}

function fieldDef(by: SortField, rank: SQL | null): FieldDef {
  switch (by) {
    case "due":
      return { column: sql`${tasks.dueAt}`, keyText: isoText(tasks.dueAt), cast: sql`timestamptz`, nullable: true, validKey: (k) => ISO_KEY.test(k) };
    case "created":
      return { column: sql`${tasks.createdAt}`, keyText: isoText(sql`${tasks.createdAt}`), cast: sql`timestamptz`, nullable: false, validKey: (k) => ISO_KEY.test(k) };
    case "updated":
      return { column: sql`${tasks.updatedAt}`, keyText: isoText(sql`${tasks.updatedAt}`), cast: sql`timestamptz`, nullable: false, validKey: (k) => ISO_KEY.test(k) };
    case "priority":
      return {
        column: sql`${tasks.priority}`,
        keyText: sql<string>`${tasks.priority}::text`,
        cast: sql`task_priority`,
        nullable: false,
        validKey: (k) => (PRIORITIES as readonly string[]).includes(k),
      };
    case "title":
      return { column: sql`lower(${tasks.title})`, keyText: sql<string>`lower(${tasks.title})`, cast: sql`text`, nullable: false, validKey: (k) => k.length <= 400 };
    case "relevance": {
      if (!rank) throw new Error("relevance sort needs a rank expression");
      return { column: rank, keyText: sql<string>`(${rank})::text`, cast: sql`float8`, nullable: false, validKey: (k) => Number.isFinite(Number(k)) };
    }
  }
}

/** `id` is the tie-breaker column; a query over a subquery passes the subquery's id. */
export function planSort(spec: SortSpec, rank: SQL | null, id: SQL = sql`${tasks.id}`): SortPlan {
  const def = fieldDef(spec.by, rank);
  const desc = spec.dir === "desc";
  const dir = desc ? sql`DESC` : sql`ASC`;
  const cmp = desc ? sql`<` : sql`>`;
  // Only the nullable due date spells out NULLS LAST; elsewhere the plain order matches the btree indexes.
  const nulls = def.nullable ? sql` NULLS LAST` : sql``;
  return {
    column: def.column,
    keyText: def.keyText,
    orderBy: [sql`${def.column} ${dir}${nulls}`, sql`${id} ${dir}`],
    after(cursor) {
      if (cursor.key === null) {
        // Past the last dated task: only undated ones remain, ordered by id.
        return sql`(${def.column} IS NULL AND ${id} ${cmp} ${cursor.id}::uuid)`;
      }
      const rowAfter = sql`(${def.column}, ${id}) ${cmp} (${cursor.key}::${def.cast}, ${cursor.id}::uuid)`;
      return def.nullable ? sql`(${rowAfter} OR ${def.column} IS NULL)` : rowAfter;
    },
  };
}

const cursorSchema = z.object({
  v: z.literal(1),
  by: z.enum(SORT_FIELDS),
  dir: z.enum(["asc", "desc"]),
  f: z.boolean(),
  k: z.string().nullable(),
  id: z.uuid(),
});

export function encodeCursor(cursor: DecodedCursor): string {
  const payload: z.infer<typeof cursorSchema> = { v: 1, by: cursor.spec.by, dir: cursor.spec.dir, f: cursor.fuzzy, k: cursor.key, id: cursor.id };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/** Decodes and checks a cursor against the sort it is used with; anything off is a ValidationError, never a 500. */
export function decodeCursor(raw: string, spec: SortSpec): DecodedCursor {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError("cursor", "is not a cursor returned by this list; start again without a cursor");
  }
  if (parsed.by !== spec.by || parsed.dir !== spec.dir) {
    throw new ValidationError("cursor", `belongs to a list sorted by ${parsed.by} ${parsed.dir}, not ${spec.by} ${spec.dir}; start again without a cursor`);
  }
  // Only the key's shape is checked here, so any rank expression will do.
  const def = fieldDef(spec.by, sql`0`);
  if (parsed.k === null ? !def.nullable : !def.validKey(parsed.k)) {
    throw new ValidationError("cursor", "is not a cursor returned by this list; start again without a cursor");
  }
  return { spec, fuzzy: parsed.f, key: parsed.k, id: parsed.id };
}
