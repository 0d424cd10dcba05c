import { describeRecurrence, previewOccurrences } from "@/lib/recurrence";
import { normalizeRecurrenceRule } from "./recurrence-rule";
import { previewRecurrenceInput } from "./schemas";
import type { z } from "zod";

/** The next dates of a rule from a start, in a time zone, with the rule in words. */
export function previewRecurrence(rawInput: z.input<typeof previewRecurrenceInput>): { dates: Date[]; text: string; rule: string } {
  const input = previewRecurrenceInput.parse(rawInput);
  const rule = normalizeRecurrenceRule(input.rule) ?? "";
  return {
    rule,
    dates: previewOccurrences({ rule, start: input.start, timeZone: input.timeZone, count: input.count }),
    text: describeRecurrence(rule, { start: input.start, timeZone: input.timeZone }),
  };
}
