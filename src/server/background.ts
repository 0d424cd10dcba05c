import { startEventBackbone, type EventBackbone } from "@/server/events/backbone";
import { createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { pusherCredentials, usesBuiltInPusher } from "@/server/realtime/publisher";
import type { Runtime } from "@/server/runtime";
import { inProcessWorkers } from "@/server/workers";

export interface Background {
  /** The built-in Pusher-protocol endpoint, unless an external Pusher/Soketi is configured. */
  pusher?: EmbeddedPusher;
  backbone: EventBackbone;
  stop(): Promise<void>;
}

/** Read by metrics.ts under the same symbol. */
const BACKGROUND_KEY = Symbol.for("cadence.background");
type BackgroundHolder = { [BACKGROUND_KEY]?: Background };

/** What runs beside the HTTP handlers: the outbox relay, in-process workers (embedded) and the Pusher endpoint. */
export async function startBackground(runtime: Runtime): Promise<Background> {
  const { env, db, log } = runtime;
  // Built-in endpoint unless Soketi (PUSHER_HOST) or Pusher Channels (PUSHER_CLUSTER) is configured; standalone
  // realtime workers reach it with PUSHER_HOST/PUSHER_PORT pointing here and the same credentials.
  const pusher = usesBuiltInPusher(env) ? createEmbeddedPusher(pusherCredentials(env)) : undefined;
  const backbone = await startEventBackbone({ env, db, log, workers: inProcessWorkers(pusher) });
  const background: Background = {
    pusher,
    backbone,
    async stop() {
      await backbone.stop();
      pusher?.close();
    },
  };
  // Route handlers (another module graph in this process) read relay and connection metrics from here.
  (globalThis as BackgroundHolder)[BACKGROUND_KEY] = background;
  return background;
}

export const runningBackground = (): Background | undefined => (globalThis as BackgroundHolder)[BACKGROUND_KEY];
