"use client";
import { lazy, Suspense, useEffect, useMemo, useRef, type MouseEvent, type RefObject } from "react";
import type { TaskItem } from "@/lib/client/types";
import { dayHeading, dayKey } from "@/lib/ui/countdown";
import { TaskRow } from "./task-row";

// Long lists only: react-virtual loads when a list first passes the threshold.
const VirtualRows = lazy(() => import("./virtual-rows").then((m) => ({ default: m.VirtualRows })));

/** Past this many rows only the visible ones are rendered. */
const VIRTUALIZE_AFTER = 200;

export type Entry = { kind: "heading"; key: string; label: string } | { kind: "task"; key: string; task: TaskItem };

export interface TaskListProps {
  tasks: TaskItem[];
  groupByDay: boolean;
  now: Date;
  timeZone: string;
  activeId: string | null;
  selectMode: boolean;
  selectedIds: ReadonlySet<string>;
  scrollRef: RefObject<HTMLDivElement | null>;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onSelect: (task: TaskItem, event: MouseEvent) => void;
  onToggle: (task: TaskItem) => void;
  onOpen: (task: TaskItem) => void;
}

function toEntries(tasks: TaskItem[], groupByDay: boolean, timeZone: string, now: Date): Entry[] {
  if (!groupByDay) return tasks.map((task) => ({ kind: "task", key: task.id, task }));
  const entries: Entry[] = [];
  let current = "";
  for (const task of tasks) {
    const key = task.dueAt ? dayKey(task.dueAt, timeZone) : "none";
    if (key !== current) {
      current = key;
      entries.push({ kind: "heading", key: `h-${key}`, label: task.dueAt ? dayHeading(task.dueAt, timeZone, now) : "No date" });
    }
    entries.push({ kind: "task", key: task.id, task });
  }
  return entries;
}

export function TaskList(props: TaskListProps) {
  const { tasks, groupByDay, now, timeZone, scrollRef } = props;
  const dayOfNow = dayKey(now, timeZone);
  // Headings only change with the calendar day, not with every tick of the clock.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const entries = useMemo(() => toEntries(tasks, groupByDay, timeZone, now), [tasks, groupByDay, timeZone, dayOfNow]);
  const virtual = entries.length > VIRTUALIZE_AFTER;
  const { hasMore, loadingMore, onLoadMore } = props;

  // Fetch react-virtual before the list needs it, so crossing the threshold does not wait on the network.
  const nearThreshold = entries.length > VIRTUALIZE_AFTER / 2;
  useEffect(() => {
    if (nearThreshold) void import("./virtual-rows");
  }, [nearThreshold]);

  // Below the virtualisation threshold, a sentinel loads the next page as it scrolls into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (virtual || !el || !hasMore) return;
    const observer = new IntersectionObserver((seen) => seen[0]?.isIntersecting && !loadingMore && onLoadMore(), {
      root: scrollRef.current,
      rootMargin: "400px",
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [virtual, hasMore, loadingMore, onLoadMore, scrollRef]);

  const render = (entry: Entry) =>
    entry.kind === "heading" ? (
      <h3 className="sticky top-0 z-10 border-b border-zinc-200 bg-white/95 px-4 py-2 text-sm font-semibold backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
        {entry.label}
      </h3>
    ) : (
      <TaskRow
        task={entry.task}
        now={now}
        timeZone={timeZone}
        active={props.activeId === entry.task.id}
        selectMode={props.selectMode}
        selected={props.selectedIds.has(entry.task.id)}
        onSelect={props.onSelect}
        onToggle={props.onToggle}
        onOpen={props.onOpen}
      />
    );

  const more = hasMore && (
    <div ref={sentinel} className="flex justify-center p-4">
      <button
        type="button"
        onClick={onLoadMore}
        disabled={loadingMore}
        className="rounded-md px-3 py-1.5 text-sm text-accent-700 hover:bg-accent-50 dark:text-accent-100 dark:hover:bg-zinc-800"
      >
        {loadingMore ? "Loading…" : "Load more tasks"}
      </button>
    </div>
  );

  const plainList = (
    <div role="list" aria-label="Tasks">
      {entries.map((entry) => (
        <div role={entry.kind === "task" ? "listitem" : undefined} key={entry.key}>
          {render(entry)}
        </div>
      ))}
      {more}
    </div>
  );
  if (!virtual) return plainList;
  return (
    <Suspense fallback={plainList}>
      <VirtualRows entries={entries} scrollRef={scrollRef} render={render} more={more} hasMore={hasMore} loadingMore={loadingMore} onLoadMore={onLoadMore} />
    </Suspense>
  );
}

export function TaskListSkeleton() {
  return (
    <div aria-hidden className="animate-pulse">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex items-start gap-3 border-b border-zinc-100 px-4 py-3 dark:border-zinc-800/70">
          <div className="size-5 rounded-full bg-zinc-200 dark:bg-zinc-800" />
          <div className="flex-1 space-y-2">
            <div className="h-4 rounded bg-zinc-200 dark:bg-zinc-800" style={{ width: `${50 + ((i * 17) % 40)}%` }} />
            <div className="h-3 w-1/3 rounded bg-zinc-100 dark:bg-zinc-800/70" />
          </div>
        </div>
      ))}
    </div>
  );
}
