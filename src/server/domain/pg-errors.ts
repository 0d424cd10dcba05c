/** SQLSTATE codes the domain layer turns into domain errors. */
export const PG_UNIQUE_VIOLATION = "23505";
export const PG_CHECK_VIOLATION = "23514";

export interface PgErrorInfo {
  code: string;
  constraint: string | undefined;
}

/**
 * The PostgreSQL error behind a failed query, whichever driver raised it.
 * drizzle wraps driver errors (DrizzleQueryError with the original in `cause`); postgres.js names the
 * constraint `constraint_name`, PGlite names it `constraint`. Returns null for anything that is not a
 * database error.
 */
export function pgErrorOf(error: unknown): PgErrorInfo | null {
  let current: unknown = error;
  // A short walk down the cause chain: drizzle adds one level, transactions may add another.
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const candidate = current as { code?: unknown; severity?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    // Both drivers' errors carry `severity`; Node system errors (code "EPIPE" and the like) do not.
    if (typeof candidate.code === "string" && typeof candidate.severity === "string") {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
    current = candidate.cause;
  }
  return null;
}
