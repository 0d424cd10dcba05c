"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCheck, Trash2, X } from "lucide-react";
import { toast } from "@/lib/client/toast";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import type { Label } from "@/lib/client/types";
import { useTRPC } from "@/lib/client/trpc";
import { useUndo } from "@/lib/client/undo";
import { barButton, CategoryItems, Menu, MoreMenu, PriorityItems, TagItems, type BulkAction } from "./bulk-menus";

// On phones a label is visually hidden (kept for screen readers) so the bar fits on one line at 360 px.
const phoneHidden = "max-sm:sr-only";

export function BulkBar({
  ids,
  total,
  allSelected,
  onSelectAll,
  onDone,
  categories,
  tags,
}: {
  ids: string[];
  total: number;
  allSelected: boolean;
  onSelectAll: (on: boolean) => void;
  onDone: () => void;
  categories: Label[];
  tags: Label[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const bulk = useMutation({
    ...trpc.task.bulkUpdate.mutationOptions(),
    onSettled: () => {
      void refetchAfterChange(queryClient, [trpc.task.pathFilter(), trpc.category.list.queryFilter(), trpc.tag.list.queryFilter()]);
    },
    onError: (error) => toast.error(`Could not update the tasks: ${error.message}`),
  });

  function run(action: BulkAction, verb: string) {
    const selection = [...ids];
    bulk.mutate(
      { ids: selection, action },
      {
        onSuccess: (done) => {
          // The whole edit is one activity entry: Undo takes it back in one step.
          undo.announce(`${verb} ${selection.length} ${selection.length === 1 ? "task" : "tasks"}`, done.activityId);
          if (action.type === "complete" || action.type === "delete") onDone();
        },
      },
    );
  }

  const none = ids.length === 0 || bulk.isPending;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className="flex items-center gap-1 border-b border-zinc-200 bg-zinc-100 px-3 py-1.5 sm:flex-wrap sm:px-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label className="flex items-center gap-2 text-sm max-sm:size-11 max-sm:justify-center sm:mr-2" title="Select all">
        <input type="checkbox" checked={allSelected} onChange={(e) => onSelectAll(e.target.checked)} className="size-4 accent-accent-600" />
        <span className={phoneHidden}>Select all</span>
      </label>
      <span className="min-w-0 truncate text-sm text-zinc-600 tabular-nums sm:mr-2 dark:text-zinc-400" aria-live="polite">
        {ids.length}
        <span className={phoneHidden}> of {total}</span> selected
      </span>
      <button type="button" className={`${barButton} max-sm:ml-auto`} disabled={none} onClick={() => run({ type: "complete" }, "Completed")} title="Complete">
        <CheckCheck className="size-4" aria-hidden /> <span className={phoneHidden}>Complete</span>
      </button>
      <Menu label="Priority" disabled={none}>
        <PriorityItems run={run} />
      </Menu>
      <Menu label="Tags" disabled={none || tags.length === 0}>
        <TagItems tags={tags} run={run} />
      </Menu>
      <Menu label="Move to" disabled={none}>
        <CategoryItems categories={categories} run={run} />
      </Menu>
      <button
        type="button"
        className={`${barButton} text-red-700 dark:text-red-400`}
        disabled={none}
        onClick={() => run({ type: "delete" }, "Deleted")}
        title="Delete"
      >
        <Trash2 className="size-4" aria-hidden /> <span className={phoneHidden}>Delete</span>
      </button>
      <MoreMenu disabled={none} tags={tags} categories={categories} run={run} />
      <button type="button" className={`${barButton} sm:ml-auto`} onClick={onDone} title="Done">
        <X className="size-4" aria-hidden /> <span className={phoneHidden}>Done</span>
      </button>
    </div>
  );
}
