import type { Priority } from "@/server/domain/tasks/schemas";
import type { TaskView } from "@/lib/client/types";
import { fromWall, toWall } from "@/lib/ui/zoned";

export type ReminderDraft = { kind: "before"; amount: number; unit: "minutes" | "hours" | "days" } | { kind: "at"; date: string; time: string };

/** The editor's form state: plain strings the inputs can hold, converted at the edges. */
export interface Draft {
  title: string;
  description: string;
  priority: Priority;
  date: string;
  time: string;
  categoryId: string;
  tagIds: string[];
  recurrenceRule: string;
  recurrenceBasis: "due" | "completion";
  reminders: ReminderDraft[];
}

const UNIT_MINUTES = { minutes: 1, hours: 60, days: 1440 } as const;

function reminderDraft(r: TaskView["reminders"][number], timeZone: string): ReminderDraft {
  if (r.minutesBefore !== null) {
    const m = r.minutesBefore;
    if (m > 0 && m % 1440 === 0) return { kind: "before", amount: m / 1440, unit: "days" };
    if (m > 0 && m % 60 === 0) return { kind: "before", amount: m / 60, unit: "hours" };
    return { kind: "before", amount: m, unit: "minutes" };
  }
  return { kind: "at", ...toWall(r.remindAt, timeZone) };
}

export function draftFromTask(task: TaskView, timeZone: string): Draft {
  const wall = task.dueAt ? toWall(task.dueAt, timeZone) : { date: "", time: "" };
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    date: wall.date,
    time: task.allDay ? "" : wall.time,
    categoryId: task.categoryId ?? "",
    tagIds: task.tags.map((t) => t.id).sort(),
    recurrenceRule: task.recurrenceRule ?? "",
    recurrenceBasis: task.recurrenceBasis,
    // Reminders already sent stay history; the editor shows the ones still to come.
    reminders: task.reminders.filter((r) => r.status === "pending").map((r) => reminderDraft(r, timeZone)),
  };
}

export type DraftField = keyof Draft;
export const FIELD_LABELS: Record<DraftField, string> = {
  title: "Title",
  description: "Description",
  priority: "Priority",
  date: "Due date",
  time: "Due time",
  categoryId: "Category",
  tagIds: "Tags",
  recurrenceRule: "Repeat",
  recurrenceBasis: "Repeat from",
  reminders: "Reminders",
};

/** Fields whose value differs between two drafts. */
export function changedFields(a: Draft, b: Draft): DraftField[] {
  return (Object.keys(FIELD_LABELS) as DraftField[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export type UpdatePatch = {
  title?: string;
  description?: string;
  priority?: Priority;
  dueAt?: Date | null;
  allDay?: boolean;
  categoryId?: string | null;
  tagIds?: string[];
  recurrenceRule?: string | null;
  recurrenceBasis?: "due" | "completion";
  reminders?: ({ minutesBefore: number } | { at: Date })[];
};

/** Only what the user changed, so applying it on top of someone else's newer version touches nothing else. */
export function patchFrom(base: Draft, draft: Draft, timeZone: string): UpdatePatch {
  const changed = new Set(changedFields(base, draft));
  const patch: UpdatePatch = {};
  if (changed.has("title")) patch.title = draft.title;
  if (changed.has("description")) patch.description = draft.description;
  if (changed.has("priority")) patch.priority = draft.priority;
  if (changed.has("date") || changed.has("time")) {
    patch.dueAt = draft.date ? fromWall(draft.date, draft.time, timeZone) : null;
    patch.allDay = Boolean(draft.date) && !draft.time;
  }
  if (changed.has("categoryId")) patch.categoryId = draft.categoryId || null;
  if (changed.has("tagIds")) patch.tagIds = draft.tagIds;
  if (changed.has("recurrenceRule")) patch.recurrenceRule = draft.recurrenceRule || null;
  if (changed.has("recurrenceBasis")) patch.recurrenceBasis = draft.recurrenceBasis;
  if (changed.has("reminders")) {
    patch.reminders = draft.reminders.flatMap((r): ({ minutesBefore: number } | { at: Date })[] => {
      if (r.kind === "before") return [{ minutesBefore: Math.max(0, Math.round(r.amount * UNIT_MINUTES[r.unit])) }];
      const at = fromWall(r.date, r.time || "09:00", timeZone);
      return at ? [{ at }] : [];
    });
  }
  return patch;
}
