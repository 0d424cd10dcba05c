/**
 * Every request limit the app enforces, in one place (the README's "Limits" table lists them).
 * Rates are configured through the environment (RATE_LIMIT_*); these are the fixed ones.
 */
export const LIMITS = {
  /** Request bodies by path prefix, in bytes; the first matching prefix wins. */
  bodyBytes: [
    { prefix: "/api/pusher/auth", bytes: 4 * 1024 },
    { prefix: "/api/csp-report", bytes: 64 * 1024 },
    { prefix: "/api/auth/", bytes: 64 * 1024 },
    { prefix: "/api/trpc/", bytes: 1024 * 1024 },
    { prefix: "/api/mcp", bytes: 1024 * 1024 },
  ],
  /** Anything else (pages' server actions, the built-in Pusher HTTP API, Dapr deliveries). */
  defaultBodyBytes: 8 * 1024 * 1024,
  tasksPerBulkCall: 500,
  tagsPerFilter: 100,
  categoriesPerFilter: 50,
  searchLength: 200,
  chatMessageLength: 2000,
} as const;

export function bodyLimitFor(path: string): number {
  return LIMITS.bodyBytes.find((rule) => path.startsWith(rule.prefix))?.bytes ?? LIMITS.defaultBodyBytes;
}
