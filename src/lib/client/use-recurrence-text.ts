"use client";
import { useEffect, useState } from "react";

type Describe = typeof import("@/lib/ui/recurrence-text").recurrenceText;

/**
 * Rule-to-words needs rrule and date-fns, which would double the first-load bundle; it loads after
 * the first paint instead. Until then (and on the server) rows say "Repeats", so hydration matches.
 */
let describe: Describe | undefined;
let loading: Promise<Describe> | undefined;
export const loadRecurrenceText = () => (loading ??= import("@/lib/ui/recurrence-text").then((m) => (describe = m.recurrenceText)));

export function useRecurrenceText(rule: string | null, start: Date | null, timeZone: string): string | null {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!rule) return;
    let live = true;
    void loadRecurrenceText().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [rule]);
  if (!rule) return null;
  return ready && describe ? describe(rule, start, timeZone) : "Repeats";
}
