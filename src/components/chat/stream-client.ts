"use client";
// The app's shared tRPC client uses httpBatchLink, which cannot carry a streamed result, so the
// assistant reads chat.sendStream through its own client on httpBatchStreamLink (same endpoint,
// same cookies). If the shared client gains a splitLink to httpBatchStreamLink, use useTRPCClient().
import { createTRPCClient, httpBatchStreamLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

let client: TRPCClient<AppRouter> | undefined;

export function chatStreamClient(): TRPCClient<AppRouter> {
  client ??= createTRPCClient<AppRouter>({ links: [httpBatchStreamLink({ url: "/api/trpc", transformer: superjson })] });
  return client;
}
