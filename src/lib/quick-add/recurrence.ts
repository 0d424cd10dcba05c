// Finds a recurrence phrase ("every mon and wed", "every month on the 1st", "daily", …),
// turns it into rrule options, and computes the first occurrence in the user's zone.
// The regexes only locate phrases; rrule builds, serialises and expands the rule.
import { RRule, type RRuleOptions } from "./rrule-interop";
import type { Span } from "./types";
import { fromFloating, toFloating, addDays, type HMS, type Wall, type YMD } from "./zoned";

export type RecurrenceMatch = Span & { options: Partial<RRuleOptions> };

const WD = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?`;
const WD_LIST = String.raw`${WD}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+)${WD})*`;
const ORD = String.raw`(?:1st|first|2nd|second|3rd|third|4th|fourth|5th|fifth|last|final)`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const END = String.raw`(?![\p{L}\p{N}])`;

const RRULE_DAYS = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];
const DAY_PREFIX = ["su", "mo", "tu", "we", "th", "fr", "sa"];
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1, final: -1 };
/** "every (N|other|second|three) weeks": how many units apart. */
const EVERY_N = String.raw`(?:(other|\d{1,2}(?:st|nd|rd|th)|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|second|third|fourth|fifth|sixth)\s+)`;
const COUNTS: Record<string, number> = {
  other: 2, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6,
};
// "every 3rd month": an ordinal in digits counts like "every third month".
const countOf = (word: string | undefined) => (word ? (COUNTS[word.toLowerCase()] ?? Number(word.replace(/(?:st|nd|rd|th)$/i, ""))) : 1);
const UNIT_FREQ = { day: RRule.DAILY, week: RRule.WEEKLY, month: RRule.MONTHLY, year: RRule.YEARLY } as const;

function weekdaysIn(list: string): number[] {
  const found = list.toLowerCase().match(new RegExp(WD, "giu")) ?? [];
  const idx = found.map((w) => DAY_PREFIX.indexOf(w.slice(0, 2)));
  return [...new Set(idx)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)); // Monday first
}
const byDays = (days: number[]) => days.map((d) => RRULE_DAYS[d]!);

function ordinal(word: string): number {
  const w = word.toLowerCase();
  return ORDINALS[w] ?? Number.parseInt(w, 10);
}

type Pattern = { re: RegExp; build: (m: RegExpExecArray) => Partial<RRuleOptions> | undefined };

const patterns: Pattern[] = [
  {
    // every [N|other] day/week/month/year [on …] ("every year on 7/14" is no day of the month: the date is read as a date)
    re: new RegExp(
      String.raw`\bevery\s+${EVERY_N}?(day|week|month|year)s?${END}` +
        String.raw`(?:\s+on\s+(?:the\s+)?(?:(last)\s+day|(${ORD})\s+(${WD})|(\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:,|and|&)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)*)${END}(?![/.-]\d)|(${WD_LIST})${END}))?`,
      "giu",
    ),
    build: (m) => {
      const unit = m[2]!.toLowerCase() as keyof typeof UNIT_FREQ;
      const interval = countOf(m[1]);
      if (interval < 1) return undefined;
      const opts: Partial<RRuleOptions> = { freq: UNIT_FREQ[unit] };
      if (interval > 1) opts.interval = interval;
      const hasSuffix = m[3] || m[4] || m[6] || m[7];
      if (hasSuffix && unit !== (m[7] ? "week" : "month")) return undefined; // "every day on the 1st" is nonsense
      if (m[3]) opts.bymonthday = [-1];
      else if (m[4]) opts.byweekday = [RRULE_DAYS[weekdaysIn(m[5]!)[0]!]!.nth(ordinal(m[4]))];
      else if (m[6]) {
        // "every month on the 1st and the 15th": each day said.
        const days = [...new Set((m[6].match(/\d{1,2}/g) ?? []).map(Number))].sort((a, b) => a - b);
        if (days.some((day) => day < 1 || day > 31)) return undefined;
        opts.bymonthday = days;
      } else if (m[7]) opts.byweekday = byDays(weekdaysIn(m[7]));
      return opts;
    },
  },
  {
    // "every year on the 9th of october": the repetition alone; the day and month are read as the first date.
    re: new RegExp(String.raw`\bevery\s+(other\s+)?year${END}(?=\s+on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+of\s+[a-z])`, "giu"),
    build: (m) => ({ freq: RRule.YEARLY, ...(m[1] ? { interval: 2 } : {}) }),
  },
  {
    // every weekday; every other weekday (Mon, Wed, Fri, Tue, Thu, …: every second working day)
    re: new RegExp(String.raw`\bevery\s+((?:other|second|alternate)\s+)?(weekday|weekend|work\s?day|business\s+day)s?${END}`, "giu"),
    build: (m) => {
      // "every workday", "every business day": the working days.
      const weekday = !/^weekend$/i.test(m[2]!);
      const days = byDays(weekday ? [1, 2, 3, 4, 5] : [6, 0]);
      if (!m[1]) return { freq: RRule.WEEKLY, byweekday: days };
      return weekday ? { freq: RRule.DAILY, interval: 2, byweekday: days } : { freq: RRule.WEEKLY, interval: 2, byweekday: days };
    },
  },
  {
    // [on] the last friday of the month, the first tuesday of every month, the 2nd monday of every other month,
    // the 2nd and 4th monday of the month
    re: new RegExp(String.raw`\b(?:on\s+)?(?:the\s+)?(${ORD}(?:\s*(?:,|and|&)\s*(?:the\s+)?${ORD})*)\s+(${WD})\s+of\s+(?:the|each|every)\s+${EVERY_N}?months?${END}`, "giu"),
    build: (m) => {
      const interval = countOf(m[3]);
      const day = RRULE_DAYS[weekdaysIn(m[2]!)[0]!]!;
      const nths = [...new Set((m[1]!.match(new RegExp(ORD, "giu")) ?? []).map(ordinal))];
      return { freq: RRule.MONTHLY, ...(interval > 1 ? { interval } : {}), byweekday: nths.map((n) => day.nth(n)) };
    },
  },
  {
    // [on] the last weekday of the month, the first working day of every month
    re: new RegExp(String.raw`\b(?:on\s+)?(?:the\s+)?(first|1st|last)\s+(?:weekday|week\s?day|working\s+day|work\s?day|business\s+day)\s+of\s+(?:the|each|every)\s+${EVERY_N}?months?${END}`, "giu"),
    build: (m) => {
      const interval = countOf(m[2]);
      return { freq: RRule.MONTHLY, ...(interval > 1 ? { interval } : {}), byweekday: byDays([1, 2, 3, 4, 5]), bysetpos: [/last/i.test(m[1]!) ? -1 : 1] };
    },
  },
  {
    // [on] the last day of the month / of every month
    re: new RegExp(String.raw`\b(?:on\s+)?(?:the\s+)?last\s+day\s+of\s+(?:the|each|every)\s+${EVERY_N}?months?${END}`, "giu"),
    build: (m) => {
      const interval = countOf(m[1]);
      return { freq: RRule.MONTHLY, ...(interval > 1 ? { interval } : {}), bymonthday: [-1] };
    },
  },
  {
    // [on] the 15th of every third month, the 15th every 3 months, the 1st of each month, the 1st and 15th of every month
    re: new RegExp(
      String.raw`\b(?:on\s+)?(?:the\s+)?((?:\d{1,2}(?:st|nd|rd|th)\s*(?:,|and|&)\s*(?:the\s+)?)*(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth))\s+(?:of\s+)?(?:every|each)\s+${EVERY_N}?months?${END}`,
      "giu",
    ),
    build: (m) => {
      // "the first of each month": a day of the month said as a word.
      const days = [...m[1]!.matchAll(/\d{1,2}|first|second|third|fourth|fifth/gi)].map((d) => COUNTS[d[0].toLowerCase()] ?? (/^first$/i.test(d[0]) ? 1 : Number(d[0])));
      const interval = countOf(m[2]);
      if (days.some((day) => day < 1 || day > 31) || interval < 1) return undefined;
      return { freq: RRule.MONTHLY, ...(interval > 1 ? { interval } : {}), bymonthday: [...new Set(days)].sort((a, b) => a - b) };
    },
  },
  {
    // every quarter, each quarter, every other quarter: three months apart
    re: new RegExp(String.raw`\b(?:every|each)\s+(other\s+)?quarter${END}`, "giu"),
    build: (m) => ({ freq: RRule.MONTHLY, interval: m[1] ? 6 : 3 }),
  },
  {
    // every night at 10pm, every morning
    re: new RegExp(String.raw`\bevery\s+(?:night|evening|morning|afternoon)${END}`, "giu"),
    build: () => ({ freq: RRule.DAILY }),
  },
  {
    // "mon-fri", "monday through friday", "every tuesday to thursday": each day of a run of weekdays (a plain "to"
    // needs "every": "from monday to friday" may be a move)
    re: new RegExp(String.raw`\b(?:(every)\s+)?(${WD})(?:\s*[-–]\s*|\s+(?:through|thru)\s+|\s+(to)\s+)(${WD})${END}`, "giu"),
    build: (m) => {
      if (m[3] && !m[1]) return undefined;
      const [from, to] = [weekdaysIn(m[2]!)[0]!, weekdaysIn(m[4]!)[0]!];
      if (from === to) return undefined;
      const days: number[] = [];
      for (let d = from; days.length < 7; d = (d + 1) % 7) {
        days.push(d);
        if (d === to) break;
      }
      return { freq: RRule.WEEKLY, byweekday: byDays(days.sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))) };
    },
  },
  {
    // every [other] mon, wed and fri
    re: new RegExp(String.raw`\bevery\s+(other\s+)?(${WD_LIST})${END}`, "giu"),
    build: (m) => ({ freq: RRule.WEEKLY, ...(m[1] ? { interval: 2 } : {}), byweekday: byDays(weekdaysIn(m[2]!)) }),
  },
  {
    // every last friday [of the month], every 2nd tuesday
    re: new RegExp(String.raw`\bevery\s+(${ORD})\s+(${WD})${END}(?:\s+of\s+(?:the|each|every)\s+month${END})?`, "giu"),
    build: (m) => ({ freq: RRule.MONTHLY, byweekday: [RRULE_DAYS[weekdaysIn(m[2]!)[0]!]!.nth(ordinal(m[1]!))] }),
  },
  {
    // "every june 30th", "every 30th of june": once a year; the day and month are read as the first date.
    re: new RegExp(String.raw`\bevery(?=\s+${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?${END}|\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}${END})`, "giu"),
    build: () => ({ freq: RRule.YEARLY }),
  },
  {
    // every 15th [of the month] (not "every 30th of june", which is once a year)
    re: new RegExp(String.raw`\bevery\s+(\d{1,2})(?:st|nd|rd|th)${END}(?!\s+(?:of\s+)?${MONTH}${END})(?:\s+of\s+(?:the|each|every)\s+month${END})?`, "giu"),
    build: (m) => {
      const day = Number(m[1]);
      return day >= 1 && day <= 31 ? { freq: RRule.MONTHLY, bymonthday: [day] } : undefined;
    },
  },
  {
    // "check the mail weekdays", "gym on weekends": the plural alone, at the end or before the time, repeats
    re: new RegExp(String.raw`\b(?:on\s+)?(weekdays|weekends)(?=\s*$|\s*[#@!_,.;]|\s+(?:at|from|starting|p[1-4])${END})`, "giu"),
    build: (m) => ({ freq: RRule.WEEKLY, byweekday: byDays(/^weekdays$/i.test(m[1]!) ? [1, 2, 3, 4, 5] : [6, 0]) }),
  },
  {
    // "fortnightly on fridays", "weekly on mon and thu": the adverb, then the days it falls on
    re: new RegExp(String.raw`\b(weekly|fortnightly)\s+on\s+(${WD_LIST})${END}`, "giu"),
    build: (m) => ({ freq: RRule.WEEKLY, ...(/^fortnightly$/i.test(m[1]!) ? { interval: 2 } : {}), byweekday: byDays(weekdaysIn(m[2]!)) }),
  },
  {
    // Bare adverbs are common in titles ("Weekly report"), so they count only when nothing
    // but the end, another token or a scheduling word follows them.
    re: new RegExp(
      String.raw`\b(daily|weekly|fortnightly|monthly|quarterly|yearly|annually)(?=\s*$|\s*[#@!_,.;]|\s+(?:p[1-4]|at|on|from|starting|by|due|until|remind|in|and|today|tomorrow|next|this)${END})`,
      "giu",
    ),
    build: (m) => {
      const word = m[1]!.toLowerCase();
      if (word === "fortnightly") return { freq: RRule.WEEKLY, interval: 2 };
      if (word === "quarterly") return { freq: RRule.MONTHLY, interval: 3 };
      const freq = { daily: RRule.DAILY, weekly: RRule.WEEKLY, monthly: RRule.MONTHLY }[word] ?? RRule.YEARLY;
      return { freq };
    },
  },
];

