import http from "node:http";
import next from "next";
import { ConfigError, parseEnv } from "@/server/env";
import { getRuntime } from "@/server/runtime";
import { startBackground } from "@/server/background";
import { trackRequests } from "./graceful";
import { useBuiltNextConfig } from "./standalone-config";
import { createTrpcHandler, isTrpcRequest } from "./trpc-handler";
import { createRequestGuard } from "./request-guard";

/**
 * The app's HTTP server: Next.js for pages and API routes, plus what Next cannot host itself —
 * the embedded Pusher WebSocket endpoint — the tRPC API served without Next's overhead, and, in the embedded
 * default, the relay and workers.
 */
async function main() {
  const env = parseEnv();
  const dev = process.env.NODE_ENV !== "production";
  if (!dev) useBuiltNextConfig(process.cwd());
  const app = next({ dev, dir: process.cwd(), port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const runtime = await getRuntime();
  const background = await startBackground(runtime);
  const handleTrpc = createTrpcHandler(runtime);

  const guard = createRequestGuard({ env, baseURL: runtime.baseURL, dev });

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!guard(req, res)) return;
      if (isTrpcRequest(req.url)) return handleTrpc(req, res);
      if (background.pusher && (await background.pusher.handleHttp(req, res))) return;
      await handle(req, res);
    })().catch((error: unknown) => {
      runtime.log.error({ err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500).end("Internal error");
    });
  });
  const upgradeNext = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => {
    if (background.pusher?.handleUpgrade(req, socket, head)) return;
    void upgradeNext(req, socket, head);
  });
  const requests = trackRequests(server);
  const onListening = () => runtime.log.info({ port: env.PORT, host: env.HOST, dev }, `Cadence listening on http://${env.HOST ?? "localhost"}:${env.PORT}`);
  if (env.HOST) server.listen(env.PORT, env.HOST, onListening);
  else server.listen(env.PORT, onListening);

  // SIGTERM (a rollout, a scale-down): stop accepting, answer every request already accepted, publish what
  // those requests wrote to the outbox, then stop the relay, workers and database. Kubernetes waits
  // terminationGracePeriodSeconds (30 s in the chart) before SIGKILL; this stays well inside it.
  const shutdown = async (signal: string) => {
    runtime.log.info({ signal, inFlight: requests.inFlight() }, "shutting down: draining requests");
    background.pusher?.close(); // live clients reconnect to another instance at once
    const drained = await requests.drain(SHUTDOWN_DRAIN_MS);
    if (!drained) runtime.log.warn({ inFlight: requests.inFlight() }, "requests still running after the drain timeout");
    const flushed = await withTimeout(background.backbone.relay.flush(), SHUTDOWN_FLUSH_MS);
    if (!flushed) runtime.log.warn("outbox not fully flushed; the next instance publishes the rest");
    await background.stop();
    await runtime.db.close();
    runtime.log.info({ signal }, "stopped cleanly");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

const SHUTDOWN_DRAIN_MS = 15_000;
const SHUTDOWN_FLUSH_MS = 8_000;

/** True when the promise settled in time (its own failure included: shutdown goes on regardless). */
function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => true, () => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]).finally(() => clearTimeout(timer));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
