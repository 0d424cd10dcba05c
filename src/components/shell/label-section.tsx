"use client";
import { clsx } from "clsx";
import { Plus } from "lucide-react";
import Link from "next/link";
import { lazy, Suspense, useState, type FormEvent } from "react";
import { inputClass } from "@/components/ui/button";
import { DEFAULT_LABEL_COLOR, LABEL_COLORS } from "@/lib/ui/priority";
import { LabelActions } from "./label-actions";
import { useLabels, type LabelKind } from "./label-api";

const NOUN: Record<LabelKind, { one: string; many: string; param: string }> = {
  category: { one: "category", many: "Categories", param: "c" },
  tag: { one: "tag", many: "Tags", param: "t" },
};

// Radix AlertDialog only when a delete is asked for.
const LabelDeleteDialog = lazy(() => import("./label-delete-dialog").then((m) => ({ default: m.LabelDeleteDialog })));

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
          className="grid size-7 pointer-coarse:size-11 place-items-center rounded text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-800"
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
                  "flex h-9 pointer-coarse:h-11 items-center gap-2 rounded-md pr-9 pl-2 text-sm",
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
              <LabelActions
                noun={noun.one}
                item={item}
                onRename={() => setRenaming(item.id)}
                onRecolour={(color) => update.mutate({ id: item.id, color })}
                onDelete={() => setDeleting({ id: item.id, name: item.name, taskCount: item.taskCount })}
              />
            )}
          </li>
        ))}
        {list.isError && !list.data && (
          <li role="alert" className="px-2 py-1 text-xs text-red-700 dark:text-red-400">
            Could not load {noun.many.toLowerCase()}.{" "}
            <button type="button" onClick={() => void list.refetch()} className="underline underline-offset-2">
              Retry
            </button>
          </li>
        )}
        {!list.isPending && !list.isError && items.length === 0 && !adding && (
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
      {deleting && (
        <Suspense>
          <LabelDeleteDialog noun={noun.one} target={deleting} onCancel={() => setDeleting(null)} onConfirm={(id) => remove.mutate({ id })} />
        </Suspense>
      )}
    </section>
  );
}
