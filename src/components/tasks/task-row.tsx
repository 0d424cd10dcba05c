"use client";
import { clsx } from "clsx";
import { Bell, Check, Repeat } from "lucide-react";
import { CheckButton } from "@/components/ui/check-button";
import { memo, type MouseEvent } from "react";
import type { TaskItem } from "@/lib/client/types";
import { countdown, describeOffset, formatDue } from "@/lib/ui/countdown";
import { useRecurrenceText } from "@/lib/client/use-recurrence-text";
import { CategoryChip, PriorityBadge, TagBadge } from "./task-badges";

export interface TaskRowProps {
  task: TaskItem;
  now: Date;
  timeZone: string;
  active: boolean;
  selectMode: boolean;
  selected: boolean;
  onSelect: (task: TaskItem, event: MouseEvent) => void;
  onToggle: (task: TaskItem) => void;
  onOpen: (task: TaskItem) => void;
}

/** One task: everything about it at a glance, with colour always backed by text. */
export const TaskRow = memo(function TaskRow({ task, now, timeZone, active, selectMode, selected, onSelect, onToggle, onOpen }: TaskRowProps) {
  const due = task.dueAt ? countdown(task.dueAt, now, task.allDay, timeZone) : null;
  const reminderText = task.reminders
    .filter((r) => r.status !== "cancelled")
    .map((r) => (r.minutesBefore !== null ? describeOffset(r.minutesBefore) : formatDue(r.remindAt, false, timeZone, now)))
    .join(", ");
  const repeat = useRecurrenceText(task.recurrenceRule, task.dueAt, timeZone);

  return (
    <div
      data-task-id={task.id}
      data-active={active || undefined}
      className={clsx(
        "group flex items-start gap-3 border-b border-zinc-100 px-3 py-2.5 sm:px-4 dark:border-zinc-800/70",
        active && "bg-accent-50 ring-2 ring-accent-500/40 ring-inset dark:bg-accent-500/10",
        selected && "bg-accent-50 dark:bg-accent-500/10",
      )}
    >
      {selectMode && (
        <CheckButton
          checked={selected}
          aria-label={`Select ${task.title}`}
          indicator={<Check className="size-3.5 text-white" aria-hidden />}
          onClick={(e) => {
            e.preventDefault();
            onSelect(task, e);
          }}
          className="relative mt-0.5 grid size-5 shrink-0 place-items-center rounded border border-zinc-400 before:absolute before:-inset-y-3.5 before:-left-3.5 before:-right-1.5 before:content-[''] data-[state=checked]:border-accent-600 data-[state=checked]:bg-accent-600 dark:border-zinc-500"
        />
      )}
      <CheckButton
        checked={task.completed}
        onClick={() => onToggle(task)}
        indicator={<Check className="size-3 text-white" strokeWidth={3} aria-hidden />}
        aria-label={`Complete ${task.title}`}
        className={clsx(
          "relative mt-0.5 grid size-5 shrink-0 place-items-center rounded-full border-2 transition-colors",
          // The circle stays small; an invisible 44 px hit area around it (row padding + gap) makes it easy to tap.
          "before:absolute before:-inset-3.5 before:content-['']",
          selectMode && "before:-left-1.5",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
          task.priority === "urgent" && "border-red-600",
          task.priority === "high" && "border-orange-500",
          task.priority === "medium" && "border-amber-400",
          task.priority === "low" && "border-zinc-400",
          "data-[state=checked]:border-zinc-400 data-[state=checked]:bg-zinc-400 dark:data-[state=checked]:bg-zinc-600",
        )}
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-start gap-2">
          <button
            type="button"
            onClick={() => onOpen(task)}
            className={clsx(
              "relative min-w-0 flex-1 text-left text-[15px] leading-snug break-words focus-visible:underline focus-visible:outline-none",
              // Taller hit area (44 px) reaching into the row padding above and the meta line below.
              "before:absolute before:-inset-y-3 before:inset-x-0 before:content-['']",
              task.completed && "text-zinc-500 line-through dark:text-zinc-500",
            )}
          >
            {task.titleHighlight ? <span dangerouslySetInnerHTML={{ __html: task.titleHighlight }} /> : task.title}
          </button>
          <PriorityBadge priority={task.priority} className="shrink-0" />
        </div>
        {task.snippet && (
          <p
            className="mt-0.5 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400"
            dangerouslySetInnerHTML={{ __html: task.snippet }}
          />
        )}
        {(due || repeat || reminderText || task.category || task.tags.length > 0) && (
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
            {due && task.dueAt && (
              <span
                className={clsx(
                  "inline-flex items-center gap-1 tabular-nums",
                  task.completed
                    ? "text-zinc-500"
                    : due.overdue
                      ? "font-medium text-red-700 dark:text-red-400"
                      : due.soon
                        ? "font-medium text-accent-700 dark:text-accent-100"
                        : "text-zinc-600 dark:text-zinc-400",
                )}
              >
                <time dateTime={task.dueAt.toISOString()} title={formatDue(task.dueAt, task.allDay, timeZone, now)}>
                  {formatDue(task.dueAt, task.allDay, timeZone, now)}
                </time>
                <span aria-hidden>·</span>
                <span suppressHydrationWarning>{due.text}</span>
              </span>
            )}
            {repeat && (
              <span className="inline-flex items-center gap-1 text-zinc-600 dark:text-zinc-400" title={repeat}>
                <Repeat className="size-3.5" aria-hidden />
                <span className="sr-only">Repeats: </span>
                <span className="max-w-56 truncate">{repeat}</span>
              </span>
            )}
            {reminderText && (
              <span className="inline-flex items-center gap-1 text-zinc-600 dark:text-zinc-400" title={`Reminder ${reminderText}`}>
                <Bell className="size-3.5" aria-hidden />
                <span className="sr-only">Reminder: </span>
                <span className="max-w-40 truncate">{reminderText}</span>
              </span>
            )}
            {task.category && <CategoryChip name={task.category.name} color={task.category.color} />}
            {task.tags.map((tag) => (
              <TagBadge key={tag.id} name={tag.name} color={tag.color} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
});
