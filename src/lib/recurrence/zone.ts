import { TZDate } from "@date-fns/tz";

/**
 * rrule iterates in "floating" time: a Date whose UTC fields are the wall-clock
 * fields in the user's zone. These helpers convert between real instants and
 * floating dates; all zone rules (DST gaps/overlaps) come from @date-fns/tz.
 */

/**
 * Whether `zone` is an IANA time zone this runtime knows. Constructing Intl.DateTimeFormat is the only
 * complete check (it also accepts aliases such as "US/Eastern") but costs ~0.1 ms, and every list,
 * preview and session asks again, so answers are remembered (bounded: unknown strings come from users).
 */
const zoneValidity = new Map<string, boolean>();
export function isValidTimeZone(zone: string): boolean {
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneValidity.size < 2000) zoneValidity.set(zone, valid);
  return valid;
}

/** Throws a RangeError naming the zone when it is not a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}

/** The wall-clock time of `instant` in `timeZone`, as a floating Date (seconds precision). */
export function toFloating(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(
    Date.UTC(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
    ),
  );
}

/**
 * The real instant at which the floating wall-clock time happens in `timeZone`.
 * A time skipped by a spring-forward gap moves forward by the gap (2:30 → 3:30);
 * an ambiguous autumn time resolves to its first (daylight-time) instance.
 */
export function fromFloating(floating: Date, timeZone: string): Date {
  const local = new TZDate(
    floating.getUTCFullYear(),
    floating.getUTCMonth(),
    floating.getUTCDate(),
    floating.getUTCHours(),
    floating.getUTCMinutes(),
    floating.getUTCSeconds(),
    0,
    timeZone,
  );
  return new Date(local.getTime());
}

/** A TZDate view of an instant, for reading or formatting its local fields. */
export function inZone(instant: Date, timeZone: string): TZDate {
  return new TZDate(instant.getTime(), timeZone);
}
