// Time-zone glue: chrono and rrule both think in "wall clock" numbers; these helpers turn
// an instant into the wall clock of an IANA zone and back, DST-correctly, via @date-fns/tz.
import { TZDate, tzOffset } from "@date-fns/tz";

export type YMD = { year: number; month: number /* 1-12 */; day: number };
export type HMS = { hour: number; minute: number; second: number };
export type Wall = YMD & HMS;

/** Throws a RangeError for an unknown IANA zone (Intl does the checking). */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat("en-US", { timeZone });
}

export function wallClock(instant: Date, timeZone: string): Wall {
  const z = new TZDate(instant.getTime(), timeZone);
  return {
    year: z.getFullYear(),
    month: z.getMonth() + 1,
    day: z.getDate(),
    hour: z.getHours(),
    minute: z.getMinutes(),
    second: z.getSeconds(),
  };
}

/** The instant at which the zone's clock shows `date` + `time` (gaps of spring-forward shift forward). */
export function zonedInstant(date: YMD, time: HMS, timeZone: string): Date {
  const z = new TZDate(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, timeZone);
  return new Date(z.getTime());
}

export const MIDNIGHT: HMS = { hour: 0, minute: 0, second: 0 };

/** Offset of the zone at `instant` in minutes east of UTC — the form chrono's reference takes. */
export function offsetMinutes(timeZone: string, instant: Date): number {
  return tzOffset(timeZone, instant);
}

/** "Floating" wall time stored in a Date's UTC fields — what rrule computes with. */
export function toFloating(w: YMD & Partial<HMS>): Date {
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour ?? 0, w.minute ?? 0, w.second ?? 0));
}

export function fromFloating(d: Date): Wall {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function addDays(date: YMD, days: number): YMD {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekdayOf(date: YMD): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}
