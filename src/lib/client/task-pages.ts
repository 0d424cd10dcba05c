import type { TaskItem } from "./types";
import type { ListQuery } from "@/lib/ui/view-state";

export interface TaskPage {
  items: TaskItem[];
  nextCursor: string | null;
  total: number;
  totalCapped?: boolean;
}

/**
 * Paged task lists, keyed under tRPC's `task.list` path so `trpc.task.list.pathFilter()` invalidates them.
 * Built by hand rather than with tRPC's infiniteQueryOptions, which adds a `direction` key that the
 * strict list schema refuses. The same options serve the server prefetch and the browser.
 */
export function taskPagesOptions(input: ListQuery, fetchPage: (input: ListQuery & { cursor?: string }) => Promise<TaskPage>) {
  return {
    queryKey: [["task", "list"], { input, type: "infinite" }] as const,
    queryFn: ({ pageParam }: { pageParam: string | undefined }) => fetchPage(pageParam ? { ...input, cursor: pageParam } : input),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: TaskPage) => last.nextCursor ?? undefined,
  };
}
