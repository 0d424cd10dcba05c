/**
 * Recurrence rules for Cadence tasks (isomorphic: server, workers, browser).
 * Rules are RFC 5545 RRULE text without DTSTART/TZID; the start is the task's
 * first due date and dates are computed in the user's IANA time zone.
 */
export { validateRecurrenceRule, type RuleValidation } from "./validate";
export { nextFromCompletion, type CompletionOptions } from "./completion";
export { nextOccurrence, previewOccurrences, type NextOccurrenceOptions, type PreviewOptions } from "./occurrences";
export { describeRecurrence, type DescribeOptions } from "./describe";
export {
  buildRule,
  parseRuleToSpec,
  recurrenceSpecSchema,
  recurrenceWeekdaySchema,
  type RecurrenceSpec,
  type RecurrenceWeekday,
} from "./spec";
export { RecurrenceRuleError, RULE_EXAMPLE, WEEKDAY_CODES, type WeekdayCode } from "./parse";
