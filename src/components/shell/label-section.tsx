"use client";
import { clsx } from "clsx";
import { Check, MoreHorizontal, Plus } from "lucide-react";
import Link from "next/link";
import { AlertDialog, DropdownMenu } from "radix-ui";
import { useState, type FormEvent } from "react";
import { Button, inputClass } from "@/components/ui/button";
import { DEFAULT_LABEL_COLOR, LABEL_COLORS } from "@/lib/ui/priority";
import { useLabels, type LabelKind } from "./label-api";

const NOUN: Record<LabelKind, { one: string; many: string; param: string }> = {
  category: { one: "category", many: "Categories", param: "c" },
  tag: { one: "tag", many: "Tags", param: "t" },
};

const menuItem =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";

/** A sidebar section listing categories or tags, with inline create, rename, recolour and delete. */
export function LabelSection({ kind, activeId, onNavigate }: { kind: LabelKind; activeId?: string; onNavigate?: () => void }) {
  const noun = NOUN[kind];
  const { list, create, update, remove } = useLabels(kind);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string; taskCount: number } | null>(null);
  const items = list.data ?? [];

  function submitNew(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setAdding(false);
    const color = LABEL_COLORS[items.length % LABEL_COLORS.length] ?? DEFAULT_LABEL_COLOR;
    create.mutate({ name, color }, { onSuccess: () => setAdding(false) });
  }

  function submitRename(event: FormEvent<HTMLFormElement>, id: string) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (name) update.mutate({ id, name });
    setRenaming(null);
  }

  return (
    <section aria-labelledby={`${kind}-heading`} className="mt-5">
      <div className="flex items-center justify-between px-2">
        <h2 id={`${kind}-heading`} className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {noun.many}
        </h2>
        <button
          type="button"
          aria-label={`New ${noun.one}`}
          onClick={() => setAdding(true)}
          className="grid size-7 place-items-center rounded text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-800"
        >
          <Plus className="size-4" aria-hidden />
        </button>
      </div>
      <ul className="mt-1 space-y-0.5">
        {list.isPending &&
          [0, 1].map((i) => <li key={i} className="mx-2 h-8 animate-pulse rounded bg-zinc-200/60 dark:bg-zinc-800/60" />)}
        {items.map((item) => (
          <li key={item.id} className="group relative">
            {renaming === item.id ? (
              <form onSubmit={(e) => submitRename(e, item.id)} className="px-1">
                <input
                  name="name"
                  aria-label={`Rename ${noun.one} ${item.name}`}
                  defaultValue={item.name}
                  autoFocus
                  onBlur={(e) => e.currentTarget.form?.requestSubmit()}
                  onKeyDown={(e) => e.key === "Escape" && setRenaming(null)}
                  className={clsx(inputClass, "h-8 py-1")}
                />
              </form>
            ) : (
              <Link
                href={`/?${noun.param}=${item.id}`}
                onClick={onNavigate}
                aria-current={activeId === item.id ? "page" : undefined}
                className={clsx(
                  "flex h-9 items-center gap-2 rounded-md pr-9 pl-2 text-sm",
                  activeId === item.id
                    ? "bg-accent-100 font-medium text-accent-700 dark:bg-accent-500/20 dark:text-accent-100"
                    : "text-zinc-700 hover:bg-zinc-200/60 dark:text-zinc-300 dark:hover:bg-zinc-800",
                )}
              >
                <span
                  aria-hidden
                  className={clsx("size-2.5 shrink-0", kind === "tag" ? "rounded-sm" : "rounded-full")}
                  style={{ backgroundColor: item.color ?? DEFAULT_LABEL_COLOR }}
                />
                <span className="truncate">{kind === "tag" ? `#${item.name}` : item.name}</span>
                <span className="ml-auto text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  <span className="sr-only">, open tasks: </span>
                  {item.taskCount}
                </span>
              </Link>
            )}
            {renaming !== item.id && (
              <DropdownMenu.Root>
                <DropdownMenu.Trigger
                  aria-label={`Actions for ${noun.one} ${item.name}`}
                  className="absolute top-1 right-1 grid size-7 place-items-center rounded text-zinc-500 opacity-100 hover:bg-zinc-200 focus-visible:opacity-100 data-[state=open]:opacity-100 md:opacity-0 md:group-hover:opacity-100 dark:hover:bg-zinc-700"
                >
                  <MoreHorizontal className="size-4" aria-hidden />
                </DropdownMenu.Trigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.Content
                    align="start"
                    sideOffset={4}
                    className="z-50 min-w-44 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
                  >
                    <DropdownMenu.Item className={menuItem} onSelect={() => setRenaming(item.id)}>
                      Rename
                    </DropdownMenu.Item>
                    <DropdownMenu.Sub>
                      <DropdownMenu.SubTrigger className={menuItem}>Colour</DropdownMenu.SubTrigger>
                      <DropdownMenu.Portal>
                        <DropdownMenu.SubContent className="z-50 grid grid-cols-3 gap-1 rounded-md bg-white p-2 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700">
                          {LABEL_COLORS.map((color) => (
                            <DropdownMenu.Item
                              key={color}
                              aria-label={`Colour ${color}`}
                              onSelect={() => update.mutate({ id: item.id, color })}
                              className="grid size-7 place-items-center rounded-full outline-none data-highlighted:ring-2 data-highlighted:ring-zinc-400"
                              style={{ backgroundColor: color }}
                            >
                              {item.color === color && <Check className="size-4 text-white" aria-hidden />}
                            </DropdownMenu.Item>
                          ))}
                        </DropdownMenu.SubContent>
                      </DropdownMenu.Portal>
                    </DropdownMenu.Sub>
                    <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />
                    <DropdownMenu.Item
                      className={clsx(menuItem, "text-red-700 dark:text-red-400")}
                      onSelect={() => setDeleting({ id: item.id, name: item.name, taskCount: item.taskCount })}
                    >
                      Delete…
                    </DropdownMenu.Item>
                  </DropdownMenu.Content>
                </DropdownMenu.Portal>
              </DropdownMenu.Root>
            )}
          </li>
        ))}
        {!list.isPending && items.length === 0 && !adding && (
          <li className="px-2 py-1 text-xs text-zinc-500 dark:text-zinc-400">No {noun.many.toLowerCase()} yet.</li>
        )}
      </ul>
      {adding && (
        <form onSubmit={submitNew} className="mt-1 px-1">
          <input
            name="name"
            aria-label={`New ${noun.one} name`}
            placeholder={`${noun.one[0]?.toUpperCase()}${noun.one.slice(1)} name`}
            autoFocus
            maxLength={50}
            onBlur={(e) => (e.currentTarget.value.trim() ? e.currentTarget.form?.requestSubmit() : setAdding(false))}
            onKeyDown={(e) => e.key === "Escape" && setAdding(false)}
            className={clsx(inputClass, "h-8 py-1")}
          />
        </form>
      )}
      <AlertDialog.Root open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,26rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
            <AlertDialog.Title className="text-base font-semibold">
              Delete {noun.one} “{deleting?.name}”?
            </AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              {deleting?.taskCount === 0
                ? `No open tasks use this ${noun.one}.`
                : `${deleting?.taskCount} open ${deleting?.taskCount === 1 ? "task uses" : "tasks use"} this ${noun.one}.`}{" "}
              The tasks stay; they just lose the {noun.one}. This cannot be undone.
            </AlertDialog.Description>
            <div className="mt-5 flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button>Cancel</Button>
              </AlertDialog.Cancel>
              <AlertDialog.Action asChild>
                <Button variant="danger" onClick={() => deleting && remove.mutate({ id: deleting.id })}>
                  Delete {noun.one}
                </Button>
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  );
}
