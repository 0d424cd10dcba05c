import http from "node:http";
import next from "next";
import type { Env } from "@/server/env";
import { getRuntime } from "@/server/runtime";
import { startBackground } from "@/server/background";
import { stopOnce, withTimeout } from "./graceful";
import type { ProcessRole } from "./processes";
import { trackRequests } from "./graceful";
import { useBuiltNextConfig } from "./standalone-config";
import { createTrpcHandler, isTrpcRequest } from "./trpc-handler";
import { createRequestGuard } from "./request-guard";

/**
 * The app's HTTP server: Next.js for pages and API routes, plus what Next cannot host itself —
 * the embedded Pusher WebSocket endpoint — the tRPC API served without Next's overhead, and, as a single process,
 * the relay and workers.
 */
export async function runAppProcess(env: Env, role: Exclude<ProcessRole, "background">, dev: boolean) {
  if (!dev) useBuiltNextConfig(process.cwd());
  const app = next({ dev, dir: process.cwd(), port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const runtime = await getRuntime();
  const background = await startBackground(runtime, role);
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
  stopOnce(async (signal) => {
    runtime.log.info({ signal, inFlight: requests.inFlight() }, "shutting down: draining requests");
    background.pusher?.close(); // live clients reconnect to another instance at once
    const drained = await requests.drain(SHUTDOWN_DRAIN_MS);
    if (!drained) runtime.log.warn({ inFlight: requests.inFlight() }, "requests still running after the drain timeout");
    if (background.backbone) {
      const flushed = await withTimeout(background.backbone.relay.flush(), SHUTDOWN_FLUSH_MS);
      if (!flushed) runtime.log.warn("outbox not fully flushed; the next instance publishes the rest");
    }
    await background.stop();
    await runtime.db.close();
    runtime.log.info({ signal }, "stopped cleanly");
  });
}

const SHUTDOWN_DRAIN_MS = 15_000;
const SHUTDOWN_FLUSH_MS = 8_000;
