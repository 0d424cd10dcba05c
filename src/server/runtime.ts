import path from "node:path";
import type { Logger } from "pino";
import { createAuth, type Auth } from "@/server/auth/auth";
import { persistentSecret } from "@/server/auth/secrets";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { env as readEnv, type Env } from "@/server/env";
import { createLogger } from "@/server/log";
import { encryptStoredWebhookSecrets } from "@/server/domain/webhooks/secrets";

/** Process-wide services of the app: one database, one auth instance, one logger. */
export interface Runtime {
  env: Env;
  db: DatabaseHandle;
  auth: Auth;
  log: Logger;
  baseURL: string;
}

/**
 * The custom server (run by tsx) and Next's bundled route handlers are two module graphs in one process;
 * a global symbol makes them share a single runtime, so PGlite's data directory is opened once.
 */
const RUNTIME_KEY = Symbol.for("cadence.runtime");
type RuntimeHolder = { [RUNTIME_KEY]?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  const holder = globalThis as RuntimeHolder;
  holder[RUNTIME_KEY] ??= createRuntime(readEnv()).catch((error: unknown) => {
    delete holder[RUNTIME_KEY];
    throw error;
  });
  return holder[RUNTIME_KEY];
}

export async function createRuntime(env: Env): Promise<Runtime> {
  const log = createLogger(env.LOG_LEVEL);
  const dataDir = path.resolve(env.DATA_DIR);
  const db = await openDatabase(
    env.DATABASE_URL ? { driver: "postgres", url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE } : { driver: "pglite", dataDir: path.join(dataDir, "pglite") },
  );
  await db.migrate();
  await encryptStoredWebhookSecrets(db.db); // data migration: secrets stored in clear by earlier versions
  const baseURL = env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;
  const auth = createAuth({
    db: db.db,
    secret: env.BETTER_AUTH_SECRET ?? persistentSecret(dataDir, "betterAuthSecret"),
    baseURL,
    trustedOrigins: [baseURL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
    signUpsPerMinute: env.RATE_LIMIT_SIGN_UPS_PER_MINUTE,
  });
  log.info({ driver: db.driver, dapr: Boolean(env.DAPR_HTTP_PORT) }, "runtime ready");
  return { env, db, auth, log, baseURL };
}
