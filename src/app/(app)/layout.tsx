import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { VIEWS, viewCountInput } from "@/lib/ui/view-state";
import { getServerTRPC, getServerQueryClient, HydrateClient, requireUser } from "../_lib/server-trpc";

export const dynamic = "force-dynamic";

/** Every app page needs a session; categories and tags are prefetched so the sidebar paints with data. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const trpc = await getServerTRPC();
  const queryClient = getServerQueryClient();
  // Awaited (in parallel) so the server HTML already has the data: no skeleton flash, no hydration mismatch.
  await Promise.all([
    queryClient.prefetchQuery(trpc.category.list.queryOptions()),
    queryClient.prefetchQuery(trpc.tag.list.queryOptions()),
    queryClient.prefetchQuery(trpc.notification.list.queryOptions({ limit: 20 })),
    ...VIEWS.map((view) => queryClient.prefetchQuery(trpc.task.list.queryOptions({ ...viewCountInput(view), sort: undefined, limit: 1 }))),
  ]);
  return (
    <HydrateClient>
      <AppShell user={{ id: user.id, name: user.name, email: user.email, timeZone: user.timeZone }}>{children}</AppShell>
    </HydrateClient>
  );
}
