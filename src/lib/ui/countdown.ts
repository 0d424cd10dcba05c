const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "2 h 15 m", "3 d", "45 m": the two largest units, dropping zeros. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MIN) return "<1 m";
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MIN);
  if (d >= 2) return `${d} d`;
  if (d === 1) return h ? `1 d ${h} h` : "1 d";
  if (h) return m ? `${h} h ${m} m` : `${h} h`;
  return `${m} m`;
}

/** Calendar day key ("2026-11-23") of an instant in a time zone. */
export function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

function dayNumber(key: string): number {
  const [y, m, d] = key.split("-").map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY;
}

/** Whole calendar days from `now` to `date` in the zone (0 = same day, -1 = yesterday). */
export function calendarDaysBetween(now: Date, date: Date, timeZone: string): number {
  return dayNumber(dayKey(date, timeZone)) - dayNumber(dayKey(now, timeZone));
}

export interface Countdown {
  text: string;
  overdue: boolean;
  /** Due within the next 24 hours (or today, for all-day tasks). */
  soon: boolean;
}

/**
 * "in 2 h 15 m", "overdue 3 d", "today", "tomorrow". All-day tasks count in calendar days and
 * become overdue only after their day ends.
 */
export function countdown(dueAt: Date, now: Date, allDay: boolean, timeZone: string): Countdown {
  if (allDay) {
    const days = calendarDaysBetween(now, dueAt, timeZone);
    if (days === 0) return { text: "today", overdue: false, soon: true };
    if (days === 1) return { text: "tomorrow", overdue: false, soon: false };
    if (days > 1) return { text: `in ${days} d`, overdue: false, soon: false };
    return { text: `overdue ${-days} d`, overdue: true, soon: false };
  }
  const diff = dueAt.getTime() - now.getTime();
  if (diff < 0) return { text: `overdue ${formatSpan(diff)}`, overdue: true, soon: false };
  return { text: `in ${formatSpan(diff)}`, overdue: false, soon: diff < DAY };
}

/** "Mon 1 Dec, 09:00"; "Fri 1 Jan 2027, 09:00" when not this year. Built from parts because en-GB
 * inserts a comma after the weekday only when the year is shown. */
export function formatDue(dueAt: Date, allDay: boolean, timeZone: string, now = new Date()): string {
  const sameYear = dayKey(dueAt, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(dueAt);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${part("weekday")} ${part("day")} ${part("month")}${sameYear ? "" : ` ${part("year")}`}`;
  return allDay ? date : `${date}, ${part("hour")}:${part("minute")}`;
}

/** "Today", "Tomorrow", or "Wednesday 26 Nov", for day group headings. */
export function dayHeading(date: Date, timeZone: string, now = new Date()): string {
  const days = calendarDaysBetween(now, date, timeZone);
  if (days === 0) return "Today";
  if (days === 1) return "Tomorrow";
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "short" }).format(date);
}

/** "1 h before", "30 m before", "2 d before". */
export function describeOffset(minutesBefore: number): string {
  if (minutesBefore === 0) return "at due time";
  if (minutesBefore % 1440 === 0) return `${minutesBefore / 1440} d before`;
  if (minutesBefore % 60 === 0) return `${minutesBefore / 60} h before`;
  return `${minutesBefore} m before`;
}
