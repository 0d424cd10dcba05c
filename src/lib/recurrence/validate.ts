import { parseRuleText, RecurrenceRuleError, RULE_EXAMPLE, type ParsedRule } from "./parse";
import { assertProducesDates } from "./rrule-options";

export type RuleValidation =
  | { ok: true; normalized: string }
  | { ok: false; reason: string; example: string };

/** Parses and checks a rule; throws RecurrenceRuleError with the reason. */
export function checkRule(rule: string): ParsedRule {
  const parsed = parseRuleText(rule);
  assertProducesDates(parsed);
  return parsed;
}

/**
 * Checks RRULE text typed by a person, an agent or an API client. The rule may
 * start with "RRULE:" but must not carry DTSTART/TZID: the start is the task's
 * due date and the zone is the user's.
 */
export function validateRecurrenceRule(rule: string): RuleValidation {
  try {
    return { ok: true, normalized: checkRule(rule).normalized };
  } catch (error) {
    if (error instanceof RecurrenceRuleError) return { ok: false, reason: error.message, example: RULE_EXAMPLE };
    throw error;
  }
}
