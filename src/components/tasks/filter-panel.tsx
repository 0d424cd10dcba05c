"use client";
import { clsx } from "clsx";
import { SlidersHorizontal } from "lucide-react";
import { Suspense } from "react";
import { lazyPopup, useLazyPopup } from "@/components/ui/lazy-popup";
import type { Label } from "@/lib/client/types";
import type { ViewState } from "@/lib/ui/view-state";

export function activeFilterCount(state: ViewState): number {
  return (
    (state.status ? 1 : 0) +
    state.priorities.length +
    state.categoryIds.length +
    state.tagIds.length +
    (state.due ? 1 : 0) +
    (state.hasReminder !== undefined ? 1 : 0) +
    (state.recurring !== undefined ? 1 : 0)
  );
}

export const filterButtonClass = (count: number) =>
  clsx(
    "inline-flex h-9 pointer-coarse:h-11 items-center gap-1.5 rounded-md px-2.5 text-sm ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800",
    count > 0 && "bg-accent-50 text-accent-700 ring-accent-500/50 dark:bg-accent-500/15 dark:text-accent-100",
  );

export function FilterButtonFace({ count }: { count: number }) {
  return (
    <>
      <SlidersHorizontal className="size-4" aria-hidden />
      Filters
      {count > 0 && <span className="rounded-full bg-accent-600 px-1.5 text-xs text-white">{count}</span>}
    </>
  );
}

const popover = lazyPopup(() => import("./filter-popover").then((m) => m.FilterPopover));

/** The Filters button; its panel (Radix Popover) loads on the first click. */
export function FilterPanel(props: { state: ViewState; update: (patch: Partial<ViewState>) => void; categories: Label[]; tags: Label[] }) {
  const lazy = useLazyPopup(popover.preload);
  const count = activeFilterCount(props.state);
  const plain = (
    <button type="button" aria-haspopup="dialog" className={filterButtonClass(count)} {...lazy.triggerProps}>
      <FilterButtonFace count={count} />
    </button>
  );
  if (!lazy.mounted) return plain;
  return (
    <Suspense fallback={plain}>
      <popover.Component {...props} defaultOpen />
    </Suspense>
  );
}
