import { describeRecurrence } from "@/lib/recurrence/describe";

/** The rule in words ("every month on the 1st at 09:00"), or a plain fallback for text it cannot read. */
export function recurrenceText(rule: string, start: Date | null, timeZone: string): string {
  try {
    return describeRecurrence(rule, { start: start ?? undefined, timeZone });
  } catch {
    return "Repeats";
  }
}
