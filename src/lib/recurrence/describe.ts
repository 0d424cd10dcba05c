import { format } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { parseRuleText, WEEKDAY_CODES, type ByDayEntry, type ParsedRule, type WeekdayCode } from "./parse";
import { toRRule } from "./rrule-options";
import { inZone } from "./zone";

/**
 * Human text for a rule. Common shapes get hand-written phrases (rrule's
 * toText ignores BYSETPOS, says "Monday, Wednesday" and "at 9"); anything
 * else falls back to rrule's toText. The time of day comes from the task's
 * start in the user's zone unless the rule fixes BYHOUR.
 */

const DAY_NAMES: Record<WeekdayCode, string> = {
  MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday",
};
const UNITS = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" } as const;
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ORDINAL_WORDS: Record<number, string> = { 1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", [-1]: "last", [-2]: "second to last" };

export interface DescribeOptions {
  start?: Date;
  timeZone?: string;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function ordinalNumber(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** 31 → "31st", -1 → "last day", -2 → "2nd to last day". */
function monthDayText(day: number): string {
  if (day > 0) return ordinalNumber(day);
  return day === -1 ? "last day" : `${ordinalNumber(-day)} to last day`;
}

function positionWord(n: number): string {
  return ORDINAL_WORDS[n] ?? (n > 0 ? ordinalNumber(n) : `${ordinalNumber(-n)} to last`);
}

function isWorkweek(days: WeekdayCode[]): boolean {
  return days.length === 5 && ["MO", "TU", "WE", "TH", "FR"].every((d) => days.includes(d as WeekdayCode));
}

function dayList(days: WeekdayCode[]): string {
  const ordered = WEEKDAY_CODES.filter((d) => days.includes(d));
  return joinAnd(ordered.map((d) => DAY_NAMES[d]));
}

interface LocalStart {
  weekday: WeekdayCode;
  day: number;
  monthIndex: number;
  hour: number;
  minute: number;
}

function localStart(opts: DescribeOptions): LocalStart | undefined {
  if (!opts.start) return undefined;
  const local = inZone(opts.start, opts.timeZone ?? "UTC");
  return {
    weekday: WEEKDAY_CODES[(local.getDay() + 6) % 7] as WeekdayCode,
    day: local.getDate(),
    monthIndex: local.getMonth(),
    hour: local.getHours(),
    minute: local.getMinutes(),
  };
}

function timeText(rule: ParsedRule, start: LocalStart | undefined): string {
  const hours = rule.byHour ?? (start ? [start.hour] : undefined);
  if (!hours) return "";
  const minutes = rule.byMinute ?? [start?.minute ?? 0];
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b);
  return ` at ${joinAnd(times.map((t) => `${Math.floor(t / 60)}:${String(t % 60).padStart(2, "0")}`))}`;
}

function endText(rule: ParsedRule, timeZone: string): string {
  if (rule.count !== undefined) return rule.count === 1 ? ", once" : `, ${rule.count} times`;
  if (!rule.until) return "";
  // A UTC UNTIL is shown on the user's calendar; local/date forms already are wall-clock values.
  const shown = rule.until.kind === "utc" ? new TZDate(rule.until.date.getTime(), timeZone) : new TZDate(rule.until.date.getTime(), "UTC");
  return `, until ${format(shown, "MMMM d, yyyy")}`;
}

function weekdayPhrase(every: string, interval: number, days: WeekdayCode[]): string {
  if (isWorkweek(days)) return interval === 1 ? "every weekday" : `${every} on weekdays`;
  return `${every} on ${dayList(days)}`;
}

function plainDays(byDay: ByDayEntry[] | undefined): WeekdayCode[] | undefined {
  if (!byDay || byDay.some((d) => d.n !== undefined)) return undefined;
  return byDay.map((d) => d.weekday);
}

/** The hand-written phrase for common shapes, or undefined to fall back to rrule. */
function cadenceText(rule: ParsedRule, start: LocalStart | undefined): string | undefined {
  const unit = UNITS[rule.freq];
  const every = rule.interval === 1 ? `every ${unit}` : `every ${rule.interval} ${unit}s`;
  const days = plainDays(rule.byDay);
  if (rule.byYearDay || rule.byWeekNo || (rule.byMonth && rule.freq !== "YEARLY")) return undefined;
  switch (rule.freq) {
    case "DAILY":
      if (rule.byMonthDay) return undefined;
      if (!rule.byDay) return every;
      if (!days) return undefined;
      if (rule.interval === 1 && !isWorkweek(days)) return `every ${dayList(days)}`;
      return weekdayPhrase(every, rule.interval, days);
    case "WEEKLY": {
      const weekDays = days ?? (start ? [start.weekday] : undefined);
      if (rule.bySetPos || (rule.byDay && !days)) return undefined;
      return weekDays ? weekdayPhrase(every, rule.interval, weekDays) : every;
    }
    case "MONTHLY":
      return monthlyText(rule, every, days, start);
    case "YEARLY":
      return yearlyText(rule, every, start);
  }
}

function monthlyText(rule: ParsedRule, every: string, days: WeekdayCode[] | undefined, start: LocalStart | undefined): string | undefined {
  const setPos = rule.bySetPos;
  if (rule.byMonthDay) {
    if (rule.byDay || setPos) return undefined;
    return `${every} on the ${joinAnd(rule.byMonthDay.map(monthDayText))}`;
  }
  if (rule.byDay && !days && !setPos) {
    return `${every} on the ${joinAnd(rule.byDay.map((d) => `${positionWord(d.n ?? 1)} ${DAY_NAMES[d.weekday]}`))}`;
  }
  if (days && setPos?.length === 1) {
    const pos = positionWord(setPos[0]!);
    if (days.length === 1) return `${every} on the ${pos} ${DAY_NAMES[days[0]!]}`;
    if (isWorkweek(days)) return `${every} on the ${pos} weekday`;
    if (days.length === 7) return `${every} on the ${pos} day`;
    return undefined;
  }
  if (rule.byDay || setPos) return undefined;
  return start ? `${every} on the ${ordinalNumber(start.day)}` : every;
}

function yearlyText(rule: ParsedRule, every: string, start: LocalStart | undefined): string | undefined {
  const month = rule.byMonth;
  if (rule.bySetPos || (month && month.length > 1)) return undefined;
  const monthIndex = month ? month[0]! - 1 : start?.monthIndex;
  if (rule.byDay) {
    const entry = rule.byDay[0];
    if (rule.byDay.length !== 1 || entry?.n === undefined || monthIndex === undefined || rule.byMonthDay) return undefined;
    return `${every} on the ${positionWord(entry.n)} ${DAY_NAMES[entry.weekday]} of ${MONTH_NAMES[monthIndex]}`;
  }
  const monthDays = rule.byMonthDay ?? (start ? [start.day] : undefined);
  if (monthIndex === undefined || !monthDays) return monthDays || month ? undefined : every;
  if (monthDays.length !== 1 || monthDays[0]! < 0) return undefined;
  return `${every} on ${MONTH_NAMES[monthIndex]} ${monthDays[0]}`;
}

/** rrule's text without its own time/end wording; ours is appended instead. */
function fallbackText(rule: ParsedRule): string {
  const bare: ParsedRule = { ...rule, count: undefined, until: undefined, byHour: undefined, byMinute: undefined, bySecond: undefined };
  return toRRule(bare, { floatingStart: new Date(Date.UTC(2000, 0, 1)), timeZone: null }).toText();
}

/**
 * e.g. "every weekday at 9:00", "every 2 weeks on Monday and Wednesday",
 * "every month on the last Friday, 3 times". Throws RecurrenceRuleError on invalid text.
 */
export function describeRecurrence(rule: string, opts: DescribeOptions = {}): string {
  const parsed = parseRuleText(rule);
  const start = localStart(opts);
  const cadence = cadenceText(parsed, start) ?? fallbackText(parsed);
  return `${cadence}${timeText(parsed, start)}${endText(parsed, opts.timeZone ?? "UTC")}`;
}
