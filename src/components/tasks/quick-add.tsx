"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import { Plus } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "@/lib/client/toast";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import type { QuickAddResult } from "@/lib/quick-add";
import { useTRPC, useTRPCClient } from "@/lib/client/trpc";
import { useNow } from "@/lib/client/use-now";
import { LABEL_COLORS } from "@/lib/ui/priority";
import { QuickAddPreview } from "./quick-add-preview";

type Parser = typeof import("@/lib/quick-add").parseQuickAdd;

/** The parser (chrono, rrule) loads on first focus so it stays out of the first-load bundle. */
let parserPromise: Promise<Parser> | undefined;
const loadParser = () => (parserPromise ??= import("@/lib/quick-add").then((m) => m.parseQuickAdd));

export function QuickAdd({ timeZone, defaultCategoryId }: { timeZone: string; defaultCategoryId?: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const now = useNow();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [parser, setParser] = useState<Parser | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tags = useQuery(trpc.tag.list.queryOptions()).data ?? [];
  const categories = useQuery(trpc.category.list.queryOptions()).data ?? [];

  // `q` focuses quick add from anywhere that is not already a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "q" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (target?.closest("input, textarea, select, [contenteditable=true], [role=dialog]")) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  let parsed: QuickAddResult | null = null;
  if (parser && text.trim()) {
    try {
      parsed = parser(text, { now, timeZone, knownTags: tags, knownCategories: categories });
    } catch {
      parsed = null;
    }
  }

  const create = useMutation({
    mutationFn: async (result: QuickAddResult) => {
      // Unknown #tags and @categories are created first, so the task can point at them.
      const tagIds = await Promise.all(
        result.tags.map(async (tag, i) =>
          tag.id ?? (await client.tag.create.mutate({ name: tag.name, color: LABEL_COLORS[(tags.length + i) % LABEL_COLORS.length] })).id,
        ),
      );
      let categoryId = result.category?.id ?? defaultCategoryId;
      if (result.category && !result.category.id) {
        categoryId = (
          await client.category.create.mutate({
            name: result.category.name,
            color: LABEL_COLORS[categories.length % LABEL_COLORS.length],
          })
        ).id;
      }
      return client.task.create.mutate({
        title: result.title,
        ...(result.priority ? { priority: result.priority } : {}),
        ...(result.dueAt ? { dueAt: result.dueAt, allDay: result.allDay ?? false } : {}),
        ...(result.recurrenceRule ? { recurrenceRule: result.recurrenceRule } : {}),
        ...(result.reminders.length ? { reminders: result.reminders } : {}),
        ...(tagIds.length ? { tagIds } : {}),
        ...(categoryId ? { categoryId } : {}),
      });
    },
    onSuccess: (task) => {
      toast.success(`Added “${task.title}”`);
    },
    onError: (err) => setError(err.message),
    onSettled: () => {
      void refetchAfterChange(queryClient, [trpc.task.pathFilter(), trpc.tag.list.queryFilter(), trpc.category.list.queryFilter()]);
    },
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    const parse = parser ?? (await loadParser());
    const result = parse(text, { now: new Date(), timeZone, knownTags: tags, knownCategories: categories });
    if (!result.title) {
      setError("Add a few words for the task itself, not only a date or tags.");
      return;
    }
    setError(null);
    // Clear at once so the next task can be typed while this one saves; put the text back if saving fails.
    const submitted = text;
    setText("");
    create.mutate(result, { onError: () => setText((current) => current || submitted) });
  }

  return (
    <form onSubmit={onSubmit} className="border-b border-zinc-200 px-3 py-3 sm:px-4 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <label htmlFor="quick-add" className="sr-only">
          Quick add
        </label>
        <div className="relative flex-1">
          <Plus className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
          <input
            id="quick-add"
            ref={inputRef}
            value={text}
            autoComplete="off"
            enterKeyHint="done"
            aria-describedby="quick-add-help"
            aria-invalid={error ? true : undefined}
            placeholder="Add a task — e.g. Pay rent every month on the 1st at 9am #finance !high"
            onFocus={() => void loadParser().then((p) => setParser(() => p))}
            onChange={(e) => {
              setText(e.target.value);
              if (error) setError(null);
              if (!parser) void loadParser().then((p) => setParser(() => p));
            }}
            onKeyDown={(e) => e.key === "Escape" && (setText(""), e.currentTarget.blur())}
            className={clsx(
              "h-11 w-full rounded-lg border-0 bg-zinc-100 pr-3 pl-9 text-[15px] placeholder:text-zinc-500 focus:bg-white focus:ring-2 focus:ring-accent-500 focus:outline-none dark:bg-zinc-900 dark:placeholder:text-zinc-500 dark:focus:bg-zinc-900",
              error && "ring-2 ring-red-500",
            )}
          />
        </div>
        <button
          type="submit"
          disabled={!text.trim()}
          className="h-11 shrink-0 rounded-lg bg-accent-600 px-4 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-50"
        >
          {create.isPending ? "Adding…" : "Add"}
        </button>
      </div>
      <p id="quick-add-help" className="sr-only">
        Type a task with optional date, !priority, #tag, @category, repeat and reminder; the parsed parts are listed below before you press Enter.
      </p>
      <div aria-live="polite" className={clsx("mt-2 min-h-6", !parsed && !error && "hidden sm:block")}>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : parsed ? (
          <QuickAddPreview parsed={parsed} timeZone={timeZone} now={now} />
        ) : null}
      </div>
    </form>
  );
}
