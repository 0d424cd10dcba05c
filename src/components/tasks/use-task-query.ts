"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { taskPagesOptions } from "@/lib/client/task-pages";
import { useTRPCClient } from "@/lib/client/trpc";
import type { TaskItem } from "@/lib/client/types";
import { listQueryOptionsInput } from "@/lib/ui/list-query";
import type { ViewState } from "@/lib/ui/view-state";

/** The tasks of a view, page by page (the server prefetches the first page for the first paint). */
export function useTaskQuery(state: ViewState) {
  const client = useTRPCClient();
  const input = useMemo(() => listQueryOptionsInput(state), [state]);
  const query = useInfiniteQuery({
    ...taskPagesOptions(input, (i) => client.task.list.query(i)),
    placeholderData: (previous) => previous,
  });
  const tasks = useMemo<TaskItem[]>(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { query, tasks };
}
