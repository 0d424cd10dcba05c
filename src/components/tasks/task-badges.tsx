import { clsx } from "clsx";
import type { Priority } from "@/server/domain/tasks/schemas";
import { DEFAULT_LABEL_COLOR, PRIORITY_STYLE } from "@/lib/ui/priority";

export function PriorityBadge({ priority, className }: { priority: Priority; className?: string }) {
  const style = PRIORITY_STYLE[priority];
  return (
    <span
      className={clsx("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", style.badge, className)}
    >
      <span aria-hidden className={clsx("size-1.5 rounded-full", style.dot)} />
      <span className="sr-only">Priority: </span>
      {style.label}
    </span>
  );
}

/** Tag badge: its own colour as a tint and a dot, text kept in the readable body colour. */
export function TagBadge({ name, color }: { name: string; color: string | null }) {
  const c = color ?? DEFAULT_LABEL_COLOR;
  return (
    <span
      className="inline-flex max-w-40 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium text-zinc-800 dark:text-zinc-200"
      style={{ backgroundColor: `${c}26`, boxShadow: `inset 0 0 0 1px ${c}66` }}
    >
      <span aria-hidden className="size-1.5 shrink-0 rounded-full" style={{ backgroundColor: c }} />
      <span className="truncate">#{name}</span>
    </span>
  );
}

export function CategoryChip({ name, color }: { name: string; color: string | null }) {
  return (
    <span className="inline-flex max-w-40 items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span aria-hidden className="size-2 shrink-0 rounded-[3px]" style={{ backgroundColor: color ?? DEFAULT_LABEL_COLOR }} />
      <span className="sr-only">Category: </span>
      <span className="truncate">{name}</span>
    </span>
  );
}
