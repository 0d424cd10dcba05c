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
 * Answers smaller than this go uncompressed. One task (a get, an update's answer) is about 1 KB: it leaves in the
 * same round trip either way (TCP's first window is ~14 KB), and a gzip stream per answer cost more CPU than the
 * bytes it saved (zlib was 3 % of a web process's CPU per update over HTTP). Lists and pages stay compressed.
 */
const COMPRESSION_THRESHOLD_BYTES = 4096;

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
  const compress = compression({ threshold: COMPRESSION_THRESHOLD_BYTES, filter: (req, res) => !isStreamed(req) && compression.filter(req, res) });
  return (req, res) => {
    // Tells nginx-style proxies in front of Cadence not to hold streamed answers back either.
    const streamed = isStreamed(req);
    if (streamed) res.setHeader("X-Accel-Buffering", "no");
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
      if (!streamed) endWhole(res);
      return handle(req, res);
    });
  };
}

/**
 * tRPC writes an answer in chunks (then ends it empty), so by the time the headers went out its size was unknown
 * and the compression threshold never applied: every answer was gzipped, a 300-byte one too. An answer that is
 * not streamed is whole in memory anyway; collected here, it reaches `end` in one piece, where compression sees its
 * length before deciding.
 */
function endWhole(res: http.ServerResponse): void {
  const chunks: Uint8Array[] = [];
  const end = res.end.bind(res) as (chunk?: Uint8Array, callback?: () => void) => http.ServerResponse;
  res.write = ((chunk: Uint8Array | string, encodingOrCallback?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encodingOrCallback === "string" ? encodingOrCallback : "utf8") : chunk);
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (done) queueMicrotask(() => done());
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: Uint8Array | string | (() => void), encodingOrCallback?: BufferEncoding | (() => void), callback?: () => void) => {
    if (chunk !== undefined && typeof chunk !== "function") chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encodingOrCallback === "string" ? encodingOrCallback : "utf8") : chunk);
    const body = Buffer.concat(chunks);
    // Compression drops the length again when it compresses.
    if (!res.headersSent) res.setHeader("Content-Length", body.length);
    return end(body, typeof chunk === "function" ? chunk : typeof encodingOrCallback === "function" ? encodingOrCallback : callback);
  }) as typeof res.end;
}

export const isTrpcRequest = (url: string | undefined): boolean => url !== undefined && url.startsWith(TRPC_BASE_PATH);
