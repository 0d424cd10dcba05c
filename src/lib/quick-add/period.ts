// A stretch of calendar named in words — "next week", "this month", "april" — for choosing one
// occurrence of a series by when it falls ("skip next month's rent", "no standup next week").
import { addDays, wallClock, weekdayOf, zonedInstant, MIDNIGHT, type YMD } from "./zoned";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** The words of a period, for grammars that need to find one inside a sentence. */
export const PERIOD_WORDS = String.raw`(?:(?:this|next|the\s+coming|the\s+following)\s+(?:week|month)|${MONTH_WORD})`;

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The period `text` names exactly (nothing else in it), in the user's zone; undefined otherwise. */
export function parsePeriod(text: string, ctx: { now: Date; timeZone: string }): Period | undefined {
  const words = text.trim().toLowerCase().replace(/^(?:in|for|during|of)\s+/, "").replace(/'s?$/, "");
  const today = wallClock(ctx.now, ctx.timeZone);
  const span = (start: YMD, end: YMD): Period => ({ from: zonedInstant(start, MIDNIGHT, ctx.timeZone), to: zonedInstant(end, MIDNIGHT, ctx.timeZone) });
  const monthStart = (year: number, month: number): YMD => (month > 12 ? { year: year + 1, month: month - 12, day: 1 } : { year, month, day: 1 });
  const week = /^(this|next|the\s+coming|the\s+following)\s+week$/.exec(words);
  if (week) {
    const monday = addDays(today, -((weekdayOf(today) + 6) % 7) + (week[1] === "this" ? 0 : 7));
    return span(monday, addDays(monday, 7));
  }
  const month = /^(this|next|the\s+coming|the\s+following)\s+month$/.exec(words);
  if (month) {
    const start = monthStart(today.year, today.month + (month[1] === "this" ? 0 : 1));
    return span(start, monthStart(start.year, start.month + 1));
  }
  if (new RegExp(String.raw`^${MONTH_WORD}$`).test(words)) {
    // A month alone is the next one of that name: this month's, or next year's once it has passed.
    const named = MONTHS.indexOf(words.slice(0, 3)) + 1;
    const start = { year: named < today.month ? today.year + 1 : today.year, month: named, day: 1 };
    return span(start, monthStart(start.year, start.month + 1));
  }
  return undefined;
}
