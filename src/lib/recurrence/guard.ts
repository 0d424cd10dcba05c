import { RecurrenceRuleError, WEEKDAY_CODES, type ParsedRule, type WeekdayCode } from "./parse";
import { daysInMonth } from "../days-in-month";

/**
 * rrule only checks UNTIL/COUNT when it produces a date, so a rule that never
 * fires makes it loop to the year 9999 (seconds of CPU for DAILY/WEEKLY).
 * These checks spot such rules cheaply before rrule is asked.
 */

const DAY_MS = 86_400_000;
/** Max length of each month, February counted in a leap year. */
const MAX_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** JS getUTCDay() (0 = Sunday) to an RRULE weekday code. */
function weekdayCode(floating: Date): WeekdayCode {
  return WEEKDAY_CODES[(floating.getUTCDay() + 6) % 7] as WeekdayCode;
}

function monthDayMatches(day: number, monthLength: number, wanted: number[]): boolean {
  return wanted.some((d) => (d > 0 ? d === day : monthLength + d + 1 === day));
}

/**
 * Rejects rules impossible for any start: a BYMONTHDAY that exists in none of
 * the BYMONTH months (February 30), or a BYSETPOS beyond the largest set a
 * period can hold (BYDAY=MO;BYSETPOS=3 in a week).
 */
export function assertNotImpossible(rule: ParsedRule): void {
  if (rule.byMonthDay) {
    const months = rule.byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const exists = months.some((m) => rule.byMonthDay!.some((d) => Math.abs(d) <= MAX_MONTH_DAYS[m - 1]!));
    if (!exists) throw new RecurrenceRuleError("This rule never produces a date: that day does not exist in the chosen month(s), e.g. February 30.");
  }
  if (rule.bySetPos) {
    const times = (rule.byHour?.length ?? 1) * (rule.byMinute?.length ?? 1) * (rule.bySecond?.length ?? 1);
    const days = maxDaysPerPeriod(rule);
    if (!rule.bySetPos.some((pos) => Math.abs(pos) <= days * times)) {
      throw new RecurrenceRuleError(`This rule never produces a date: BYSETPOS asks for position ${rule.bySetPos.join(",")} but each period has at most ${days * times} candidate(s).`);
    }
  }
}

function maxDaysPerPeriod(rule: ParsedRule): number {
  const plainDays = rule.byDay?.filter((d) => d.n === undefined).length ?? 0;
  const numberedDays = rule.byDay?.filter((d) => d.n !== undefined).length ?? 0;
  switch (rule.freq) {
    case "WEEKLY":
      return rule.byDay?.length ?? 1;
    case "MONTHLY":
      if (rule.byMonthDay) return rule.byMonthDay.length;
      return rule.byDay ? Math.min(31, plainDays * 5 + numberedDays) : 1;
    default:
      return 366;
  }
}

/**
 * For a concrete start: does any DAILY/WEEKLY period between `from` and
 * `horizon` (floating) pass the day filters? Catches phase traps like
 * FREQ=DAILY;INTERVAL=7;BYDAY=TU started on a Monday. MONTHLY/YEARLY rules
 * are left to rrule, which skips filtered months/years quickly.
 */
export function mayFireBetween(rule: ParsedRule, floatingStart: Date, from: Date, horizon: Date): boolean {
  if (rule.freq === "DAILY") return dailyMayFire(rule, floatingStart, from, horizon);
  if (rule.freq === "WEEKLY") return weeklyMayFire(rule, floatingStart, from, horizon);
  return true;
}

function startOfDay(floating: Date): number {
  return Date.UTC(floating.getUTCFullYear(), floating.getUTCMonth(), floating.getUTCDate());
}

/** First period index k ≥ 0 (periods of `stepDays` from `origin`) whose period ends after `from`. */
function firstPeriod(origin: number, from: Date, stepDays: number): number {
  const behind = startOfDay(from) - origin;
  return behind <= 0 ? 0 : Math.floor(behind / (stepDays * DAY_MS));
}

function dayPasses(rule: ParsedRule, dayMs: number, weekdays: WeekdayCode[] | undefined): boolean {
  const day = new Date(dayMs);
  if (rule.byMonth && !rule.byMonth.includes(day.getUTCMonth() + 1)) return false;
  if (weekdays && !weekdays.includes(weekdayCode(day))) return false;
  if (rule.byMonthDay) {
    const length = daysInMonth(day.getUTCFullYear(), day.getUTCMonth() + 1);
    if (!monthDayMatches(day.getUTCDate(), length, rule.byMonthDay)) return false;
  }
  return true;
}

function dailyMayFire(rule: ParsedRule, floatingStart: Date, from: Date, horizon: Date): boolean {
  if (!rule.byMonth && !rule.byMonthDay && !rule.byDay) return true;
  const origin = startOfDay(floatingStart);
  const weekdays = rule.byDay?.map((d) => d.weekday);
  for (let k = firstPeriod(origin, from, rule.interval); ; k++) {
    const dayMs = origin + k * rule.interval * DAY_MS;
    if (dayMs > horizon.getTime()) return false;
    if (dayMs >= startOfDay(from) && dayPasses(rule, dayMs, weekdays)) return true;
  }
}

function weeklyMayFire(rule: ParsedRule, floatingStart: Date, from: Date, horizon: Date): boolean {
  // Every week holds every weekday, so only BYMONTH can starve a weekly rule.
  if (!rule.byMonth) return true;
  const weekStartIndex = WEEKDAY_CODES.indexOf(rule.wkst ?? "MO");
  const startDay = startOfDay(floatingStart);
  const offset = (WEEKDAY_CODES.indexOf(weekdayCode(floatingStart)) - weekStartIndex + 7) % 7;
  const origin = startDay - offset * DAY_MS;
  const weekdays = rule.byDay?.map((d) => d.weekday) ?? [weekdayCode(floatingStart)];
  for (let k = firstPeriod(origin, from, 7 * rule.interval); ; k++) {
    const weekMs = origin + k * 7 * rule.interval * DAY_MS;
    if (weekMs > horizon.getTime()) return false;
    for (let i = 0; i < 7; i++) {
      const dayMs = weekMs + i * DAY_MS;
      if (dayMs >= startOfDay(from) && dayPasses(rule, dayMs, weekdays)) return true;
    }
  }
}
