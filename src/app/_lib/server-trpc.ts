import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache, createElement, type ReactNode } from "react";
import { appRouter, createCaller } from "@/server/api/root";
import { createHttpContext, sessionUserFromHeaders } from "@/server/api/http-context";
import { getRuntime } from "@/server/runtime";
import { makeQueryClient } from "@/lib/client/query-client";

/** One query client per request, shared by every server component that prefetches into it. */
export const getServerQueryClient = cache(makeQueryClient);

/** The signed-in user, or a redirect to sign-in. */
export const requireUser = cache(async () => {
  const runtime = await getRuntime();
  const user = await sessionUserFromHeaders(runtime, await headers());
  if (!user) redirect("/sign-in");
  return user;
});

export const getServerTRPC = cache(async () => {
  const runtime = await getRuntime();
  const requestHeaders = await headers();
  return createTRPCOptionsProxy({
    router: appRouter,
    ctx: () => createHttpContext(runtime, requestHeaders),
    queryClient: getServerQueryClient,
  });
});

/** Hands the prefetched (possibly still pending) queries to the client components below. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return createElement(HydrationBoundary, { state: dehydrate(getServerQueryClient()) }, children);
}

/** Direct procedure calls for prefetches that are not plain tRPC query options (paged lists). */
export const getServerCaller = cache(async () => {
  const runtime = await getRuntime();
  return createCaller(await createHttpContext(runtime, await headers()));
});
