import { daysInMonth } from "../days-in-month";
import { floatingUntil } from "./rrule-options";
import { checkRule } from "./validate";
import { assertTimeZone, fromFloating, toFloating } from "./zone";

export interface CompletionOptions {
  rule: string;
  /** When the occurrence was done (or its due date, if it was done early): the next date counts from this day. */
  completedAt: Date;
  /** First due date of the series: gives the time of day. */
  seriesStart: Date;
  timeZone: string;
  /** Occurrences so far (incl. the first), for COUNT. */
  occurrencesSoFar: number;
}


/**
 * Todoist's `every!`: the next date is the completion day plus the interval, at the series' time of day, in the
 * user's zone (so DST never shifts the hour). A month or year that lacks the day ends on its last day instead
 * (31 Jan → 28/29 Feb, 29 Feb → 28 Feb next year) rather than skipping to the next month that has it.
 * Only plain-interval rules count from completion; a rule with BY… parts keeps its own dates
 * (undefined here; the caller then takes the rule's first date after the completion).
 */
export function nextFromCompletion(opts: CompletionOptions): Date | null | undefined {
  assertTimeZone(opts.timeZone);
  const rule = checkRule(opts.rule);
  const byParts = [rule.byDay, rule.byMonth, rule.byMonthDay, rule.byYearDay, rule.byWeekNo, rule.byHour, rule.byMinute, rule.bySecond, rule.bySetPos];
  if (byParts.some((part) => part !== undefined && part.length > 0)) return undefined;
  if (rule.count !== undefined && opts.occurrencesSoFar >= rule.count) return null;
  const done = toFloating(opts.completedAt, opts.timeZone);
  const time = toFloating(opts.seriesStart, opts.timeZone);
  let year = done.getUTCFullYear();
  let month = done.getUTCMonth();
  let day = done.getUTCDate();
  switch (rule.freq) {
    case "DAILY":
      day += rule.interval;
      break;
    case "WEEKLY":
      day += 7 * rule.interval;
      break;
    case "MONTHLY":
      month += rule.interval;
      year += Math.floor(month / 12);
      month %= 12;
      day = Math.min(day, daysInMonth(year, month + 1));
      break;
    case "YEARLY":
      year += rule.interval;
      day = Math.min(day, daysInMonth(year, month + 1));
      break;
  }
  const floating = new Date(Date.UTC(year, month, day, time.getUTCHours(), time.getUTCMinutes(), time.getUTCSeconds()));
  const until = floatingUntil(rule, opts.timeZone);
  if (until && floating.getTime() > until.getTime()) return null;
  return fromFloating(floating, opts.timeZone);
}
