/**
 * Strict RRULE text parser. rrule's own parseString is lenient (unknown BYDAY
 * codes become `undefined`, "COUNT=abc" passes through as a string), so rule
 * text is checked here part by part and only well-formed values reach rrule.
 */

export const RULE_EXAMPLE = "FREQ=WEEKLY;BYDAY=MO,WE,FR";

export const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** Tasks repeat at most daily (several times a day via BYHOUR), so HOURLY and finer are refused. */
export const FREQUENCIES = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"] as const;
export type RuleFrequency = (typeof FREQUENCIES)[number];

export interface ByDayEntry {
  weekday: WeekdayCode;
  /** Ordinal inside the month/year: 1 = first, -1 = last. */
  n?: number;
}

/**
 * UNTIL as written: "utc" (…Z) is a real instant; "local" (no Z) and "date"
 * (YYYYMMDD, inclusive through that day) are wall-clock values in the user's
 * zone, stored as floating Dates (UTC fields = wall time).
 */
export type RuleUntil =
  | { kind: "utc"; date: Date }
  | { kind: "local"; date: Date }
  | { kind: "date"; date: Date };

export interface ParsedRule {
  normalized: string;
  freq: RuleFrequency;
  interval: number;
  count?: number;
  until?: RuleUntil;
  byDay?: ByDayEntry[];
  byMonth?: number[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byHour?: number[];
  byMinute?: number[];
  bySecond?: number[];
  bySetPos?: number[];
  wkst?: WeekdayCode;
}

export class RecurrenceRuleError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RecurrenceRuleError";
  }
}

/** Canonical part order of the normalized form (FREQ first). */
const PART_ORDER = [
  "FREQ", "INTERVAL", "BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY",
  "BYHOUR", "BYMINUTE", "BYSECOND", "BYSETPOS", "WKST", "COUNT", "UNTIL",
] as const;
type PartKey = (typeof PART_ORDER)[number];

function fail(reason: string): never {
  throw new RecurrenceRuleError(reason);
}

function isPartKey(key: string): key is PartKey {
  return (PART_ORDER as readonly string[]).includes(key);
}

function isWeekday(code: string): code is WeekdayCode {
  return (WEEKDAY_CODES as readonly string[]).includes(code);
}

function parseIntValue(key: string, raw: string, min: number, max: number, signed: boolean): number {
  if (!/^[+-]?\d{1,4}$/.test(raw)) fail(`${key} must be a whole number, got "${raw}".`);
  const value = Number(raw);
  const magnitude = Math.abs(value);
  if ((value < 0 && !signed) || magnitude < min || magnitude > max || (signed && value === 0)) {
    const range = signed ? `between ${min} and ${max} or -${max} and -${min}` : `between ${min} and ${max}`;
    fail(`${key} must be ${range}, got ${raw}.`);
  }
  return value;
}

function parseIntList(key: string, raw: string, min: number, max: number, signed: boolean): number[] {
  return raw.split(",").map((item) => parseIntValue(key, item, min, max, signed));
}

function parseByDay(raw: string): ByDayEntry[] {
  return raw.split(",").map((item) => {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    const code = match?.[2];
    if (!match || code === undefined || !isWeekday(code)) {
      fail(`BYDAY value "${item}" is not a weekday; use MO, TU, WE, TH, FR, SA, SU (optionally with a position such as -1FR).`);
    }
    if (match[1] === undefined) return { weekday: code };
    return { weekday: code, n: parseIntValue("BYDAY position", match[1], 1, 53, true) };
  });
}

function parseUntil(raw: string): RuleUntil {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(raw);
  if (!match) fail(`UNTIL must look like 20251231 or 20251231T235959Z, got "${raw}".`);
  const [, y, mo, d, h, mi, s, z] = match;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)] as const;
  const date = new Date(Date.UTC(...fields));
  // Date.UTC silently rolls over (Feb 30 → Mar 2); a rolled-over date was not a real date.
  if (date.getUTCMonth() !== fields[1] || date.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) {
    fail(`UNTIL "${raw}" is not a real date and time.`);
  }
  if (h === undefined) return { kind: "date", date };
  return z ? { kind: "utc", date } : { kind: "local", date };
}

function splitParts(rule: string): Map<PartKey, string> {
  const text = rule.trim().replace(/^RRULE:/i, "").trim();
  if (/\b(DTSTART|TZID)\b/i.test(text)) {
    fail("Leave DTSTART and TZID out of the rule: the start comes from the task's due date and the time zone from your settings.");
  }
  if (/[\r\n]/.test(text)) fail("Give a single RRULE line.");
  if (text === "") fail("The rule is empty.");
  const parts = new Map<PartKey, string>();
  for (const part of text.replace(/;+$/, "").split(";")) {
    const eq = part.indexOf("=");
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toUpperCase();
    const value = eq === -1 ? "" : part.slice(eq + 1).replace(/\s+/g, "").toUpperCase();
    if (eq === -1 || value === "") fail(`"${part.trim()}" is not a KEY=VALUE part of an RRULE.`);
    if (!isPartKey(key)) fail(`Unknown RRULE part "${key}".`);
    if (parts.has(key)) fail(`${key} appears more than once.`);
    parts.set(key, value);
  }
  return parts;
}

