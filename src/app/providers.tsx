"use client";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { z } from "zod";
import type { AppRouter } from "@/server/api/root";
import { getQueryClient } from "@/lib/client/query-client";
import { LazyToaster } from "@/lib/client/toast";
import { TRPCProvider } from "@/lib/client/trpc";

// zod's compiled parsers probe for eval with `new Function`, which the Content-Security-Policy forbids (and reports).
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        httpBatchLink({ url: "/api/trpc", transformer: superjson }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        {/* Bottom-left, as in Todoist: clear of the editor side panel and the assistant button on the right. */}
        <LazyToaster closeButton position="bottom-left" />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
