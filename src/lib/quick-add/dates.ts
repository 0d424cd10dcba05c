// chrono-node glue: finds the due date/time in (masked) text and reports wall-clock parts.
// chrono evaluates relative words against a fixed UTC offset; we give it the zone's offset
// at `now` (so "today"/"tomorrow" are the user's days) and then rebuild the instant from the
// wall-clock parts with the real IANA zone, so a DST change before the due day is honoured.
import * as chrono from "chrono-node";
import type { Span } from "./types";
import { addDays, offsetMinutes, wallClock, weekdayOf, type HMS, type YMD } from "./zoned";
import { daysInMonth } from "../days-in-month";

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

// "on the 9th of october": chrono's date starts at "9th"; the article goes with the cue.
// "around noon", "at like 10", "at about 5": a time said loosely is still the time.
const CUE_BEFORE = /(?:^|\s)((?:due(?:\s+(?:on|by|at))?|starting(?:\s+(?:on|from))?|from|by|on|(?:at\s+)?(?:around|about|roughly|approximately|like)|at|until|before)\s+(?:the\s+)?)$/i;
const WEEKDAY_ABBREV = /^(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)$/i;
const NEXT_WEEKDAY = /^next\s+(mon|tue|wed|thu|fri|sat|sun)/i;
const DAY_PREFIX = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
// chrono implies an hour for these without marking it certain; they still name a time.
const TIMED_CASUAL = /^casualReference\/(now|tonight|morning|afternoon|evening|noon|midnight)/;

/**
 * Clock times said in words, which chrono does not read: "half past 4", "quarter past 10", "quarter to 9" (the
 * hour before, 45 minutes in). Without am/pm the hour is read like any other bare hour (see isDaytimeHour).
 */
// "at half 5": British for half past five (only after "at", where it cannot be half of something).
const WORDED_TIME = /(?<![\p{L}\p{N}])(?:at\s+)?(half|(?:a\s+)?quarter)\s+(past|after|to|before|til)\s+(\d{1,2})(?:\s*(am|pm|a\.m\.|p\.m\.))?(?![\p{L}\p{N}:])|(?<![\p{L}\p{N}])at\s+(half)\s+(\d{1,2})(?:\s*(am|pm|a\.m\.|p\.m\.))?(?![\p{L}\p{N}:])/iu;

const casualWithWordedTimes = chrono.casual.clone();
casualWithWordedTimes.parsers.push({
  pattern: () => WORDED_TIME,
  extract: (_context, match) => {
    // "at half 5" is "half past 5".
    if (match[5]) [match[1], match[2], match[3], match[4]] = [match[5], "past", match[6]!, match[7]!];
    let hour = Number(match[3]);
    if (hour < 1 || hour > 12) return null;
    const before = /^(?:to|before|til)$/i.test(match[2]!);
    if (before && /^half$/i.test(match[1]!)) return null; // "half to 4" is no time anyone says
    const minute = /^half$/i.test(match[1]!) ? 30 : before ? 45 : 15;
    if (before) hour = hour === 1 ? 12 : hour - 1;
    const meridiem = match[4]?.[0]?.toLowerCase();
    if (meridiem === "p" && hour < 12) hour += 12;
    else if (meridiem === "a" && hour === 12) hour = 0;
    return meridiem ? { hour, minute, meridiem: hour >= 12 ? 1 : 0 } : { hour, minute };
  },
});

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
    date = comingWeekday(wallClock(ctx.now, ctx.timeZone), nextWd[1]!);
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
  const rest = casualWithWordedTimes.parse(masked, reference(ctx), { forwardDate: true }).find((x) => x.index === from);
  return rest && namesDay(rest) ? rest : r;
}

