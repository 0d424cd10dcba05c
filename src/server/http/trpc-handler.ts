import type http from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { fromNodeHeaders } from "better-auth/node";
import { appRouter } from "@/server/api/root";
import { createHttpContext } from "@/server/api/http-context";
import type { Runtime } from "@/server/runtime";

export const TRPC_BASE_PATH = "/api/trpc/";

/**
 * tRPC over plain Node HTTP, mounted by the custom server in front of Next. The API is the app's hot path:
 * going through Next's route-handler machinery (Request/Response wrapping, routing, the app's module graph)
 * cost several times the procedures themselves, so the same router is served here directly.
 */
export function createTrpcHandler(runtime: Runtime): http.RequestListener {
  return createHTTPHandler({
    basePath: TRPC_BASE_PATH,
    router: appRouter,
    createContext: ({ req }) => createHttpContext(runtime, fromNodeHeaders(req.headers)),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") runtime.log.error({ err: error, path }, "tRPC internal error");
    },
  });
}

export const isTrpcRequest = (url: string | undefined): boolean => url !== undefined && url.startsWith(TRPC_BASE_PATH);
