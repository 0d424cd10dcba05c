"use client";
import { X } from "lucide-react";
import type { Label } from "@/lib/client/types";
import { PRIORITY_STYLE } from "@/lib/ui/priority";
import type { ViewState } from "@/lib/ui/view-state";

const DUE_TEXT = { overdue: "Overdue", today: "Today", next7: "Next 7 days", none: "No due date", range: "Custom range" } as const;
const STATUS_TEXT = { open: "Open", done: "Completed", all: "All" } as const;

/** Every active filter as a chip that removes itself. */
export function FilterChips({
  state,
  update,
  categories,
  tags,
}: {
  state: ViewState;
  update: (patch: Partial<ViewState>) => void;
  categories: Label[];
  tags: Label[];
}) {
  const chips: { key: string; text: string; remove: () => void }[] = [];
  if (state.status) chips.push({ key: "status", text: `Status: ${STATUS_TEXT[state.status]}`, remove: () => update({ status: undefined }) });
  for (const p of state.priorities)
    chips.push({ key: `p-${p}`, text: `Priority: ${PRIORITY_STYLE[p].label}`, remove: () => update({ priorities: state.priorities.filter((x) => x !== p) }) });
  for (const id of state.categoryIds)
    chips.push({
      key: `c-${id}`,
      text: `Category: ${categories.find((c) => c.id === id)?.name ?? "…"}`,
      remove: () => update({ categoryIds: state.categoryIds.filter((x) => x !== id) }),
    });
  for (const id of state.tagIds)
    chips.push({
      key: `t-${id}`,
      text: `Tag: #${tags.find((t) => t.id === id)?.name ?? "…"}${state.tagIds.length > 1 ? ` (${state.tagMode})` : ""}`,
      remove: () => update({ tagIds: state.tagIds.filter((x) => x !== id) }),
    });
  if (state.due) {
    const range = state.due === "range" ? ` ${state.from ?? "…"} – ${state.to ?? "…"}` : "";
    chips.push({ key: "due", text: `Due: ${DUE_TEXT[state.due]}${range}`, remove: () => update({ due: undefined, from: undefined, to: undefined }) });
  }
  if (state.hasReminder !== undefined)
    chips.push({ key: "rem", text: state.hasReminder ? "Has reminder" : "No reminder", remove: () => update({ hasReminder: undefined }) });
  if (state.recurring !== undefined)
    chips.push({ key: "rec", text: state.recurring ? "Recurring" : "One-off", remove: () => update({ recurring: undefined }) });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-1.5 px-3 pb-2 sm:px-4">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            onClick={chip.remove}
            aria-label={`Remove filter ${chip.text}`}
            className="inline-flex items-center gap-1 rounded-full bg-accent-50 py-0.5 pr-1.5 pl-2.5 text-xs font-medium text-accent-700 ring-1 ring-accent-500/30 ring-inset hover:bg-accent-100 dark:bg-accent-500/15 dark:text-accent-100"
          >
            {chip.text}
            <X className="size-3.5" aria-hidden />
          </button>
        </li>
      ))}
    </ul>
  );
}
