"use client";
import { useQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import { useMemo } from "react";
import { buildRule, parseRuleToSpec, WEEKDAY_CODES, type RecurrenceSpec, type WeekdayCode } from "@/lib/recurrence";
import { useTRPC } from "@/lib/client/trpc";
import { formatDue } from "@/lib/ui/countdown";
import { recurrenceText } from "@/lib/ui/recurrence-text";
import { fromWall, toWall } from "@/lib/ui/zoned";
import { fieldClass, FieldLabel } from "./fields";

const DAY_SHORT: Record<WeekdayCode, string> = { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" };
const UNIT: Record<RecurrenceSpec["freq"], string> = { daily: "day(s)", weekly: "week(s)", monthly: "month(s)", yearly: "year(s)" };

/** Builds RRULE text from plain controls and shows the next five dates the server computes. */
export function RecurrenceBuilder({
  rule,
  basis,
  start,
  timeZone,
  onChange,
}: {
  rule: string;
  basis: "due" | "completion";
  start: Date | null;
  timeZone: string;
  onChange: (rule: string, basis: "due" | "completion") => void;
}) {
  const trpc = useTRPC();
  const spec = useMemo(() => (rule ? parseRuleToSpec(rule) : null), [rule]);
  const preview = useQuery({
    ...trpc.task.previewRecurrence.queryOptions({ rule, start: start ?? new Date(), timeZone, count: 5 }),
    enabled: Boolean(rule),
    retry: false,
  });

  const set = (patch: Partial<RecurrenceSpec>) => {
    const base: RecurrenceSpec = spec ?? { freq: "weekly", interval: 1 };
    const next = { ...base, ...patch } as RecurrenceSpec;
    // Drop parts that do not fit the chosen frequency instead of failing validation.
    if (next.freq !== "weekly" && next.freq !== "monthly") delete next.byWeekday;
    if (next.freq !== "monthly") {
      delete next.byMonthDay;
      delete next.bySetPos;
    }
    if (next.byWeekday?.length === 0) delete next.byWeekday;
    try {
      onChange(buildRule(next), basis);
    } catch {
      /* an impossible combination: keep the previous rule */
    }
  };

  if (!rule) {
    return (
      <button
        type="button"
        onClick={() => onChange(buildRule({ freq: "weekly", interval: 1 }), basis)}
        className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-100"
      >
        + Make it repeat
      </button>
    );
  }

  const endKind = spec?.count !== undefined ? "count" : spec?.until ? "until" : "never";
  return (
    <div className="space-y-3 rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      {spec ? (
        <>
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <FieldLabel>Every</FieldLabel>
              <input
                type="number"
                min={1}
                max={999}
                value={spec.interval}
                onChange={(e) => set({ interval: Math.max(1, Number(e.target.value) || 1) })}
                className={clsx(fieldClass, "w-20")}
              />
            </label>
            <label className="text-sm">
              <FieldLabel>Frequency</FieldLabel>
              <select value={spec.freq} onChange={(e) => set({ freq: e.target.value as RecurrenceSpec["freq"] })} className={fieldClass}>
                {(Object.keys(UNIT) as RecurrenceSpec["freq"][]).map((f) => (
                  <option key={f} value={f}>
                    {UNIT[f]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {spec.freq === "weekly" && (
            <fieldset>
              <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">On</legend>
              <div className="flex flex-wrap gap-1">
                {WEEKDAY_CODES.map((d) => {
                  const on = spec.byWeekday?.includes(d) ?? false;
                  return (
                    <button
                      key={d}
                      type="button"
                      aria-pressed={on}
                      onClick={() => set({ byWeekday: on ? spec.byWeekday?.filter((x) => x !== d) : [...(spec.byWeekday ?? []), d] })}
                      className="h-8 pointer-coarse:h-11 min-w-11 rounded-md px-2 text-sm ring-1 ring-zinc-300 aria-pressed:bg-accent-600 aria-pressed:text-white aria-pressed:ring-accent-600 dark:ring-zinc-700"
                    >
                      {DAY_SHORT[d]}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          )}
          {spec.freq === "monthly" && (
            <label className="block text-sm">
              <FieldLabel>Day of the month</FieldLabel>
              <select
                value={spec.byMonthDay ?? ""}
                onChange={(e) => set({ byMonthDay: e.target.value ? Number(e.target.value) : undefined, byWeekday: undefined, bySetPos: undefined })}
                className={fieldClass}
              >
                <option value="">Same day as the due date</option>
                {Array.from({ length: 31 }, (_, i) => (
                  <option key={i + 1} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
                <option value={-1}>Last day</option>
              </select>
            </label>
          )}
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <FieldLabel>Ends</FieldLabel>
              <select
                value={endKind}
                onChange={(e) => {
                  const kind = e.target.value;
                  if (kind === "never") set({ count: undefined, until: undefined });
                  if (kind === "count") set({ count: 10, until: undefined });
                  if (kind === "until") set({ count: undefined, until: fromWall(toWall(new Date(Date.now() + 90 * 864e5), timeZone).date, "23:59", timeZone) ?? undefined });
                }}
                className={fieldClass}
              >
                <option value="never">Never</option>
                <option value="count">After a number of times</option>
                <option value="until">On a date</option>
              </select>
            </label>
            {endKind === "count" && (
              <label className="text-sm">
                <FieldLabel>Times</FieldLabel>
                <input
                  type="number"
                  min={1}
                  max={999}
                  value={spec.count ?? 1}
                  onChange={(e) => set({ count: Math.max(1, Number(e.target.value) || 1) })}
                  className={clsx(fieldClass, "w-24")}
                />
              </label>
            )}
            {endKind === "until" && spec.until && (
              <label className="text-sm">
                <FieldLabel>Last date</FieldLabel>
                <input
                  type="date"
                  value={toWall(spec.until, timeZone).date}
                  onChange={(e) => {
                    const until = fromWall(e.target.value, "23:59", timeZone);
                    if (until) set({ until });
                  }}
                  className={fieldClass}
                />
              </label>
            )}
          </div>
        </>
      ) : (
        <label className="block text-sm">
          <FieldLabel>Rule (RRULE)</FieldLabel>
          <input value={rule} onChange={(e) => onChange(e.target.value, basis)} className={fieldClass} />
        </label>
      )}
      <label className="block text-sm">
        <FieldLabel>Next date counts from</FieldLabel>
        <select value={basis} onChange={(e) => onChange(rule, e.target.value as "due" | "completion")} className={fieldClass}>
          <option value="due">The due date (fixed schedule)</option>
          <option value="completion">When I complete it</option>
        </select>
      </label>
      <div>
        <p className="text-sm font-medium">{recurrenceText(rule, start, timeZone)}</p>
        {!start && <p className="text-xs text-amber-800 dark:text-amber-300">A repeating task needs a due date.</p>}
        <div aria-live="polite" className="mt-1 min-h-24 text-sm text-zinc-600 dark:text-zinc-400">
          {preview.isError ? (
            <p className="text-red-700 dark:text-red-400">{preview.error.message}</p>
          ) : preview.data ? (
            <>
              <p className="text-xs font-medium text-zinc-500">Next dates</p>
              <ol aria-label="Next dates" className="list-inside list-decimal">
                {preview.data.dates.map((d) => (
                  <li key={d.toISOString()}>{formatDue(d, false, timeZone)}</li>
                ))}
              </ol>
            </>
          ) : (
            <p>Working out the next dates…</p>
          )}
        </div>
      </div>
      <button type="button" onClick={() => onChange("", basis)} className="text-sm text-red-700 hover:underline dark:text-red-400">
        Stop repeating
      </button>
    </div>
  );
}
