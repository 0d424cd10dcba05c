import { RRule, type RRuleOptions } from "./rrule-interop";
import { RecurrenceRuleError, type ParsedRule, type RuleFrequency, type WeekdayCode } from "./parse";
import { toFloating } from "./zone";
import { assertNotImpossible } from "./guard";

/** Bridges a checked ParsedRule to an rrule instance iterating in floating time. */

const FREQ: Record<RuleFrequency, RRuleOptions["freq"]> = {
  YEARLY: RRule.YEARLY,
  MONTHLY: RRule.MONTHLY,
  WEEKLY: RRule.WEEKLY,
  DAILY: RRule.DAILY,
};

const WEEKDAY = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };

function weekday(code: WeekdayCode, n?: number) {
  return n === undefined ? WEEKDAY[code] : WEEKDAY[code].nth(n);
}

/**
 * Searches never run further than this past their starting point, so a rule
 * that happens never to fire for a given start (e.g. every 4 years on Feb 29
 * from a non-leap year) ends as "no more dates" instead of iterating to 9999.
 */
export const SEARCH_HORIZON_YEARS = 100;

export function addYearsFloating(floating: Date, years: number): Date {
  const copy = new Date(floating.getTime());
  copy.setUTCFullYear(copy.getUTCFullYear() + years);
  return copy;
}

/** The last floating wall-clock moment the series may produce, if UNTIL is set. */
export function floatingUntil(rule: ParsedRule, timeZone: string | null): Date | undefined {
  const until = rule.until;
  if (!until) return undefined;
  switch (until.kind) {
    case "utc":
      return timeZone === null ? until.date : toFloating(until.date, timeZone);
    case "local":
      return until.date;
    case "date":
      // A bare date means "through that day" in the user's zone.
      return new Date(until.date.getTime() + (24 * 3600 - 1) * 1000);
  }
}

export interface RRuleBuildOptions {
  /** Floating wall-clock start of the series (rrule's DTSTART). */
  floatingStart: Date;
  /** Needed to place a UTC UNTIL on the wall clock; null when unknown. */
  timeZone: string | null;
  /** Drop COUNT (the caller counts occurrences itself). */
  withoutCount?: boolean;
  /** Stop iterating after this floating moment even without UNTIL. */
  horizon?: Date;
}

export function toRRule(rule: ParsedRule, build: RRuleBuildOptions): RRule {
  const ruleUntil = floatingUntil(rule, build.timeZone);
  const candidates = [ruleUntil, build.horizon].filter((d): d is Date => d !== undefined);
  const until = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
  const options: Partial<RRuleOptions> = {
    freq: FREQ[rule.freq],
    interval: rule.interval,
    dtstart: build.floatingStart,
    until,
    count: build.withoutCount ? null : (rule.count ?? null),
    wkst: rule.wkst ? WEEKDAY[rule.wkst] : null,
    byweekday: rule.byDay ? rule.byDay.map((d) => weekday(d.weekday, d.n)) : null,
    bymonth: rule.byMonth ?? null,
    bymonthday: rule.byMonthDay ?? null,
    byyearday: rule.byYearDay ?? null,
    byweekno: rule.byWeekNo ?? null,
    byhour: rule.byHour ?? null,
    byminute: rule.byMinute ?? null,
    bysecond: rule.bySecond ?? null,
    bysetpos: rule.bySetPos ?? null,
  };
  try {
    return new RRule(options);
  } catch (error) {
    throw new RecurrenceRuleError(`The rule cannot be used: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** First occurrence of an rrule (floating), or null when none exists before its until/horizon. */
export function firstOccurrence(rrule: RRule): Date | null {
  const [first] = rrule.all((_date, index) => index < 1);
  return first ?? null;
}

/**
 * Rejects rules that never produce a date, whatever the start (February 30,
 * an UNTIL before 2000...). Statically impossible rules are refused first,
 * because rrule would loop to the year 9999 on them. INTERVAL is dropped for
 * this check: every-N dates are a subset of the every-1 dates, and whether an
 * INTERVAL lines up with the filters depends on the task's start.
 */
export function assertProducesDates(rule: ParsedRule): void {
  assertNotImpossible(rule);
  const reference = new Date(Date.UTC(2000, 0, 1));
  const rrule = toRRule({ ...rule, interval: 1 }, {
    floatingStart: reference,
    timeZone: null,
    horizon: addYearsFloating(reference, 400),
  });
  if (firstOccurrence(rrule) === null) {
    throw new RecurrenceRuleError("This rule never produces a date; check that the month and day exist together and that UNTIL is not in the past.");
  }
}
