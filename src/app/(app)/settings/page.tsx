import type { Metadata } from "next";
import { SettingsScreen } from "@/components/settings/settings-screen";
import { getServerTRPC, getServerQueryClient, HydrateClient } from "../../_lib/server-trpc";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const trpc = await getServerTRPC();
  await getServerQueryClient().prefetchQuery(trpc.apiToken.list.queryOptions());
  return (
    <HydrateClient>
      <SettingsScreen />
    </HydrateClient>
  );
}
