import type { Logger } from "pino";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { ConfigError, parseEnv } from "@/server/env";
import { createLogger } from "@/server/log";
import { errorText } from "@/server/events/error-text";
import type { WorkerDefinition } from "@/server/events/worker-types";
import { serveWithDapr, type DaprWorkerServer } from "./dapr-server";

/**
 * Entry point of a worker running as its own process (pod) next to a Dapr sidecar:
 * validates configuration, opens PostgreSQL, serves the Dapr app API on PORT, stops cleanly on SIGTERM,
 * and exits non-zero when start-up fails.
 */
export async function runWorkerProcess(worker: WorkerDefinition): Promise<void> {
  let log: Logger = createLogger("info", `worker-${worker.name}`);
  let db: DatabaseHandle | undefined;
  let server: DaprWorkerServer | undefined;
  let stopWorker: (() => Promise<void>) | undefined;

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    try {
      await server?.close(); // stop taking deliveries first; unacked ones are redelivered elsewhere
      await stopWorker?.();
      await db?.close();
      process.exit(0);
    } catch (cause) {
      log.error({ error: errorText(cause) }, "unclean shutdown");
      process.exit(1);
    }
  };

  try {
    const env = parseEnv();
    log = createLogger(env.LOG_LEVEL, `worker-${worker.name}`);
    if (!env.DATABASE_URL) {
      throw new ConfigError("Invalid configuration: DATABASE_URL is required to run a worker as its own process");
    }
    db = await openDatabase({ driver: "postgres", url: env.DATABASE_URL });
    // A worker may start before the app: it applies pending migrations itself (under the same advisory lock
    // as the app, so only one process migrates) instead of failing on tables that do not exist yet.
    await db.migrate();
    const services = { env, db, log };
    // Only the sidecar next to it calls a worker, so it listens on loopback unless HOST says otherwise.
    server = await serveWithDapr(worker, { port: env.PORT, host: env.HOST ?? "127.0.0.1", services });
    stopWorker = await worker.start?.(services);
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    process.once("SIGINT", () => void shutdown("SIGINT"));
    log.info({ port: server.port }, "worker started");
  } catch (cause) {
    const message = cause instanceof ConfigError ? cause.message : `worker ${worker.name} failed to start: ${errorText(cause)}`;
    log.fatal(message);
    await server?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    process.exit(1);
  }
}
