import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/** Errors that a retry cannot fix: the request itself is wrong or not allowed. */
const NO_RETRY = new Set(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"]);

export function errorCode(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string } | undefined;
    return data?.code;
  }
  return undefined;
}

/**
 * One factory for the browser and for server prefetching; data dehydrates through superjson.
 * Only settled queries are dehydrated (the default): every prefetch is awaited, and a pending query caught by
 * another segment's dehydrate (layout and page share the request's client) would hydrate a promise whose data
 * predates its `dehydratedAt`, overwriting newer live-synced data in the browser.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !NO_RETRY.has(errorCode(error) ?? "") && failureCount < 2,
      },
      mutations: { retry: false },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: defaultShouldDehydrateQuery,
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

let browserClient: QueryClient | undefined;

/** The server gets a fresh client per request; the browser keeps one for the page's life. */
export function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}
