"use client";
import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";

/** Debounced search; `/` focuses it. Typing replaces the URL entry rather than stacking history. */
export function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  const last = useRef(value);

  // Back/forward or a chip can change the query from outside.
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === last.current) return;
    const timer = setTimeout(() => {
      last.current = text;
      onChange(text);
    }, 250);
    return () => clearTimeout(timer);
  }, [text, onChange]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "/" || target?.closest("input, textarea, select, [contenteditable=true], [role=dialog]")) return;
      event.preventDefault();
      ref.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div role="search" className="relative min-w-0 flex-1 sm:w-64 sm:flex-none">
      <label htmlFor="task-search" className="sr-only">
        Search tasks
      </label>
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
      <input
        id="task-search"
        ref={ref}
        type="search"
        value={text}
        placeholder="Search  ( / )"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && (setText(""), e.currentTarget.blur())}
        className="h-9 pointer-coarse:h-11 w-full rounded-md border-0 bg-white pr-8 pl-8 text-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-500 focus:ring-2 focus:ring-accent-500 focus:outline-none dark:bg-zinc-900 dark:ring-zinc-700 [&::-webkit-search-cancel-button]:hidden"
      />
      {text && (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => setText("")}
          className="absolute top-1/2 right-1.5 grid size-6 -translate-y-1/2 place-items-center rounded text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          <X className="size-3.5" aria-hidden />
        </button>
      )}
    </div>
  );
}
