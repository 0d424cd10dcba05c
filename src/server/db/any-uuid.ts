import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * `column = any($1::uuid[])`: one statement text whatever the number of ids. `inArray` writes a placeholder per
 * id, so every list length is a statement of its own, cached by postgres.js on each connection and prepared on
 * each PostgreSQL backend: the ids of a list page alone gave ~30 variants per web process in a 3-minute soak,
 * and the cache only ever grows.
 */
export function isAnyUuid(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(${uuidArrayLiteral(ids)}::uuid[])`;
}

/** PostgreSQL's array text form, each element quoted: a malformed id fails the uuid cast, as it did in a list. */
function uuidArrayLiteral(ids: readonly string[]): string {
  return `{${ids.map((id) => `"${id.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
