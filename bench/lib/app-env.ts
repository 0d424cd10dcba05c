/**
 * The environment a benchmark starts Cadence with: its own port, data dir and database (none = embedded), a fixed
 * auth secret, quiet logs. The load comes from a few users far faster than a person types: the write limiter runs
 * (its cost is measured) but never refuses, and sign-ups are not throttled.
 */
export function benchAppEnv(options: { port: number; baseUrl: string; dataDir: string; databaseUrl?: string }): Record<string, string | undefined> {
  return {
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    BETTER_AUTH_URL: options.baseUrl,
    BETTER_AUTH_SECRET: "cadence-benchmark-secret-0123456789abcdef",
    DATA_DIR: options.dataDir,
    LOG_LEVEL: "warn",
    RATE_LIMIT_WRITES_PER_MINUTE: "100000000",
    RATE_LIMIT_SIGN_UPS_PER_MINUTE: "1000",
  };
}
