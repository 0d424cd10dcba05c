import { z } from "zod";
import { parseRuleText, RecurrenceRuleError, WEEKDAY_CODES, type ParsedRule } from "./parse";
import { validateRecurrenceRule } from "./validate";

/**
 * The shape the UI recurrence builder edits. Only rules it can show map to a
 * spec; others (BYMONTH, BYHOUR, several positions...) stay raw RRULE text.
 */

export const recurrenceWeekdaySchema = z.enum(WEEKDAY_CODES);

export const recurrenceSpecSchema = z
  .object({
    freq: z.enum(["daily", "weekly", "monthly", "yearly"]),
    interval: z.number().int().min(1).max(999),
    byWeekday: z.array(recurrenceWeekdaySchema).min(1).max(7).optional(),
    /** Day of the month, -1 = last day (monthly only). */
    byMonthDay: z.number().int().min(-31).max(31).refine((n) => n !== 0, "Day of month cannot be 0").optional(),
    /** Which of the chosen weekdays in the month: 1 = first, -1 = last (monthly only). */
    bySetPos: z.number().int().min(-31).max(31).refine((n) => n !== 0, "Position cannot be 0").optional(),
    count: z.number().int().min(1).max(999).optional(),
    until: z.date().optional(),
  })
  .superRefine((spec, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (spec.count !== undefined && spec.until !== undefined) issue("until", "Choose an end by count or by date, not both");
    if (spec.byWeekday && new Set(spec.byWeekday).size !== spec.byWeekday.length) issue("byWeekday", "Each weekday may appear once");
    if (spec.byWeekday && spec.freq === "yearly") issue("byWeekday", "Yearly repeats use the start date, not weekdays");
    if (spec.byMonthDay !== undefined && spec.freq !== "monthly") issue("byMonthDay", "A day of the month only applies to monthly repeats");
    if (spec.byMonthDay !== undefined && spec.byWeekday) issue("byMonthDay", "Choose a day of the month or weekdays, not both");
    if (spec.bySetPos !== undefined && (spec.freq !== "monthly" || !spec.byWeekday)) {
      issue("bySetPos", "A position (e.g. last Friday) needs a monthly repeat with weekdays");
    }
  });

export type RecurrenceSpec = z.infer<typeof recurrenceSpecSchema>;
export type RecurrenceWeekday = z.infer<typeof recurrenceWeekdaySchema>;

/** 2025-12-31T22:59:59.000Z → "20251231T225959Z" (RFC 5545 UTC form). */
function untilText(until: Date): string {
  return until.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/**
 * RRULE text (normalized, without "RRULE:") for a builder spec. `until` is
 * the exact last instant allowed, e.g. the end of the chosen day in the
 * user's zone. Throws a ZodError for an invalid spec and RecurrenceRuleError
 * for a spec that never produces a date (e.g. until before 2000).
 */
export function buildRule(input: RecurrenceSpec): string {
  const spec = recurrenceSpecSchema.parse(input);
  const parts = [`FREQ=${spec.freq.toUpperCase()}`];
  if (spec.interval !== 1) parts.push(`INTERVAL=${spec.interval}`);
  if (spec.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${spec.byMonthDay}`);
  if (spec.byWeekday) parts.push(`BYDAY=${WEEKDAY_CODES.filter((d) => spec.byWeekday!.includes(d)).join(",")}`);
  if (spec.bySetPos !== undefined) parts.push(`BYSETPOS=${spec.bySetPos}`);
  if (spec.count !== undefined) parts.push(`COUNT=${spec.count}`);
  if (spec.until !== undefined) parts.push(`UNTIL=${untilText(spec.until)}`);
  const checked = validateRecurrenceRule(parts.join(";"));
  if (!checked.ok) throw new RecurrenceRuleError(checked.reason);
  return checked.normalized;
}

function hasUnsupportedParts(rule: ParsedRule): boolean {
  return [rule.byMonth, rule.byYearDay, rule.byWeekNo, rule.byHour, rule.byMinute, rule.bySecond, rule.wkst]
    .some((part) => part !== undefined)
    || (rule.byMonthDay?.length ?? 0) > 1
    || (rule.bySetPos?.length ?? 0) > 1;
}

/**
 * The builder spec for a rule, or null when the builder cannot show it (or the
 * text is invalid). BYDAY=-1FR and BYDAY=FR;BYSETPOS=-1 both become "last
 * Friday". A UNTIL without "Z" is read as if it were UTC.
 */
export function parseRuleToSpec(rule: string): RecurrenceSpec | null {
  let parsed: ParsedRule;
  try {
    parsed = parseRuleText(rule);
  } catch {
    return null;
  }
  if (hasUnsupportedParts(parsed)) return null;
  let byWeekday = parsed.byDay?.map((d) => d.weekday);
  let bySetPos = parsed.bySetPos?.[0];
  const numbered = parsed.byDay?.filter((d) => d.n !== undefined) ?? [];
  if (numbered.length > 0) {
    const only = parsed.byDay?.length === 1 ? parsed.byDay[0] : undefined;
    if (!only || only.n === undefined || bySetPos !== undefined || parsed.freq !== "MONTHLY") return null;
    byWeekday = [only.weekday];
    bySetPos = only.n;
  }
  const candidate = {
    freq: parsed.freq.toLowerCase(),
    interval: parsed.interval,
    ...(byWeekday ? { byWeekday } : {}),
    ...(parsed.byMonthDay ? { byMonthDay: parsed.byMonthDay[0] } : {}),
    ...(bySetPos !== undefined ? { bySetPos } : {}),
    ...(parsed.count !== undefined ? { count: parsed.count } : {}),
    ...(parsed.until ? { until: parsed.until.date } : {}),
  };
  const result = recurrenceSpecSchema.safeParse(candidate);
  return result.success ? result.data : null;
}
