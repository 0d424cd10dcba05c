"use client";
import { useQueries } from "@tanstack/react-query";
import { useTRPC } from "@/lib/client/trpc";
import { VIEWS, viewCountInput, type ViewName } from "@/lib/ui/view-state";

/** Task counts for the sidebar views: one-row pages whose `total` is the count. */
/** Counts past the server's cap read "1000+". */
export function useViewCounts(): Record<ViewName, number | string | undefined> {
  const trpc = useTRPC();
  const results = useQueries({
    queries: VIEWS.map((view) => ({
      ...trpc.task.list.queryOptions({ ...viewCountInput(view), sort: undefined, limit: 1 }),
      select: (data: { total: number; totalCapped?: boolean }) => (data.totalCapped ? `${data.total}+` : data.total),
    })),
  });
  return Object.fromEntries(VIEWS.map((view, i) => [view, results[i]?.data])) as Record<ViewName, number | string | undefined>;
}
