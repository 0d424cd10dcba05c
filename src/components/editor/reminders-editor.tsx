"use client";
import { clsx } from "clsx";
import { Bell, X } from "lucide-react";
import type { ReminderDraft } from "./draft";
import { fieldClass } from "./fields";

/** Reminders either N minutes/hours/days before the due time, or at a fixed moment. */
export function RemindersEditor({ value, onChange, hasDue }: { value: ReminderDraft[]; onChange: (v: ReminderDraft[]) => void; hasDue: boolean }) {
  const set = (i: number, r: ReminderDraft) => onChange(value.map((x, j) => (j === i ? r : x)));
  return (
    <div className="space-y-2">
      {value.map((r, i) => (
        <div key={i} className="flex flex-wrap items-center gap-2">
          <Bell className="size-4 text-zinc-500" aria-hidden />
          <label className="sr-only" htmlFor={`rem-kind-${i}`}>
            Reminder {i + 1} type
          </label>
          <select
            id={`rem-kind-${i}`}
            value={r.kind}
            onChange={(e) => set(i, e.target.value === "at" ? { kind: "at", date: "", time: "09:00" } : { kind: "before", amount: 1, unit: "hours" })}
            className={clsx(fieldClass, "mt-0 w-auto")}
          >
            <option value="before">Before due</option>
            <option value="at">At a time</option>
          </select>
          {r.kind === "before" ? (
            <>
              <input
                type="number"
                min={0}
                aria-label={`Reminder ${i + 1} amount`}
                value={r.amount}
                onChange={(e) => set(i, { ...r, amount: Math.max(0, Number(e.target.value) || 0) })}
                className={clsx(fieldClass, "mt-0 w-20")}
              />
              <select
                aria-label={`Reminder ${i + 1} unit`}
                value={r.unit}
                onChange={(e) => set(i, { ...r, unit: e.target.value as "minutes" | "hours" | "days" })}
                className={clsx(fieldClass, "mt-0 w-auto")}
              >
                <option value="minutes">minutes before</option>
                <option value="hours">hours before</option>
                <option value="days">days before</option>
              </select>
            </>
          ) : (
            <>
              <input type="date" aria-label={`Reminder ${i + 1} date`} value={r.date} onChange={(e) => set(i, { ...r, date: e.target.value })} className={clsx(fieldClass, "mt-0 w-auto")} />
              <input type="time" aria-label={`Reminder ${i + 1} time`} value={r.time} onChange={(e) => set(i, { ...r, time: e.target.value })} className={clsx(fieldClass, "mt-0 w-auto")} />
            </>
          )}
          <button
            type="button"
            aria-label={`Remove reminder ${i + 1}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            className="grid size-8 pointer-coarse:size-11 place-items-center rounded hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            <X className="size-4" aria-hidden />
          </button>
        </div>
      ))}
      {value.some((r) => r.kind === "before") && !hasDue && (
        <p className="text-xs text-amber-800 dark:text-amber-300">“Before due” reminders need a due date.</p>
      )}
      <button
        type="button"
        onClick={() => onChange([...value, hasDue ? { kind: "before", amount: 1, unit: "hours" } : { kind: "at", date: "", time: "09:00" }])}
        className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-100"
        disabled={value.length >= 10}
      >
        + Add reminder
      </button>
    </div>
  );
}
