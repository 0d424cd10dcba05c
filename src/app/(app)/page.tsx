import type { Metadata } from "next";
import { TaskScreen } from "@/components/tasks/task-screen";
import { listQueryOptionsInput } from "@/lib/ui/list-query";
import { parseViewState, VIEW_TITLES } from "@/lib/ui/view-state";
import { taskPagesOptions } from "@/lib/client/task-pages";
import { getServerCaller, getServerQueryClient, HydrateClient } from "../_lib/server-trpc";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toURLSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") params.set(key, value);
  return params;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return { title: VIEW_TITLES[parseViewState(toURLSearchParams(await searchParams)).view] };
}

/** The task view for the URL's state, prefetched so the first paint already has the tasks. */
export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const state = parseViewState(toURLSearchParams(await searchParams));
  const caller = await getServerCaller();
  await getServerQueryClient().prefetchInfiniteQuery(taskPagesOptions(listQueryOptionsInput(state), (input) => caller.task.list(input)));
  return (
    <HydrateClient>
      <TaskScreen />
    </HydrateClient>
  );
}
