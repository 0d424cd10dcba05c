import { sql } from "drizzle-orm";
import { startEmbeddedMaintenance } from "@/server/db/embedded-maintenance";
import { startEventBackbone, type EventBackbone } from "@/server/events/backbone";
import { errorText } from "@/server/events/error-text";
import type { ProcessRole } from "@/server/http/processes";
import { createBusPublisher, createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { createPostgresChannelBus } from "@/server/realtime/embedded/channel-bus";
import { pusherCredentials, usesBuiltInPusher } from "@/server/realtime/publisher";
import type { Runtime } from "@/server/runtime";
import { inProcessWorkers } from "@/server/workers";

export interface Background {
  /** The built-in Pusher-protocol endpoint, unless an external Pusher/Soketi is configured. */
  pusher?: EmbeddedPusher;
  /** The relay and workers: absent in a web process of a multi-process app (the background process runs them). */
  backbone?: EventBackbone;
  stop(): Promise<void>;
}

/** Read by metrics.ts under the same symbol. */
const BACKGROUND_KEY = Symbol.for("cadence.background");
type BackgroundHolder = { [BACKGROUND_KEY]?: Background };

/**
 * What runs beside the HTTP handlers: the outbox relay, in-process workers (embedded), the Pusher endpoint and,
 * on PGlite, the vacuuming and analyzing PostgreSQL's autovacuum would do.
 * A multi-process app splits them by role: web processes serve the endpoint, the background process runs the
 * relay and workers, and live notices travel between them over the database (channel-bus.ts).
 */
export async function startBackground(runtime: Runtime, role: ProcessRole = "single"): Promise<Background> {
  const { env, db, log } = runtime;
  // Built-in endpoint unless Soketi (PUSHER_HOST) or Pusher Channels (PUSHER_CLUSTER) is configured; standalone
  // realtime workers reach it with PUSHER_HOST/PUSHER_PORT pointing here and the same credentials.
  const builtIn = usesBuiltInPusher(env);
  const bus = builtIn && role !== "single" ? createPostgresChannelBus(db) : undefined;
  const pusher = builtIn && role !== "background" ? createEmbeddedPusher({ ...pusherCredentials(env), bus }) : undefined;
  await pusher?.ready;
  const localPublisher = pusher ?? (bus ? createBusPublisher(bus) : undefined);
  const backbone = role === "web" ? undefined : await startEventBackbone({ env, db, log, workers: inProcessWorkers(localPublisher) });
  // PGlite is only ever one process (role "single").
  const maintenance =
    db.driver === "pglite"
      ? startEmbeddedMaintenance((statement) => db.db.execute(sql.raw(statement)) as Promise<{ rows: unknown[] }>, {
          onError: (cause) => log.warn({ error: errorText(cause) }, "embedded vacuum/analyze failed; next round retries"),
        })
      : undefined;
  const background: Background = {
    pusher,
    backbone,
    async stop() {
      await maintenance?.stop();
      await backbone?.stop();
      pusher?.close();
    },
  };
  // Route handlers (another module graph in this process) read relay and connection metrics from here.
  (globalThis as BackgroundHolder)[BACKGROUND_KEY] = background;
  return background;
}

export const runningBackground = (): Background | undefined => (globalThis as BackgroundHolder)[BACKGROUND_KEY];
