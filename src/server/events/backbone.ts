import type { Logger } from "pino";
import type { DatabaseHandle } from "@/server/db/client";
import type { Env } from "@/server/env";
import { runEmbedded, type EmbeddedWorkers } from "@workers/host/embedded";
import { startOutboxRelay, type OutboxRelay } from "./relay";
import type { EventTransport } from "./transport";
import { createDaprTransport } from "./transports/dapr";
import { createEmbeddedTransport, type EmbeddedTransport } from "./transports/embedded";
import type { WorkerDefinition } from "./worker-types";

export interface EventBackbone {
  transport: EventTransport;
  relay: OutboxRelay;
  /** Present in embedded mode only: workers run in this process. */
  embedded?: { transport: EmbeddedTransport; workers: EmbeddedWorkers };
  stop(): Promise<void>;
}

/**
 * The app's side of the event flow, chosen by configuration only: with DAPR_HTTP_PORT the relay publishes to the
 * sidecar and workers run as their own processes; without it, workers run here on the embedded transport.
 */
export async function startEventBackbone(options: {
  env: Env;
  db: DatabaseHandle;
  log: Logger;
  workers: readonly WorkerDefinition[];
}): Promise<EventBackbone> {
  const { env, db, log } = options;
  if (env.DAPR_HTTP_PORT) {
    const transport = createDaprTransport({ httpPort: env.DAPR_HTTP_PORT, pubsubName: env.DAPR_PUBSUB_NAME, apiToken: env.DAPR_API_TOKEN });
    const relay = await startOutboxRelay({ db, transport, log });
    return { transport, relay, stop: () => relay.stop() };
  }
  const transport = createEmbeddedTransport({ db: db.db, log });
  const workers = await runEmbedded(options.workers, { env, db, log }, transport);
  const relay = await startOutboxRelay({ db, transport, log });
  return {
    transport,
    relay,
    embedded: { transport, workers },
    async stop() {
      // The relay's pass waits on deliveries: closing the transport ends their retry waits, and whatever was
      // not handled yet fails its publish, so those outbox rows stay unpublished for the next start.
      const relayStopped = relay.stop();
      await transport.close();
      await relayStopped;
      await workers.stop();
    },
  };
}
