import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { startEventBackbone, type EventBackbone } from "@/server/events/backbone";
import { parseEnv, type Env } from "@/server/env";
import { createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { embeddedPusherCredentials } from "@/server/realtime/publisher";
import { notificationsWorker } from "@workers/notifications";
import { createRealtimeWorker } from "@workers/realtime";
import { recurrenceWorker } from "@workers/recurrence";
import { createRemindersWorker } from "@workers/reminders";
import type { BenchDatabase } from "./database";

/** The embedded default as the app runs it: its Pusher endpoint on an HTTP server, and the event backbone with every worker. */
export interface AppStack {
  env: Env;
  port: number;
  backbone: EventBackbone;
  stop(): Promise<void>;
}

export async function startAppStack(bench: BenchDatabase, log: Logger): Promise<AppStack> {
  let pusher: EmbeddedPusher | undefined;
  const server: Server = createServer((req, res) => {
    void (pusher?.handleHttp(req, res) ?? Promise.resolve(false)).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  server.on("upgrade", (req, socket, head: Buffer) => {
    if (!pusher?.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cadence-bench-events-"));
  // No DAPR_HTTP_PORT: startEventBackbone picks the embedded transport, exactly as the app does by default.
  const env = parseEnv({ DATA_DIR: dataDir, PORT: String(port) });
  pusher = createEmbeddedPusher(embeddedPusherCredentials(env));
  // Fresh worker instances (the module singletons cache their publisher/scheduler for the first env they see).
  const workers = [recurrenceWorker, createRemindersWorker(), notificationsWorker, createRealtimeWorker()];
  const backbone = await startEventBackbone({ env, db: bench.handle, log, workers });
  return {
    env,
    port,
    backbone,
    async stop() {
      await backbone.stop();
      pusher?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
