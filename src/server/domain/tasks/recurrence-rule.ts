import { validateRecurrenceRule } from "@/lib/recurrence";
import { ValidationError } from "../errors";

/** Validates an RRULE with the rrule parser; a bad one names the parser's reason and a valid example. */
export function normalizeRecurrenceRule(rule: string | null | undefined): string | null | undefined {
  if (rule === undefined || rule === null) return rule;
  if (rule.trim() === "") return null;
  const result = validateRecurrenceRule(rule);
  if (!result.ok) throw new ValidationError("recurrenceRule", result.reason, result.example);
  return result.normalized;
}
