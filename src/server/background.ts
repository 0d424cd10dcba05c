import { startEventBackbone, type EventBackbone } from "@/server/events/backbone";
import { createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { pusherCredentials, usesBuiltInPusher } from "@/server/realtime/publisher";
import type { Runtime } from "@/server/runtime";
import { ALL_WORKERS } from "@/server/workers";

export interface Background {
  /** The built-in Pusher-protocol endpoint, unless an external Pusher/Soketi is configured. */
  pusher?: EmbeddedPusher;
  backbone: EventBackbone;
  stop(): Promise<void>;
}

const BACKBONE_KEY = Symbol.for("cadence.backbone");
type BackboneHolder = { [BACKBONE_KEY]?: EventBackbone };

/** What runs beside the HTTP handlers: the outbox relay, in-process workers (embedded) and the Pusher endpoint. */
export async function startBackground(runtime: Runtime): Promise<Background> {
  const { env, db, log } = runtime;
  // Built-in endpoint unless Soketi (PUSHER_HOST) or Pusher Channels (PUSHER_CLUSTER) is configured; standalone
  // realtime workers reach it with PUSHER_HOST/PUSHER_PORT pointing here and the same credentials.
  const pusher = usesBuiltInPusher(env) ? createEmbeddedPusher(pusherCredentials(env)) : undefined;
  const backbone = await startEventBackbone({ env, db, log, workers: ALL_WORKERS });
  // Route handlers (another module graph in this process) read relay metrics from here.
  (globalThis as BackboneHolder)[BACKBONE_KEY] = backbone;
  return {
    pusher,
    backbone,
    async stop() {
      await backbone.stop();
      pusher?.close();
    },
  };
}

export const runningBackbone = (): EventBackbone | undefined => (globalThis as BackboneHolder)[BACKBONE_KEY];
