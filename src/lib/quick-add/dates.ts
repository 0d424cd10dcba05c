// chrono-node glue: finds the due date/time in (masked) text and reports wall-clock parts.
// chrono evaluates relative words against a fixed UTC offset; we give it the zone's offset
// at `now` (so "today"/"tomorrow" are the user's days) and then rebuild the instant from the
// wall-clock parts with the real IANA zone, so a DST change before the due day is honoured.
import * as chrono from "chrono-node";
import type { Span } from "./types";
import { addDays, offsetMinutes, wallClock, weekdayOf, type HMS, type YMD } from "./zoned";

export type When = {
  spans: Span[];
  /** Calendar day (chrono's guess when `dateExplicit` is false: today, or tomorrow for a past time). */
  date: YMD;
  /** True when the text named a day ("tomorrow", "fri", "Jan 12"), not only a time. */
  dateExplicit: boolean;
  time?: HMS;
  /** Set for phrases that are an exact instant ("in 3 hours", "now", "5pm EST"). */
  exact?: Date;
};

type Ctx = { now: Date; timeZone: string };

const CUE_BEFORE = /(?:^|\s)((?:due(?:\s+(?:on|by|at))?|starting(?:\s+(?:on|from))?|from|by|on|at|until|before)\s+)$/i;
const WEEKDAY_ABBREV = /^(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)$/i;
const NEXT_WEEKDAY = /^next\s+(mon|tue|wed|thu|fri|sat|sun)/i;
const DAY_PREFIX = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
// chrono implies an hour for these without marking it certain; they still name a time.
const TIMED_CASUAL = /^casualReference\/(now|tonight|morning|afternoon|evening|noon|midnight)/;

function reference(ctx: Ctx) {
  return { instant: ctx.now, timezone: offsetMinutes(ctx.timeZone, ctx.now) };
}

function hasTime(r: chrono.ParsedResult): boolean {
  return r.start.isCertain("hour") || [...r.tags()].some((t) => TIMED_CASUAL.test(t));
}
function hasDay(r: chrono.ParsedResult): boolean {
  return r.start.isCertain("day") || r.start.isCertain("weekday");
}

/** Rejects matches that are more likely part of the title: "March band", "Buy sat nav". */
function isPlausible(r: chrono.ParsedResult, text: string): boolean {
  if (!hasDay(r) && !hasTime(r)) return false; // month-only or year-only
  const cue = CUE_BEFORE.test(text.slice(0, r.index));
  if (WEEKDAY_ABBREV.test(r.text.trim()) && !cue && !endsText(r, text)) return false;
  return true;
}

/**
 * "get the car washed sat": a day's abbreviation as the last word is the date, as people type it at the end
 * of a task; not after an article or possessive ("watch the sun"), and not mid-title ("buy sat nav").
 */
function endsText(r: chrono.ParsedResult, text: string): boolean {
  const after = text.slice(r.index + r.text.length);
  return /^[\s,.!]*$/.test(after) && !/(?:^|\s)(?:the|a|an|my|your|his|her|our|their|this|that)\s+$/i.test(text.slice(0, r.index));
}

/** A bare weekday ("wed", "on wednesday at 2pm") that chrono read as today. */
function isTodaysWeekday(r: chrono.ParsedResult, date: YMD, ctx: Ctx): boolean {
  if (!r.start.isCertain("weekday") || r.start.isCertain("day") || /\b(?:this|today|tonight)\b/i.test(r.text)) return false;
  const today = wallClock(ctx.now, ctx.timeZone);
  return today.year === date.year && today.month === date.month && today.day === date.day;
}

const MORNING = /\b(?:morning|mornings|breakfast|a\.?m\.?|early)\b/i;

/**
 * A clock hour said without am/pm ("at 4:30", "at 3") from 1 to 7 means the afternoon or evening:
 * people rarely plan for 4:30 at night without saying so. Not when the words say morning.
 */
function isDaytimeHour(r: chrono.ParsedResult, text: string): boolean {
  const hour = r.start.get("hour") ?? 0;
  if (r.start.isCertain("meridiem") || hour < 1 || hour > 7 || !r.start.isCertain("hour")) return false;
  return !MORNING.test(text) && ![...r.tags()].some((t) => /casualReference\/morning/.test(t));
}

function toWhen(r: chrono.ParsedResult, text: string, ctx: Ctx): When {
  const c = r.start;
  let date: YMD = { year: c.get("year")!, month: c.get("month")!, day: c.get("day")! };
  const nextWd = NEXT_WEEKDAY.exec(r.text);
  if (nextWd) {
    // chrono reads "next fri" as Friday of next week; people mean the coming Friday.
    const now = wallClock(ctx.now, ctx.timeZone);
    const target = DAY_PREFIX.indexOf(nextWd[1]!.toLowerCase());
    const ahead = (target - weekdayOf(now) + 7) % 7 || 7;
    date = addDays(now, ahead);
  } else if (isTodaysWeekday(r, date, ctx)) {
    // "wednesday" said on a Wednesday means next week's; "today" or "this wednesday" say so when not.
    date = addDays(date, 7);
  }
  const time = hasTime(r) ? { hour: c.get("hour") ?? 0, minute: c.get("minute") ?? 0, second: c.get("second") ?? 0 } : undefined;
  // "saturday morning" with no clock time: 9am, as a snooze "until tomorrow morning" is (chrono says 6am).
  if (time && !c.isCertain("hour") && [...r.tags()].some((t) => /casualReference\/morning/.test(t))) [time.hour, time.minute, time.second] = [9, 0, 0];
  if (time && isDaytimeHour(r, text)) {
    time.hour += 12;
    // chrono dated the morning hour; the afternoon one is still today when it has not passed yet.
    if (!hasDay(r)) {
      const now = wallClock(ctx.now, ctx.timeZone);
      date = time.hour * 60 + time.minute > now.hour * 60 + now.minute ? now : addDays(now, 1);
    }
  }
  const cue = CUE_BEFORE.exec(text.slice(0, r.index));
  const start = r.index - (cue?.[1]?.length ?? 0);
  const when: When = { spans: [{ start, end: r.index + r.text.length }], date, dateExplicit: hasDay(r), time };
  if (c.isCertain("timezoneOffset") && !nextWd) when.exact = r.date();
  return when;
}

