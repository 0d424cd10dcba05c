"use client";
import { useQueries } from "@tanstack/react-query";
import { useTRPC } from "@/lib/client/trpc";
import { VIEWS, viewCountInput, type ViewName } from "@/lib/ui/view-state";

/** Task counts for the sidebar views: one-row pages whose `total` is the count. */
export function useViewCounts(): Record<ViewName, number | undefined> {
  const trpc = useTRPC();
  const results = useQueries({
    queries: VIEWS.map((view) => ({
      ...trpc.task.list.queryOptions({ ...viewCountInput(view), sort: undefined, limit: 1 }),
      select: (data: { total: number }) => data.total,
    })),
  });
  return Object.fromEntries(VIEWS.map((view, i) => [view, results[i]?.data])) as Record<ViewName, number | undefined>;
}