/** The leftmost (then longest) recurrence phrase in `text`, if any. */
export function findRecurrence(text: string): RecurrenceMatch | undefined {
  let best: RecurrenceMatch | undefined;
  for (const { re, build } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const options = build(m);
      const cand = { start: m.index, end: m.index + m[0].length, options };
      if (!options) continue;
      if (!best || cand.start < best.start || (cand.start === best.start && cand.end > best.end)) {
        best = cand as RecurrenceMatch;
      }
      break;
    }
  }
  return best;
}

/** "FREQ=MONTHLY;BYMONTHDAY=1" — no DTSTART, no "RRULE:" prefix. */
export function ruleString(options: Partial<RRuleOptions>): string {
  return RRule.optionsToString(options).replace(/^RRULE:/, "");
}

/**
 * First occurrence at or after `nowWall` (the user's wall clock). With a time, that time on
 * the first matching day not yet past; without one, the first matching day from today.
 * Returns a wall clock; the caller converts it to an instant in the zone.
 */
export function firstOccurrence(options: Partial<RRuleOptions>, nowWall: Wall, time?: HMS): Wall | undefined {
  const today: YMD = { year: nowWall.year, month: nowWall.month, day: nowWall.day };
  let startDay = today;
  if (time && toFloating({ ...today, ...time }) < toFloating(nowWall)) startDay = addDays(today, 1);
  const dtstart = toFloating({ ...startDay, ...(time ?? { hour: 0, minute: 0, second: 0 }) });
  // "every 2 weeks on monday" starts on the coming Monday, not on a Monday two weeks out because
  // this week's has passed: the interval counts from the first day that fits, which anchors the series.
  const { interval: _interval, ...everyOne } = options;
  const next = new RRule({ ...everyOne, dtstart }).after(dtstart, true);
  return next ? fromFloating(next) : undefined;
}