const PART_OF_DAY = /^(?:morning|afternoon|evening|night)\s+/i;
const namesDay = (r: chrono.ParsedResult) => r.start.isCertain("day") || r.start.isCertain("weekday");
const onlyPartOfDay = (r: chrono.ParsedResult) => !namesDay(r) && !r.start.isCertain("hour") && [...r.tags()].some((t) => /casualReference\/(?:morning|afternoon|evening|night)/.test(t));

/**
 * "parents evening thursday 6pm", "date night friday 8pm": chrono glues the part of the day onto the date
 * after it and loses the weekday. When the words after it name a day, they are the date and the part of
 * the day stays in the title.
 */
function unglued(r: chrono.ParsedResult, text: string, ctx: Ctx): chrono.ParsedResult {
  const m = PART_OF_DAY.exec(r.text);
  if (!m || namesDay(r)) return r;
  const from = r.index + m[0].length;
  const word = m[0].trimEnd().length;
  const masked = text.slice(0, r.index) + "_".repeat(word) + text.slice(r.index + word);
  const rest = chrono.parse(masked, reference(ctx), { forwardDate: true }).find((x) => x.index === from);
  return rest && namesDay(rest) ? rest : r;
}

export function parseResults(text: string, ctx: Ctx): chrono.ParsedResult[] {
  const found = chrono
    .parse(text, reference(ctx), { forwardDate: true })
    .map((r) => unglued(r, text, ctx))
    .filter((r) => isPlausible(r, text));
  // "morning run tomorrow at 7am": beside a phrase that names the day, a lone part of the day is a title word.
  return found.some(namesDay) ? found.filter((r) => !onlyPartOfDay(r)) : found;
}

// "on the 25th", "by the 3rd": a day of the month chrono does not read on its own. Not "the 15th of
// every month" (recurrence is masked before dates are looked for) nor "the 2nd floor". A masked token
// ("_", a #tag already read) ends the phrase like punctuation does.
const ORDINAL_DAY = /(?:^|\s)((?:(?:due|on|by|before|until|till|for)\s+)?the\s+(\d{1,2})(?:st|nd|rd|th))(?=\s*$|\s*[,.;!?#@_]|\s+(?:at|by|due|in|and|remind|p[1-4])\b)/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The next day numbered `day` from today (this month if it is still ahead, else the next month that has it). */
function ordinalDay(text: string, ctx: Ctx): When | undefined {
  const m = ORDINAL_DAY.exec(text);
  if (!m) return undefined;
  const day = Number(m[2]);
  const today = wallClock(ctx.now, ctx.timeZone);
  let { year, month } = today;
  if (day < today.day) month += 1;
  for (let tries = 0; tries < 12; tries += 1) {
    if (month > 12) [year, month] = [year + 1, 1];
    if (day >= 1 && day <= daysInMonth(year, month)) {
      const start = m.index + m[0].length - m[1]!.length;
      return { spans: [{ start, end: start + m[1]!.length }], date: { year, month, day }, dateExplicit: true };
    }
    month += 1;
  }
  return undefined;
}

/**
 * The due date in `text`. A date-only and a time-only phrase are merged
 * ("tomorrow #work 5pm"); further date phrases are left in the title.
 */
export function findWhen(text: string, ctx: Ctx): When | undefined {
  const ordinal = ordinalDay(text, ctx);
  if (ordinal) {
    const span = ordinal.spans[0]!;
    const time = parseResults(text, ctx)
      .filter((r) => r.index + r.text.length <= span.start || r.index >= span.end)
      .map((r) => toWhen(r, text, ctx))
      .find((w) => w.time && !w.dateExplicit && !w.exact);
    return time ? { ...ordinal, spans: [span, ...time.spans], time: time.time } : ordinal;
  }
  const [first, ...rest] = parseResults(text, ctx);
  if (!first) return undefined;
  const when = toWhen(first, text, ctx);
  if (when.exact) return when;
  const partner = rest
    .map((r) => toWhen(r, text, ctx))
    .find((w) => !w.exact && (when.time ? w.dateExplicit && !w.time && !when.dateExplicit : w.time && !w.dateExplicit));
  if (!partner) return when;
  return {
    spans: [...when.spans, ...partner.spans],
    date: when.dateExplicit ? when.date : partner.date,
    dateExplicit: true,
    time: when.time ?? partner.time,
  };
}

/** A date phrase that starts exactly at `text`'s beginning (after spaces), for "remind … at 4pm". */
export function whenAtStart(text: string, ctx: Ctx): When | undefined {
  const lead = /^\s*(?:(?:at|on)\s+)?/i.exec(text)?.[0].length ?? 0;
  const bare = text.length - text.trimStart().length;
  const r = parseResults(text, ctx).find((x) => x.index === lead || x.index === bare);
  return r ? toWhen(r, text, ctx) : undefined;
}
