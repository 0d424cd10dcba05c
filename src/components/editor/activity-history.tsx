"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/client/trpc";
import { ActorBadge } from "@/components/activity/actor-badge";
import { describeActivity } from "@/lib/ui/activity-text";

/** What happened to this task, newest first. */
export function ActivityHistory({ taskId, timeZone }: { taskId: string; timeZone: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.activity.list.queryOptions({ entityType: "task", entityId: taskId, limit: 30 }));
  if (history.isPending) return <div className="h-16 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden />;
  if (history.isError) return <p className="text-sm text-red-700 dark:text-red-400">Could not load the history.</p>;
  if (history.data.items.length === 0) return <p className="text-sm text-zinc-500">No history yet.</p>;
  return (
    <ol className="space-y-2 border-l border-zinc-200 pl-3 text-sm dark:border-zinc-800">
      {history.data.items.map((item) => (
        <li key={item.id}>
          <p>
            {describeActivity(item)}
            {item.actorName && <ActorBadge name={item.actorName} />}
          </p>
          <time dateTime={item.createdAt.toISOString()} className="text-xs text-zinc-500 dark:text-zinc-400">
            {new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(item.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
