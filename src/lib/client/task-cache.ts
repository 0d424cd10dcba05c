"use client";
import type { QueryClient } from "@tanstack/react-query";
import type { TaskItem } from "./types";

type Page = { items: TaskItem[]; nextCursor?: string | null };
type Infinite = { pages: Page[]; pageParams: unknown[] };

function isInfinite(data: unknown): data is Infinite {
  return typeof data === "object" && data !== null && "pages" in data;
}

/**
 * Applies an optimistic change to every cached task list (plain and paged), returning a snapshot
 * that `restoreLists` puts back if the server refuses.
 */
export async function patchTaskLists(
  queryClient: QueryClient,
  listKey: readonly unknown[],
  change: (items: TaskItem[]) => TaskItem[],
): Promise<Array<[readonly unknown[], unknown]>> {
  await queryClient.cancelQueries({ queryKey: listKey });
  const snapshot = queryClient.getQueriesData({ queryKey: listKey });
  queryClient.setQueriesData({ queryKey: listKey }, (data: unknown) => {
    if (isInfinite(data)) return { ...data, pages: data.pages.map((p) => ({ ...p, items: change(p.items) })) };
    if (typeof data === "object" && data !== null && "items" in data) {
      const page = data as Page;
      return { ...page, items: change(page.items) };
    }
    return data;
  });
  return snapshot;
}

export function restoreLists(queryClient: QueryClient, snapshot: Array<[readonly unknown[], unknown]>): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}
