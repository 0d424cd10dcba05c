import type { Metadata } from "next";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { getServerTRPC, getServerQueryClient, HydrateClient } from "../../_lib/server-trpc";

export const metadata: Metadata = { title: "Activity" };
export const dynamic = "force-dynamic";

export default async function ActivityPage() {
  const trpc = await getServerTRPC();
  await getServerQueryClient().prefetchQuery(trpc.activity.list.queryOptions({ limit: 50 }));
  return (
    <HydrateClient>
      <ActivityFeed />
    </HydrateClient>
  );
}
