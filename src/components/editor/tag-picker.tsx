"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Popover } from "radix-ui";
import { useState } from "react";
import { toast } from "@/lib/client/toast";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { TagBadge } from "@/components/tasks/task-badges";
import { useTRPC } from "@/lib/client/trpc";
import type { Label } from "@/lib/client/types";
import { LABEL_COLORS } from "@/lib/ui/priority";

/** Multi-select of tags with inline creation. */
export function TagPicker({ tags, value, onChange }: { tags: Label[]; value: string[]; onChange: (ids: string[]) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.tag.create.mutationOptions({
      onSuccess: (tag) => {
        onChange([...value, tag.id].sort());
        setName("");
        void refetchAfterChange(queryClient, [trpc.tag.list.queryFilter()]);
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const selected = tags.filter((t) => value.includes(t.id));
  const query = name.trim().toLowerCase();
  const exact = tags.some((t) => t.name.toLowerCase() === query);
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {selected.map((t) => (
        <TagBadge key={t.id} name={t.name} color={t.color} />
      ))}
      <Popover.Root>
        <Popover.Trigger className="inline-flex h-7 items-center gap-1 rounded-full px-2 text-xs font-medium ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800">
          <Plus className="size-3.5" aria-hidden /> Edit tags
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            sideOffset={4}
            collisionPadding={8}
            aria-label="Tags"
            className="z-[60] w-64 rounded-lg bg-white p-2 shadow-xl ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
          >
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const match = tags.find((t) => t.name.toLowerCase() === query);
                if (match) {
                  if (!value.includes(match.id)) onChange([...value, match.id].sort());
                  setName("");
                } else if (query) create.mutate({ name: name.trim(), color: LABEL_COLORS[tags.length % LABEL_COLORS.length] });
              }}
            >
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="Find or create a tag"
                aria-label="Find or create a tag"
                className="h-8 pointer-coarse:h-11 w-full rounded-md border-0 bg-zinc-100 px-2 text-sm focus:ring-2 focus:ring-accent-500 focus:outline-none dark:bg-zinc-800"
              />
            </form>
            <ul className="mt-2 max-h-56 overflow-y-auto">
              {tags
                .filter((t) => !query || t.name.toLowerCase().includes(query))
                .map((t) => (
                  <li key={t.id}>
                    <label className="flex items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
                      <input
                        type="checkbox"
                        className="size-4 accent-accent-600"
                        checked={value.includes(t.id)}
                        onChange={(e) => onChange(e.target.checked ? [...value, t.id].sort() : value.filter((id) => id !== t.id))}
                      />
                      <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: t.color ?? undefined }} />#{t.name}
                    </label>
                  </li>
                ))}
            </ul>
            {query && !exact && (
              <button
                type="button"
                disabled={create.isPending}
                onClick={() => create.mutate({ name: name.trim(), color: LABEL_COLORS[tags.length % LABEL_COLORS.length] })}
                className="mt-1 w-full rounded px-1.5 py-1 text-left text-sm font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-100 dark:hover:bg-zinc-800"
              >
                Create tag “{name.trim()}”
              </button>
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
