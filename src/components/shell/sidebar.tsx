"use client";
import { clsx } from "clsx";
import { Activity, CalendarClock, CalendarDays, CheckCircle2, Inbox, TriangleAlert, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { parseViewState, VIEW_TITLES, type ViewName } from "@/lib/ui/view-state";
import { useViewCounts } from "./counts";
import { LabelSection } from "./label-section";

const VIEW_ICONS: Record<ViewName, LucideIcon> = {
  inbox: Inbox,
  today: CalendarDays,
  upcoming: CalendarClock,
  overdue: TriangleAlert,
  completed: CheckCircle2,
};

export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const state = parseViewState(params);
  const counts = useViewCounts();
  const onTasks = pathname === "/";
  const plainView = state.categoryIds.length === 0 && state.tagIds.length === 0;

  return (
    <nav aria-label="Main" className="flex flex-col px-2 py-3">
      <ul className="space-y-0.5">
        {(Object.keys(VIEW_TITLES) as ViewName[]).map((view) => {
          const Icon = VIEW_ICONS[view];
          const active = onTasks && plainView && state.view === view;
          return (
            <li key={view}>
              <Link
                href={view === "inbox" ? "/" : `/?view=${view}`}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "flex h-9 pointer-coarse:h-11 items-center gap-2.5 rounded-md px-2 text-sm",
                  active
                    ? "bg-accent-100 font-medium text-accent-700 dark:bg-accent-500/20 dark:text-accent-100"
                    : "text-zinc-700 hover:bg-zinc-200/60 dark:text-zinc-300 dark:hover:bg-zinc-800",
                )}
              >
                <Icon className={clsx("size-4", view === "overdue" && "text-red-600 dark:text-red-400")} aria-hidden />
                {VIEW_TITLES[view]}
                <span className="ml-auto min-w-5 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {counts[view] === undefined ? (
                    <span className="inline-block h-3 w-4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-700" aria-hidden />
                  ) : (
                    <>
                      <span className="sr-only">, tasks: </span>
                      {counts[view]}
                    </>
                  )}
                </span>
              </Link>
            </li>
          );
        })}
        <li>
          <Link
            href="/activity"
            onClick={onNavigate}
            aria-current={pathname === "/activity" ? "page" : undefined}
            className={clsx(
              "flex h-9 pointer-coarse:h-11 items-center gap-2.5 rounded-md px-2 text-sm",
              pathname === "/activity"
                ? "bg-accent-100 font-medium text-accent-700 dark:bg-accent-500/20 dark:text-accent-100"
                : "text-zinc-700 hover:bg-zinc-200/60 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            <Activity className="size-4" aria-hidden />
            Activity
          </Link>
        </li>
      </ul>
      <LabelSection kind="category" activeId={onTasks && state.categoryIds.length === 1 ? state.categoryIds[0] : undefined} onNavigate={onNavigate} />
      <LabelSection kind="tag" activeId={onTasks && state.tagIds.length === 1 ? state.tagIds[0] : undefined} onNavigate={onNavigate} />
    </nav>
  );
}
