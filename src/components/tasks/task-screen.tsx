"use client";
import { useQuery } from "@tanstack/react-query";
import { ListChecks } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { preloadEditor } from "@/components/shell/editor-host";
import { LAUNCHER_CLEARANCE } from "@/components/chat/launcher";
import { useEditor } from "@/lib/client/editor-context";
import { useTRPC } from "@/lib/client/trpc";
import type { TaskItem } from "@/lib/client/types";
import { useNow } from "@/lib/client/use-now";
import { useUser } from "@/lib/client/user";
import { VIEW_TITLES } from "@/lib/ui/view-state";
import { EmptyState } from "./empty-state";
import { FilterChips } from "./filter-chips";
import { FilterPanel } from "./filter-panel";
import { QuickAdd } from "./quick-add";
import { SearchBox } from "./search-box";
import { SortControl } from "./sort-control";
import { TaskList, TaskListSkeleton } from "./task-list";
import { useListKeys } from "./use-list-keys";
import { useSelection } from "./use-selection";
import { useTaskActions } from "./use-task-actions";
import { useTaskQuery } from "./use-task-query";
import { useViewState } from "./use-view-state";

// Only needed after a click or a key press: kept out of the first-load bundle.
const BulkBar = dynamic(() => import("./bulk-bar").then((m) => m.BulkBar), { ssr: false });
const ShortcutsDialog = dynamic(() => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog), { ssr: false });

/** The task view: header controls, quick add, the list, bulk actions and the editor. */
export function TaskScreen() {
  const trpc = useTRPC();
  const user = useUser();
  const now = useNow();
  const { state, update } = useViewState();
  const { query, tasks } = useTaskQuery(state);
  const categories = useQuery(trpc.category.list.queryOptions()).data ?? [];
  const tags = useQuery(trpc.tag.list.queryOptions()).data ?? [];
  const actions = useTaskActions();
  const selection = useSelection(tasks);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const { openEditor } = useEditor();
  const [helpOpen, setHelpOpen] = useState(false);

  const onToggle = useCallback((task: TaskItem) => (task.completed ? actions.reopen(task) : actions.complete(task)), [actions]);
  useEffect(() => {
    // Warm the editor chunk once the list is idle, so the first open does not wait on the network.
    const id = window.setTimeout(preloadEditor, 2000);
    return () => window.clearTimeout(id);
  }, []);
  const onOpen = useCallback((task: TaskItem) => {
    setActiveId(task.id);
    openEditor(task.id);
  }, [openEditor]);

  const active = tasks.find((t) => t.id === activeId) ?? null;
  const move = (delta: number) => {
    if (tasks.length === 0) return;
    const index = active ? tasks.indexOf(active) : -1;
    const next = tasks[Math.min(tasks.length - 1, Math.max(0, index + delta))];
    if (!next) return;
    setActiveId(next.id);
    scrollRef.current?.querySelector(`[data-task-id="${next.id}"]`)?.scrollIntoView({ block: "nearest" });
  };
  useListKeys({
    next: () => move(1),
    previous: () => move(-1),
    complete: () => active && onToggle(active),
    edit: () => active && openEditor(active.id),
    remove: () => active && actions.remove(active),
    help: () => setHelpOpen(true),
  });
  // Keep the keyboard cursor on screen after a refetch removed its task.
  useEffect(() => {
    if (activeId && !tasks.some((t) => t.id === activeId)) setActiveId(null);
  }, [tasks, activeId]);

  const singleCategory = state.categoryIds.length === 1 && state.view === "inbox" ? categories.find((c) => c.id === state.categoryIds[0]) : undefined;
  const singleTag = state.tagIds.length === 1 && state.view === "inbox" && state.categoryIds.length === 0 ? tags.find((t) => t.id === state.tagIds[0]) : undefined;
  const title = state.q ? "Search" : singleCategory ? singleCategory.name : singleTag ? `#${singleTag.name}` : VIEW_TITLES[state.view];
  const onSearch = useCallback((q: string) => update({ q }, "replace"), [update]);
  const loading = query.isPending;
  const total = query.data?.pages[0]?.total ?? tasks.length;
  const totalLabel = query.data?.pages[0]?.totalCapped ? `${total}+` : `${total}`;

  return (
    <div className="flex h-full flex-col">
      <div className="shrink-0">
        <div className="flex flex-wrap items-center gap-2 px-3 pt-3 pb-2 sm:px-4">
          <h1 className="mr-auto flex min-w-0 items-baseline gap-2 text-xl font-semibold tracking-tight">
            <span className="truncate">{title}</span>
            <span className="shrink-0 text-xs font-normal text-zinc-500 tabular-nums dark:text-zinc-400" aria-live="polite">
              {loading ? "" : `${totalLabel} ${totalLabel === "1" ? "task" : "tasks"}`}
            </span>
            {query.isFetching && !loading && <span className="sr-only"> (updating)</span>}
          </h1>
          <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
            <SearchBox value={state.q} onChange={onSearch} />
            <FilterPanel state={state} update={update} categories={categories} tags={tags} />
            <div className="order-last w-full sm:order-none sm:w-auto">
              <SortControl sort={state.sort} update={update} />
            </div>
            <button
              type="button"
              aria-pressed={selection.selectMode}
              aria-label="Select tasks"
              title="Select tasks"
              onClick={() => (selection.selectMode ? selection.exit() : selection.setSelectMode(true))}
              className="grid size-9 pointer-coarse:size-11 shrink-0 place-items-center rounded-md ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 aria-pressed:bg-accent-600 aria-pressed:text-white aria-pressed:ring-accent-600 dark:ring-zinc-700 dark:hover:bg-zinc-800"
            >
              <ListChecks className="size-4" aria-hidden />
            </button>
          </div>
        </div>
        <FilterChips state={state} update={update} categories={categories} tags={tags} />
        {state.view !== "completed" && <QuickAdd timeZone={user.timeZone} defaultCategoryId={singleCategory?.id} />}
        {selection.selectMode && (
          <BulkBar
            ids={selection.visibleSelected}
            total={tasks.length}
            allSelected={tasks.length > 0 && selection.visibleSelected.length === tasks.length}
            onSelectAll={selection.selectAll}
            onDone={selection.exit}
            categories={categories}
            tags={tags}
          />
        )}
      </div>
      <div ref={scrollRef} className={`min-h-0 flex-1 overflow-y-auto ${LAUNCHER_CLEARANCE}`} aria-busy={loading}>
        {loading ? (
          <TaskListSkeleton />
        ) : query.isError ? (
          <div role="alert" className="m-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            Could not load tasks: {query.error.message}{" "}
            <button type="button" className="underline" onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        ) : tasks.length === 0 ? (
          <EmptyState view={state.view} searching={Boolean(state.q)} />
        ) : (
          <TaskList
            tasks={tasks}
            groupByDay={state.view === "upcoming" && !state.sort}
            now={now}
            timeZone={user.timeZone}
            activeId={activeId}
            selectMode={selection.selectMode}
            selectedIds={selection.selected}
            scrollRef={scrollRef}
            hasMore={Boolean(query.hasNextPage)}
            loadingMore={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            onSelect={selection.onSelect}
            onToggle={onToggle}
            onOpen={onOpen}
          />
        )}
      </div>
      {helpOpen && <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />}
    </div>
  );
}
