"use client";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";

export interface ConversationItem {
  id: string;
  title: string;
}

/** Past conversations, newest first, with a way to start a new one or delete one. */
export function ConversationList({
  items,
  activeId,
  onSelect,
  onNew,
  onDelete,
}: {
  items: ConversationItem[];
  activeId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  onDelete: (id: string) => void;
}) {
  return (
    <nav aria-label="Conversations" className="flex flex-col gap-2">
      <Button variant="primary" size="sm" onClick={onNew}>
        New conversation
      </Button>
      <ul className="flex flex-col gap-0.5">
        {items.map((c) => (
          <li key={c.id} className="group flex items-center gap-1">
            <button
              type="button"
              onClick={() => onSelect(c.id)}
              aria-current={c.id === activeId ? "true" : undefined}
              className={clsx(
                "min-w-0 flex-1 truncate rounded px-2 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800",
                c.id === activeId && "bg-zinc-100 font-medium dark:bg-zinc-800",
              )}
            >
              {c.title}
            </button>
            <button
              type="button"
              onClick={() => onDelete(c.id)}
              aria-label={`Delete conversation ${c.title}`}
              className="rounded px-1.5 text-xs text-zinc-500 hover:text-red-700"
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