function checkCombinations(rule: ParsedRule): void {
  const { freq } = rule;
  if (rule.count !== undefined && rule.until !== undefined) {
    fail("Use either COUNT or UNTIL to end the series, not both.");
  }
  if (rule.byDay?.some((d) => d.n !== undefined)) {
    if (freq !== "MONTHLY" && freq !== "YEARLY") {
      fail("A numbered weekday such as -1FR only works with FREQ=MONTHLY or FREQ=YEARLY.");
    }
    if (freq === "MONTHLY" && rule.byDay.some((d) => d.n !== undefined && Math.abs(d.n) > 5)) {
      fail("A month has at most 5 of each weekday, so BYDAY positions go from -5 to 5.");
    }
  }
  if (rule.byMonthDay && freq === "WEEKLY") fail("BYMONTHDAY cannot be used with FREQ=WEEKLY.");
  if (rule.byYearDay && (freq === "DAILY" || freq === "WEEKLY" || freq === "MONTHLY")) {
    fail(`BYYEARDAY cannot be used with FREQ=${freq}.`);
  }
  if (rule.byWeekNo && freq !== "YEARLY") fail("BYWEEKNO only works with FREQ=YEARLY.");
  const hasOtherBy = [rule.byDay, rule.byMonth, rule.byMonthDay, rule.byYearDay, rule.byWeekNo, rule.byHour, rule.byMinute, rule.bySecond]
    .some((list) => list !== undefined);
  if (rule.bySetPos && freq === "DAILY") fail("BYSETPOS cannot be used with FREQ=DAILY.");
  if (rule.bySetPos && !hasOtherBy) fail("BYSETPOS needs another BY… part to pick from, e.g. BYDAY=FR;BYSETPOS=-1.");
}

function serialize(rule: ParsedRule, untilText: string | undefined): string {
  const values: Partial<Record<PartKey, string>> = {
    FREQ: rule.freq,
    INTERVAL: rule.interval === 1 ? undefined : String(rule.interval),
    BYMONTH: rule.byMonth?.join(","),
    BYWEEKNO: rule.byWeekNo?.join(","),
    BYYEARDAY: rule.byYearDay?.join(","),
    BYMONTHDAY: rule.byMonthDay?.join(","),
    BYDAY: rule.byDay?.map((d) => `${d.n ?? ""}${d.weekday}`).join(","),
    BYHOUR: rule.byHour?.join(","),
    BYMINUTE: rule.byMinute?.join(","),
    BYSECOND: rule.bySecond?.join(","),
    BYSETPOS: rule.bySetPos?.join(","),
    WKST: rule.wkst,
    COUNT: rule.count === undefined ? undefined : String(rule.count),
    UNTIL: untilText,
  };
  return PART_ORDER.filter((key) => values[key] !== undefined).map((key) => `${key}=${values[key]}`).join(";");
}

/**
 * Parses RRULE text (with or without "RRULE:") into checked parts.
 * Throws RecurrenceRuleError with a reason a person can act on.
 * It does not check that the rule ever produces a date (see rrule-options.ts).
 */
export function parseRuleText(rule: string): ParsedRule {
  const parts = splitParts(rule);
  const freq = parts.get("FREQ");
  if (freq === undefined) fail("The rule needs a FREQ, e.g. FREQ=DAILY or FREQ=WEEKLY.");
  if (!(FREQUENCIES as readonly string[]).includes(freq)) {
    const hint = ["HOURLY", "MINUTELY", "SECONDLY"].includes(freq) ? " For several times a day use FREQ=DAILY;BYHOUR=9,13,17." : "";
    fail(`FREQ=${freq} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.${hint}`);
  }
  const list = (key: PartKey, min: number, max: number, signed: boolean): number[] | undefined => {
    const raw = parts.get(key);
    return raw === undefined ? undefined : parseIntList(key, raw, min, max, signed);
  };
  const one = (key: PartKey, max: number): number | undefined => {
    const raw = parts.get(key);
    return raw === undefined ? undefined : parseIntValue(key, raw, 1, max, false);
  };
  const byDayRaw = parts.get("BYDAY");
  const untilRaw = parts.get("UNTIL");
  const wkst = parts.get("WKST");
  if (wkst !== undefined && !isWeekday(wkst)) fail(`WKST must be a weekday code such as MO, got "${wkst}".`);
  const parsed: ParsedRule = {
    normalized: "",
    freq: freq as RuleFrequency,
    interval: one("INTERVAL", 9999) ?? 1,
    count: one("COUNT", 9999),
    until: untilRaw === undefined ? undefined : parseUntil(untilRaw),
    byDay: byDayRaw === undefined ? undefined : parseByDay(byDayRaw),
    byMonth: list("BYMONTH", 1, 12, false),
    byMonthDay: list("BYMONTHDAY", 1, 31, true),
    byYearDay: list("BYYEARDAY", 1, 366, true),
    byWeekNo: list("BYWEEKNO", 1, 53, true),
    byHour: list("BYHOUR", 0, 23, false),
    byMinute: list("BYMINUTE", 0, 59, false),
    bySecond: list("BYSECOND", 0, 59, false),
    bySetPos: list("BYSETPOS", 1, 366, true),
    wkst: wkst as WeekdayCode | undefined,
  };
  checkCombinations(parsed);
  parsed.normalized = serialize(parsed, untilRaw);
  return parsed;
}
