import type http from "node:http";
import compression from "compression";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { fromNodeHeaders } from "better-auth/node";
import { appRouter } from "@/server/api/root";
import { createHttpContext } from "@/server/api/http-context";
import type { Runtime } from "@/server/runtime";
import { bodyLimitFor } from "@/server/limits";
import { RateLimitedError } from "@/server/limits/rate-limit";

export const TRPC_BASE_PATH = "/api/trpc/";

/**
 * Streamed answers (httpBatchStreamLink's JSON lines, subscriptions' server-sent events) must reach the
 * browser as they are produced; gzip would hold them back until its buffer fills.
 */
function isStreamed(req: http.IncomingMessage): boolean {
  const accept = `${req.headers["trpc-accept"] ?? ""},${req.headers.accept ?? ""}`;
  return accept.includes("application/jsonl") || accept.includes("text/event-stream");
}

/**
 * tRPC over plain Node HTTP, mounted by the custom server in front of Next. The API is the app's hot path:
 * going through Next's route-handler machinery (Request/Response wrapping, routing, the app's module graph)
 * cost several times the procedures themselves, so the same router is served here directly, gzip-compressed
 * for clients that accept it as Next would have done.
 */
export function createTrpcHandler(runtime: Runtime): http.RequestListener {
  const handle = createHTTPHandler({
    basePath: TRPC_BASE_PATH,
    maxBodySize: bodyLimitFor(TRPC_BASE_PATH),
    router: appRouter,
    createContext: ({ req }) => createHttpContext(runtime, fromNodeHeaders(req.headers)),
    // A refused rate tells the client when to come back.
    responseMeta: ({ errors }) => {
      const limited = errors.map((error) => error.cause).find((cause) => cause instanceof RateLimitedError);
      return limited ? { headers: new Headers({ "Retry-After": String(limited.retryAfterSeconds) }) } : {};
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") runtime.log.error({ err: error, path }, "tRPC internal error");
    },
  });
  const compress = compression({ threshold: 1024, filter: (req, res) => !isStreamed(req) && compression.filter(req, res) });
  return (req, res) => {
    // Tells nginx-style proxies in front of Cadence not to hold streamed answers back either.
    if (isStreamed(req)) res.setHeader("X-Accel-Buffering", "no");
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => handle(req, res));
  };
}

export const isTrpcRequest = (url: string | undefined): boolean => url !== undefined && url.startsWith(TRPC_BASE_PATH);
