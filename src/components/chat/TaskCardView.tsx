"use client";
import { clsx } from "clsx";
import { CategoryChip, PriorityBadge, TagBadge } from "@/components/tasks/task-badges";
import { Button } from "@/components/ui/button";
import { countdown, formatDue } from "@/lib/ui/countdown";
import type { TaskCard } from "@/server/chat/cards";

/** A task under an assistant message: priority (colour and text), due countdown, labels, quick actions. */
export function TaskCardView({
  card,
  now,
  timeZone,
  onComplete,
  onEdit,
  onOpen,
}: {
  card: TaskCard;
  now: Date;
  timeZone: string;
  onComplete: (id: string) => void;
  onEdit: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const due = card.dueAt ? new Date(card.dueAt) : null;
  const left = due ? countdown(due, now, card.allDay, timeZone) : null;
  return (
    <article aria-label={card.title} className="rounded-md border border-zinc-200 bg-white p-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      <div className="flex items-start justify-between gap-2">
        <p className={clsx("font-medium", card.completed && "text-zinc-500 line-through")}>{card.title}</p>
        <PriorityBadge priority={card.priority} />
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        {due && left && (
          <span className={clsx(left.overdue && "font-medium text-red-700 dark:text-red-400")} title={formatDue(due, card.allDay, timeZone, now)}>
            {left.text}
          </span>
        )}
        {card.recurrence && <span>{card.recurrence}</span>}
        {card.category && <CategoryChip name={card.category.name} color={card.category.color} />}
        {card.tags.map((t) => (
          <TagBadge key={t.id} name={t.name} color={t.color} />
        ))}
      </div>
      <div className="mt-2 flex gap-1.5">
        {!card.completed && (
          <Button size="sm" onClick={() => onComplete(card.id)} aria-label={`Complete ${card.title}`}>
            Complete
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={() => onEdit(card.id)} aria-label={`Edit ${card.title}`}>
          Edit
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onOpen(card.id)} aria-label={`Open ${card.title}`}>
          Open
        </Button>
      </div>
    </article>
  );
}
