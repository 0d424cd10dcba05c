"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { Label } from "@/lib/client/types";
import { PRIORITY_STYLE } from "@/lib/ui/priority";
import { recurrenceText } from "@/lib/ui/recurrence-text";
import { FIELD_LABELS, type Draft, type DraftField } from "./draft";

function show(field: DraftField, draft: Draft, labels: { categories: Label[]; tags: Label[] }, timeZone: string): string {
  switch (field) {
    case "priority":
      return PRIORITY_STYLE[draft.priority].label;
    case "categoryId":
      return labels.categories.find((c) => c.id === draft.categoryId)?.name ?? "none";
    case "tagIds":
      return draft.tagIds.map((id) => `#${labels.tags.find((t) => t.id === id)?.name ?? "?"}`).join(" ") || "none";
    case "recurrenceRule":
      return draft.recurrenceRule ? recurrenceText(draft.recurrenceRule, null, timeZone) : "does not repeat";
    case "reminders":
      return `${draft.reminders.length} reminder(s)`;
    case "description":
      return draft.description ? (draft.description.length > 60 ? `${draft.description.slice(0, 59)}…` : draft.description) : "empty";
    default:
      return String(draft[field] || "none");
  }
}

/** A stale save never overwrites silently: show what changed elsewhere and let the person choose. */
export function ConflictNotice({
  base,
  theirs,
  theirChanges,
  mineChanges,
  labels,
  timeZone,
  onKeepMine,
  onTakeTheirs,
}: {
  base: Draft;
  theirs: Draft;
  theirChanges: DraftField[];
  mineChanges: DraftField[];
  labels: { categories: Label[]; tags: Label[] };
  timeZone: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const overlap = mineChanges.filter((f) => theirChanges.includes(f));
  return (
    <div role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300 dark:bg-amber-950/60 dark:text-amber-100 dark:ring-amber-700">
      <p className="flex items-center gap-2 font-semibold">
        <TriangleAlert className="size-4" aria-hidden /> This task was changed elsewhere
      </p>
      <p className="mt-1">Your changes are not saved yet. The newer version has:</p>
      <ul className="mt-1 list-inside list-disc">
        {theirChanges.length === 0 && <li>no visible field changes (it was touched, e.g. completed and reopened)</li>}
        {theirChanges.map((f) => (
          <li key={f}>
            {FIELD_LABELS[f]}: <s>{show(f, base, labels, timeZone)}</s> → <strong>{show(f, theirs, labels, timeZone)}</strong>
          </li>
        ))}
      </ul>
      {overlap.length > 0 && (
        <p className="mt-1">
          You also changed {overlap.map((f) => FIELD_LABELS[f].toLowerCase()).join(", ")}; keeping yours replaces theirs there.
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={onKeepMine}>
          Apply my changes on top
        </Button>
        <Button size="sm" onClick={onTakeTheirs}>
          Discard mine, use the newer version
        </Button>
      </div>
    </div>
  );
}
