"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCheck, ChevronDown, Trash2, X } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import type { ReactNode } from "react";
import { toast } from "@/lib/client/toast";
import { PRIORITIES } from "@/lib/ui/constants";
import type { BulkUpdateInput } from "@/server/domain/tasks/schemas";
import { useTRPC } from "@/lib/client/trpc";
import type { Label } from "@/lib/client/types";
import { PRIORITY_STYLE } from "@/lib/ui/priority";

type Action = BulkUpdateInput["action"];
const UNDO: Partial<Record<Action["type"], Action>> = { complete: { type: "uncomplete" }, delete: { type: "restore" } };

const itemClass =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";
const barButton =
  "inline-flex h-8 pointer-coarse:h-11 items-center gap-1 rounded-md px-2 text-sm font-medium hover:bg-zinc-200 disabled:opacity-40 dark:hover:bg-zinc-700";

function Menu({ label, children, disabled }: { label: string; children: ReactNode; disabled: boolean }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={barButton} disabled={disabled}>
        {label} <ChevronDown className="size-3.5" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          sideOffset={4}
          collisionPadding={8}
          className="z-50 max-h-80 min-w-44 overflow-y-auto rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

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
  const bulk = useMutation({
    ...trpc.task.bulkUpdate.mutationOptions(),
    onSettled: () => {
      void queryClient.invalidateQueries(trpc.task.pathFilter());
      void queryClient.invalidateQueries(trpc.category.list.queryFilter());
      void queryClient.invalidateQueries(trpc.tag.list.queryFilter());
    },
    onError: (error) => toast.error(`Could not update the tasks: ${error.message}`),
  });

  function run(action: Action, verb: string) {
    const selection = [...ids];
    bulk.mutate(
      { ids: selection, action },
      {
        onSuccess: () => {
          const undo = UNDO[action.type];
          const text = `${verb} ${selection.length} ${selection.length === 1 ? "task" : "tasks"}`;
          if (undo) toast.success(text, { action: { label: "Undo", onClick: () => bulk.mutate({ ids: selection, action: undo }) } });
          else toast.success(text);
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
      className="flex flex-wrap items-center gap-1 border-b border-zinc-200 bg-zinc-100 px-3 py-1.5 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label className="mr-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={allSelected} onChange={(e) => onSelectAll(e.target.checked)} className="size-4 accent-accent-600" />
        Select all
      </label>
      <span className="mr-2 text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
        {ids.length} of {total} selected
      </span>
      <button type="button" className={barButton} disabled={none} onClick={() => run({ type: "complete" }, "Completed")}>
        <CheckCheck className="size-4" aria-hidden /> Complete
      </button>
      <Menu label="Priority" disabled={none}>
        {[...PRIORITIES].reverse().map((p) => (
          <DropdownMenu.Item key={p} className={itemClass} onSelect={() => run({ type: "setPriority", priority: p }, `Set ${PRIORITY_STYLE[p].label} on`)}>
            <span aria-hidden className={`size-2 rounded-full ${PRIORITY_STYLE[p].dot}`} /> {PRIORITY_STYLE[p].label}
          </DropdownMenu.Item>
        ))}
      </Menu>
      <Menu label="Tags" disabled={none || tags.length === 0}>
        <DropdownMenu.Label className="px-2 py-1 text-xs text-zinc-500">Add tag</DropdownMenu.Label>
        {tags.map((t) => (
          <DropdownMenu.Item key={`add-${t.id}`} className={itemClass} onSelect={() => run({ type: "addTag", tagId: t.id }, `Tagged #${t.name} on`)}>
            Add #{t.name}
          </DropdownMenu.Item>
        ))}
        <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />
        <DropdownMenu.Label className="px-2 py-1 text-xs text-zinc-500">Remove tag</DropdownMenu.Label>
        {tags.map((t) => (
          <DropdownMenu.Item key={`rm-${t.id}`} className={itemClass} onSelect={() => run({ type: "removeTag", tagId: t.id }, `Removed #${t.name} from`)}>
            Remove #{t.name}
          </DropdownMenu.Item>
        ))}
      </Menu>
      <Menu label="Move to" disabled={none}>
        <DropdownMenu.Item className={itemClass} onSelect={() => run({ type: "setCategory", categoryId: null }, "Cleared the category of")}>
          No category
        </DropdownMenu.Item>
        {categories.map((c) => (
          <DropdownMenu.Item key={c.id} className={itemClass} onSelect={() => run({ type: "setCategory", categoryId: c.id }, `Moved to ${c.name}:`)}>
            <span aria-hidden className="size-2 rounded-sm" style={{ backgroundColor: c.color ?? undefined }} /> {c.name}
          </DropdownMenu.Item>
        ))}
      </Menu>
      <button type="button" className={`${barButton} text-red-700 dark:text-red-400`} disabled={none} onClick={() => run({ type: "delete" }, "Deleted")}>
        <Trash2 className="size-4" aria-hidden /> Delete
      </button>
      <button type="button" className={`${barButton} ml-auto`} onClick={onDone}>
        <X className="size-4" aria-hidden /> Done
      </button>
    </div>
  );
}
