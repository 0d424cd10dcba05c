"use client";
import { ArrowDownNarrowWide, ArrowUpNarrowWide } from "lucide-react";
import type { SortField, ViewState } from "@/lib/ui/view-state";

const FIELDS: { value: SortField; label: string }[] = [
  { value: "due", label: "Due date" },
  { value: "priority", label: "Priority" },
  { value: "created", label: "Created" },
  { value: "updated", label: "Updated" },
  { value: "title", label: "Title" },
  { value: "relevance", label: "Relevance" },
];

export function SortControl({ sort, update }: { sort: ViewState["sort"]; update: (patch: Partial<ViewState>) => void }) {
  const dir = sort?.dir ?? "asc";
  return (
    <div className="flex items-center">
      <label htmlFor="sort-by" className="sr-only">
        Sort by
      </label>
      <select
        id="sort-by"
        value={sort?.by ?? ""}
        onChange={(e) => update({ sort: e.target.value ? { by: e.target.value as SortField, dir } : undefined })}
        className="h-9 pointer-coarse:h-11 rounded-l-md border-0 bg-white py-0 pr-7 pl-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-accent-500 dark:bg-zinc-900 dark:ring-zinc-700"
      >
        <option value="">Sort: default</option>
        {FIELDS.map((f) => (
          <option key={f.value} value={f.value}>
            Sort: {f.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!sort}
        aria-label={dir === "asc" ? "Order: ascending (switch to descending)" : "Order: descending (switch to ascending)"}
        onClick={() => sort && update({ sort: { by: sort.by, dir: dir === "asc" ? "desc" : "asc" } })}
        className="grid size-9 pointer-coarse:size-11 place-items-center rounded-r-md ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 disabled:opacity-40 dark:ring-zinc-700 dark:hover:bg-zinc-800"
      >
        {dir === "asc" ? <ArrowUpNarrowWide className="size-4" aria-hidden /> : <ArrowDownNarrowWide className="size-4" aria-hidden />}
      </button>
    </div>
  );
}
