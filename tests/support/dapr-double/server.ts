// One sidecar HTTP listener: auth, health, and dispatch to the API routes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { jobs, secrets, state } from "./api-routes";
import { error, send, type Reply, type SidecarContext } from "./http-util";
import { publish, publishBulk } from "./pubsub-routes";

export interface ListenerOptions {
  port: number;
  apiToken?: string;
  /** Builds the per-request context; `headerAppId` is the optional `dapr-app-id` header. */
  context(headerAppId: string | undefined): SidecarContext;
  /** `/v1.0/healthz` is 204 only once the app channel is up (the app answered /dapr/subscribe). */
  appChannelReady(): boolean;
  metadata(callerAppId: string | undefined): unknown;
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

export async function startListener(options: ListenerOptions): Promise<Listener> {
  const server = http.createServer((req, res) => {
    route(options, req)
      .then((reply) => send(res, reply))
      .catch((cause: unknown) => {
        const message = cause instanceof Error ? cause.message : String(cause);
        if (!res.headersSent) send(res, error(500, "ERR_INTERNAL", message));
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(options: ListenerOptions, req: http.IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  // daprd exempts every route containing "/healthz" from the API token check (probes carry no token).
  if (req.method === "GET" && parts[0] === "v1.0" && parts[1] === "healthz") {
    if (parts.length === 3 && parts[2] === "outbound") return { status: 204 };
    if (parts.length === 2) return options.appChannelReady() ? { status: 204 } : error(500, "ERR_HEALTH_NOT_READY", "dapr is not ready");
  }
  if (options.apiToken && req.headers["dapr-api-token"] !== options.apiToken) {
    return { status: 401, body: { error: "invalid api token" } };
  }
  const header = req.headers["dapr-app-id"];
  const ctx = options.context(Array.isArray(header) ? header[0] : header);
  const [version, area, a, b, c] = parts;

  if (version === "v1.0" && area === "publish" && req.method === "POST" && a && b && parts.length === 4) {
    return publish(ctx, req, url, a, b);
  }
  if (version === "v1.0-alpha1" && area === "publish" && a === "bulk" && req.method === "POST" && b && c && parts.length === 5) {
    return publishBulk(ctx, req, url, b, c);
  }
  if (version === "v1.0-alpha1" && area === "jobs" && parts.length === 3) return jobs(ctx, req, a ?? "");
  if (version === "v1.0" && area === "state" && a && parts.length <= 4) return state(ctx, req, a, b);
  if (version === "v1.0" && area === "secrets" && a && b && parts.length === 4) return secrets(ctx, req, a, b);
  if (version === "v1.0" && area === "metadata" && parts.length === 2 && req.method === "GET") {
    return { status: 200, body: options.metadata(ctx.callerAppId) };
  }
  return error(404, "ERR_NOT_FOUND", `${req.method ?? ""} ${url.pathname} is not served by the dapr double`);
}