/** "slides for Monday's meeting": a day in the possessive names what the task is about, not when it is due. */
const possessive = (r: chrono.ParsedResult, text: string) => /^['’]s?(?![\p{L}\p{N}])/u.test(text.slice(r.index + r.text.length)) && !r.start.isCertain("hour");

export function parseResults(text: string, ctx: Ctx): chrono.ParsedResult[] {
  const parsed = casualWithWordedTimes
    .parse(text, reference(ctx), { forwardDate: true })
    .map((r) => unglued(r, text, ctx))
    .filter((r) => isPlausible(r, text));
  // Only when another phrase gives the date: alone, "monday's" still says which day ("skip monday's standup").
  const found = parsed.some((r) => !possessive(r, text)) ? parsed.filter((r) => !possessive(r, text)) : parsed;
  // "morning run tomorrow at 7am": beside a phrase that names the day, a lone part of the day is a title word.
  return found.some(namesDay) ? found.filter((r) => !onlyPartOfDay(r)) : found;
}

// "on the 25th", "by the 3rd": a day of the month chrono does not read on its own. Not "the 15th of
// every month" (recurrence is masked before dates are looked for) nor "the 2nd floor". A masked token
// ("_", a #tag already read) ends the phrase like punctuation does.
// "on thursday the 19th": the weekday said before the day of the month is part of the same date.
const ORDINAL_DAY = /(?:^|\s)((?:(?:due|on|by|before|until|till|for|starting(?:\s+(?:on|from))?|from|beginning)\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?the\s+(\d{1,2})(?:st|nd|rd|th))(?=\s*$|\s*[,.;!?#@_]|\s+(?:at|by|due|in|and|remind|p[1-4])\b)/i;

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

const WEEKDAY_WORD = String.raw`(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|(?:tues|wednes|thurs|satur)day`;
const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const countOf = (word: string) => COUNT_WORDS[word.toLowerCase()] ?? Number(word);
/** A word starts here (not "pizza week from today"), optionally after the word that cues a date. */
const CUE = String.raw`(?<![\p{L}\p{N}])(?:(?:due|on|by|before|until|till|for)\s+)?`;
const AFTER_DAY = String.raw`(?![\p{L}\p{N}])`;

/** The coming day of that name; said on that very weekday it is next week's (as findWhen reads a bare weekday). */
function comingWeekday(today: YMD, word: string): YMD {
  const target = DAY_PREFIX.indexOf(word.slice(0, 3).toLowerCase());
  return addDays(today, (target - weekdayOf(today) + 7) % 7 || 7);
}

/** The same day `months` months on, or the month's last day when it is shorter ("in a month" from 31 Jan is 28 Feb). */
function addMonths(today: YMD, months: number): YMD {
  const index = today.year * 12 + (today.month - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  return { year, month, day: Math.min(today.day, daysInMonth(year, month)) };
}

/** Days chrono does not count: each reads the phrase and gives the day it names. */
const NAMED_DAYS: { re: RegExp; day: (m: RegExpExecArray, today: YMD) => YMD | undefined }[] = [
  {
    // "in a month", "in 2 months", "a month from today", "in a month's time": the same day that many months on
    re: new RegExp(String.raw`${CUE}(?:in\s+(a|an|one|two|three|four|five|six|\d{1,2})\s+months?(?:'s?\s+time)?|(a|an|one|two|three|four|five|six|\d{1,2})\s+months?\s+from\s+(?:today|now))${AFTER_DAY}`, "iu"),
    day: (m, today) => addMonths(today, countOf(m[1] ?? m[2]!)),
  },
  {
    // "a week from today", "two weeks from friday", "3 days from tomorrow", "a fortnight from monday"
    re: new RegExp(String.raw`${CUE}(a|an|one|two|three|four|five|six|\d{1,2})\s+(days?|weeks?|fortnights?)\s+from\s+(today|now|tomorrow|${WEEKDAY_WORD})${AFTER_DAY}`, "iu"),
    day: (m, today) => {
      const from = /^(?:today|now)$/i.test(m[3]!) ? today : /^tomorrow$/i.test(m[3]!) ? addDays(today, 1) : comingWeekday(today, m[3]!);
      const per = /^day/i.test(m[2]!) ? 1 : /^week/i.test(m[2]!) ? 7 : 14;
      return addDays(from, countOf(m[1]!) * per);
    },
  },
  {
    // "in 2 wks", "in 3 wk": weeks abbreviated as people type them (chrono reads only "weeks")
    re: new RegExp(String.raw`${CUE}in\s+(a|an|one|two|three|four|five|six|\d{1,2})\s*wks?${AFTER_DAY}`, "iu"),
    day: (m, today) => addDays(today, countOf(m[1]!) * 7),
  },
  {
    // "day after tomorrow" typed without its article (chrono reads only "the day after tomorrow")
    re: new RegExp(String.raw`${CUE}(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw|tmr)${AFTER_DAY}`, "iu"),
    day: (_m, today) => addDays(today, 2),
  },
  {
    // "in a fortnight", "in 2 fortnights", "a fortnight today"
    re: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:in\s+(a|one|two|\d)\s+fortnights?(?:'s?\s+time)?|(a)\s+fortnight\s+today)${AFTER_DAY}`, "iu"),
    day: (m, today) => addDays(today, countOf(m[1] ?? m[2]!) * 14),
  },
  {
    // "by the end of the work week", "end of the business week", "by end of the week", "eow": its Friday (a deadline
    // said by the week's end is the last working day of it)
    re: new RegExp(String.raw`${CUE}(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:(?:work(?:ing)?|business)[\s-]?)?week|eow)${AFTER_DAY}`, "iu"),
    day: (_m, today) => addDays(today, (5 - weekdayOf(today) + 7) % 7),
  },
  {
    // "by month end", "the month-end", "end of month", "by the end of this month": the last day of this month
    re: new RegExp(String.raw`${CUE}(?:the\s+)?(?:month[\s-]end|end\s+of\s+(?:the\s+|this\s+)?month)${AFTER_DAY}`, "iu"),
    day: (_m, today) => ({ year: today.year, month: today.month, day: daysInMonth(today.year, today.month) }),
  },
  {
    // "next month on the 5th", "the 5th of next month", "on the 5th next month"
    re: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:next\s+month\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)|${CUE}the\s+(\d{1,2})(?:st|nd|rd|th)\s+(?:of\s+)?next\s+month)${AFTER_DAY}`, "iu"),
    day: (m, today) => {
      const day = Number(m[1] ?? m[2]);
      const [year, month] = today.month === 12 ? [today.year + 1, 1] : [today.year, today.month + 1];
      return day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;
    },
  },
];

function namedDay(text: string, ctx: Ctx): When | undefined {
  const today = wallClock(ctx.now, ctx.timeZone);
  for (const { re, day } of NAMED_DAYS) {
    const m = re.exec(text);
    const date = m ? day(m, today) : undefined;
    if (m && date) {
      const start = m.index + (/^\s/.test(m[0]) ? m[0].length - m[0].trimStart().length : 0);
      return { spans: [{ start, end: m.index + m[0].length }], date: { year: date.year, month: date.month, day: date.day }, dateExplicit: true };
    }
  }
  return undefined;
}

/**
 * The due date in `text`. A date-only and a time-only phrase are merged
 * ("tomorrow #work 5pm"); further date phrases are left in the title.
 */
export function findWhen(text: string, ctx: Ctx): When | undefined {
  const ordinal = namedDay(text, ctx) ?? ordinalDay(text, ctx);
  if (ordinal) {
    const span = ordinal.spans[0]!;
    // The day's words hidden, so chrono cannot glue the time onto part of them ("two weeks from monday at 10").
    const hidden = text.slice(0, span.start) + "_".repeat(span.end - span.start) + text.slice(span.end);
    const time = parseResults(hidden, ctx)
      .filter((r) => r.index + r.text.length <= span.start || r.index >= span.end)
      .map((r) => toWhen(r, hidden, ctx))
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
