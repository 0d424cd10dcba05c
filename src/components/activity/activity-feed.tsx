"use client";
import { useQuery } from "@tanstack/react-query";
import { AlarmClock, CheckCircle2, Folder, Hash, PencilLine, Plus, RotateCcw, Trash2, type LucideIcon } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/lib/client/trpc";
import { LAUNCHER_CLEARANCE } from "@/components/chat/launcher";
import { useUndo } from "@/lib/client/undo";
import { useUser } from "@/lib/client/user";
import { describeActivity } from "@/lib/ui/activity-text";
import { dayHeading, dayKey } from "@/lib/ui/countdown";
import { ActorBadge } from "./actor-badge";

const ICONS: Record<string, LucideIcon> = {
  created: Plus,
  updated: PencilLine,
  completed: CheckCircle2,
  uncompleted: RotateCcw,
  deleted: Trash2,
  restored: RotateCcw,
  snoozed: AlarmClock,
};

/** Everything that happened in the account, newest first, grouped by day; older pages on demand. */
export function ActivityFeed() {
  const trpc = useTRPC();
  const { timeZone } = useUser();
  const { revert } = useUndo();
  const [cursors, setCursors] = useState<number[]>([]);
  const first = useQuery(trpc.activity.list.queryOptions({ limit: 50 }));
  const lastCursor = cursors[cursors.length - 1];
  const more = useQuery({ ...trpc.activity.list.queryOptions({ limit: 50, cursor: lastCursor }), enabled: lastCursor !== undefined });
  const [older, setOlder] = useState<NonNullable<typeof first.data>["items"]>([]);
  const items = [...(first.data?.items ?? []), ...older, ...(lastCursor !== undefined ? (more.data?.items ?? []) : [])];
  const nextCursor = lastCursor !== undefined ? more.data?.nextCursor : first.data?.nextCursor;

  let currentDay = "";
  return (
    <div className={`h-full overflow-y-auto ${LAUNCHER_CLEARANCE}`}>
      <div className="mx-auto max-w-2xl px-3 py-4 sm:px-4">
        <h1 className="text-xl font-semibold tracking-tight">Activity</h1>
        {first.isPending ? (
          <div className="mt-4 space-y-3" aria-hidden>
            {[0, 1, 2, 3, 4].map((i) => (
              <div key={i} className="h-10 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
            ))}
          </div>
        ) : first.isError ? (
          <p role="alert" className="mt-6 text-sm text-red-700 dark:text-red-400">
            Could not load the activity.{" "}
            <button type="button" onClick={() => void first.refetch()} className="font-medium underline underline-offset-2">
              Try again
            </button>
          </p>
        ) : items.length === 0 ? (
          <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">Nothing yet. Changes to tasks, categories and tags show up here.</p>
        ) : (
          <ol className="mt-3">
            {items.map((item) => {
              const key = dayKey(item.createdAt, timeZone);
              const heading = key !== currentDay ? dayHeading(item.createdAt, timeZone) : null;
              currentDay = key;
              const Icon = item.entityType === "category" ? Folder : item.entityType === "tag" ? Hash : (ICONS[item.action] ?? PencilLine);
              return (
                <li key={item.id}>
                  {heading && <h2 className="mt-4 mb-1 text-sm font-semibold text-zinc-500 dark:text-zinc-400">{heading}</h2>}
                  <div className="flex items-start gap-3 border-b border-zinc-100 py-2 dark:border-zinc-800/70">
                    <Icon className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
                    <p className="min-w-0 flex-1 text-sm break-words">
                      {describeActivity(item, true)}
                      {item.actorName && <ActorBadge name={item.actorName} />}
                    </p>
                                        {item.revertedById !== null ? (
                      <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">Undone</span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => void revert(item.id)}
                        aria-label={`Undo: ${describeActivity(item, true)}`}
                        className="shrink-0 rounded px-2 text-xs font-medium text-accent-700 hover:bg-accent-50 max-sm:min-h-11 sm:py-0.5 dark:text-accent-100 dark:hover:bg-zinc-800"
                      >
                        Undo
                      </button>
                    )}
                    <time dateTime={item.createdAt.toISOString()} className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                      {new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(item.createdAt)}
                    </time>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {nextCursor && (
          <button
            type="button"
            className="mt-4 rounded-md px-3 py-1.5 text-sm text-accent-700 hover:bg-accent-50 dark:text-accent-100 dark:hover:bg-zinc-800"
            onClick={() => {
              if (lastCursor !== undefined && more.data) setOlder((o) => [...o, ...more.data.items]);
              setCursors((c) => [...c, nextCursor]);
            }}
          >
            Show older activity
          </button>
        )}
      </div>
    </div>
  );
}
