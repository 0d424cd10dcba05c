"use client";
import { Bell, CalendarDays, Flag, Folder, Hash, Repeat } from "lucide-react";
import type { ReactNode } from "react";
import type { QuickAddResult } from "@/lib/quick-add";
import { countdown, describeOffset, formatDue } from "@/lib/ui/countdown";
import { PRIORITY_STYLE } from "@/lib/ui/priority";
import { useRecurrenceText } from "@/lib/client/use-recurrence-text";

function Chip({ icon, children, label }: { icon: ReactNode; children: ReactNode; label: string }) {
  return (
    <li
      aria-label={label}
      className="inline-flex items-center gap-1 rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
    >
      {icon}
      {children}
    </li>
  );
}

/** What Enter will create, shown while typing so the parser never surprises anyone. */
export function QuickAddPreview({ parsed, timeZone, now }: { parsed: QuickAddResult; timeZone: string; now: Date }) {
  const chips: ReactNode[] = [];
  const repeatText = useRecurrenceText(parsed.recurrenceRule ?? null, parsed.dueAt ?? null, timeZone);
  if (parsed.dueAt) {
    const when = `${formatDue(parsed.dueAt, parsed.allDay ?? false, timeZone, now)} (${countdown(parsed.dueAt, now, parsed.allDay ?? false, timeZone).text})`;
    chips.push(
      <Chip key="date" label={`Due ${when}`} icon={<CalendarDays className="size-3.5" aria-hidden />}>
        {when}
      </Chip>,
    );
  }
  if (parsed.priority) {
    const style = PRIORITY_STYLE[parsed.priority];
    chips.push(
      <Chip key="priority" label={`Priority ${style.label}`} icon={<Flag className={`size-3.5 ${style.text}`} aria-hidden />}>
        {style.label}
      </Chip>,
    );
  }
  if (parsed.recurrenceRule && repeatText) {
    const text = repeatText;
    chips.push(
      <Chip key="repeat" label={`Repeats ${text}`} icon={<Repeat className="size-3.5" aria-hidden />}>
        {text}
      </Chip>,
    );
  }
  parsed.reminders.forEach((r, i) => {
    const text = "minutesBefore" in r ? describeOffset(r.minutesBefore) : formatDue(r.at, false, timeZone, now);
    chips.push(
      <Chip key={`rem-${i}`} label={`Reminder ${text}`} icon={<Bell className="size-3.5" aria-hidden />}>
        {text}
      </Chip>,
    );
  });
  if (parsed.category) {
    chips.push(
      <Chip
        key="category"
        label={`Category ${parsed.category.name}${parsed.category.isNew ? " (new, will be created)" : ""}`}
        icon={<Folder className="size-3.5" aria-hidden />}
      >
        {parsed.category.name}
        {parsed.category.isNew && <span className="font-semibold text-accent-700 dark:text-accent-100">+ new</span>}
      </Chip>,
    );
  }
  for (const tag of parsed.tags) {
    chips.push(
      <Chip key={`tag-${tag.name}`} label={`Tag ${tag.name}${tag.isNew ? " (new, will be created)" : ""}`} icon={<Hash className="size-3.5" aria-hidden />}>
        {tag.name}
        {tag.isNew && <span className="font-semibold text-accent-700 dark:text-accent-100">+ new</span>}
      </Chip>,
    );
  }
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Parsed details" className="flex flex-wrap gap-1.5">
      {chips}
    </ul>
  );
}
