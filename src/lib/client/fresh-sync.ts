import type { Query, QueryClient, QueryFilters } from "@tanstack/react-query";

/** The tRPC routers whose data live notices can change. */
const SYNCED_ROOTS = new Set(["task", "category", "tag", "notification", "activity"]);

function isSyncedQuery(query: Query): boolean {
  const path = query.queryKey[0];
  return Array.isArray(path) && typeof path[0] === "string" && SYNCED_ROOTS.has(path[0]);
}

/**
 * Refetches what a change may have touched, so the result is newer than the change.
 * `invalidateQueries` alone is not enough: for a query that has no data yet (a view opened a moment ago)
 * it joins the fetch already in flight, which started before the change, and the query then counts as
 * fresh with the older result. Cancelling first makes every refetch start after the change.
 */
export async function refetchAfterChange(queryClient: QueryClient, filters: QueryFilters[]): Promise<void> {
  await Promise.all(filters.map((filter) => queryClient.cancelQueries(filter)));
  await Promise.all(filters.map((filter) => queryClient.invalidateQueries(filter)));
}

/**
 * Server-rendered data can reach the cache after a live notice was handled: a navigation's prefetch that
 * was read before the change, hydrated when its response arrives. Hydration then adds the older snapshot
 * as fresh data (or replaces an invalidated query's data), and the change would stay invisible until the
 * next notice. This watches for such snapshots and refetches them. Returns the unsubscribe function.
 */
export function refetchSnapshotsOlderThan(queryClient: QueryClient, lastChangeAt: () => number): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    // Hydration adds queries ('added') or overwrites them with setState; fetches and setQueryData do neither.
    // A cancelled fetch also reverts through setState, always with fetchStatus: that is not new data.
    const hydrated =
      event.type === "added" || (event.type === "updated" && event.action.type === "setState" && !("fetchStatus" in event.action.state));
    if (!hydrated) return;
    const { query } = event;
    if (query.state.status !== "success" || !isSyncedQuery(query)) return;
    if (query.state.dataUpdatedAt >= lastChangeAt()) return;
    // Deferred: the cache is mid-notification (and possibly mid-render) here.
    queueMicrotask(() => void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }));
  });
}
