import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";

/** One open task with a due date, as the feed shows it. */
export interface FeedTask {
  id: string;
  title: string;
  description: string;
  dueAt: Date;
  allDay: boolean;
  priority: "low" | "medium" | "high" | "urgent";
  categoryName: string | null;
  tagNames: string[];
  /** RRULE text (no DTSTART) when the series repeats from its due dates; null otherwise. */
  recurrenceRule: string | null;
  recurrenceBasis: "due" | "completion";
  /** 1-based position in its series: a COUNT in the rule counts from the series' first occurrence. */
  occurrenceIndex: number;
  /** Skipped occurrences of the series. */
  exdates: Date[];
  /** The rule date this occurrence stands for when it was moved (then dueAt is where it went); null = dueAt. */
  occurrenceDate: Date | null;
  /** Later occurrences moved off their rule date. */
  moves: { from: Date; to: Date }[];
  updatedAt: Date;
}

/** RFC 5545 PRIORITY: 1 is highest, 9 lowest. */
const PRIORITY = { urgent: 1, high: 3, medium: 5, low: 9 } as const;
/** A timed task shows as a short block at its due time. */
const TIMED_MINUTES = 30;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const localDate = (at: Date, timeZone: string) => {
  const z = new TZDate(at.getTime(), timeZone);
  return { y: z.getFullYear(), m: z.getMonth() + 1, d: z.getDate(), hh: z.getHours(), mm: z.getMinutes(), ss: z.getSeconds() };
};
const icsDate = (at: Date, timeZone: string) => {
  const l = localDate(at, timeZone);
  return `${pad(l.y, 4)}${pad(l.m)}${pad(l.d)}`;
};
const icsLocalDateTime = (at: Date, timeZone: string) => {
  const l = localDate(at, timeZone);
  return `${icsDate(at, timeZone)}T${pad(l.hh)}${pad(l.mm)}${pad(l.ss)}`;
};

/**
 * The rule as the feed's event carries it: starting at this occurrence, so a COUNT shrinks by the occurrences
 * already behind; null when nothing repeats from here (the last one, or repeats counted from completion, which
 * no calendar can express).
 */
export function feedRule(task: Pick<FeedTask, "recurrenceRule" | "recurrenceBasis" | "occurrenceIndex">): string | null {
  if (!task.recurrenceRule || task.recurrenceBasis !== "due") return null;
  const rule = task.recurrenceRule.replace(/^RRULE:/i, "").trim();
  const count = /(?:^|;)COUNT=(\d+)/i.exec(rule);
  if (!count) return rule;
  const remaining = Number(count[1]) - (task.occurrenceIndex - 1);
  if (remaining <= 1) return null;
  return rule.replace(/COUNT=\d+/i, `COUNT=${remaining}`);
}

/**
 * The user's open dated tasks as iCalendar: all-day tasks as DATE events, timed ones at their local time with the
 * user's TZID (and its VTIMEZONE), the series' RRULE and EXDATEs, PRIORITY and CATEGORIES (category, then tags).
 */
export function buildCalendarFeed(input: { userName: string; timeZone: string; tasks: readonly FeedTask[]; now: Date }): string {
  const { timeZone } = input;
  const zoned = timeZone !== "UTC";
  const calendar = ical({ name: `Cadence — ${input.userName}`, prodId: { company: "Cadence", product: "tasks", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  calendar.ttl(15 * 60);
  if (zoned) calendar.timezone({ name: timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null });

  for (const task of input.tasks) {
    const rule = feedRule(task);
    // A moved occurrence leaves its rule date (an EXDATE of the series) and shows as its own event where it went.
    const seriesStart = rule && task.occurrenceDate ? task.occurrenceDate : task.dueAt;
    const singles: { key: string; at: Date }[] = [];
    const exdates = rule ? [...task.exdates] : [];
    if (rule && seriesStart.getTime() !== task.dueAt.getTime()) {
      exdates.push(seriesStart);
      singles.push({ key: "current", at: task.dueAt });
    }
    if (rule) {
      for (const move of task.moves) {
        if (move.from.getTime() === seriesStart.getTime()) continue;
        exdates.push(move.from);
        singles.push({ key: `moved-${move.from.getTime()}`, at: move.to });
      }
    }
    let repeating: string | null = null;
    if (rule) {
      const lines = [`RRULE:${rule}`];
      if (exdates.length > 0) {
        lines.push(
          task.allDay
            ? `EXDATE;VALUE=DATE:${exdates.map((d) => icsDate(d, timeZone)).join(",")}`
            : zoned
              ? `EXDATE;TZID=${timeZone}:${exdates.map((d) => icsLocalDateTime(d, timeZone)).join(",")}`
              : `EXDATE:${exdates.map((d) => `${icsLocalDateTime(d, "UTC")}Z`).join(",")}`,
        );
      }
      repeating = lines.join("\r\n");
    }
    const categories = [task.categoryName, ...task.tagNames].filter((name): name is string => Boolean(name)).map((name) => ({ name }));
    const common: { id: string; summary: string; description: string | null; priority: number; categories: { name: string }[]; repeating: string | null; stamp: Date; lastModified: Date } = {
      id: `${task.id}@cadence`,
      summary: task.title,
      description: task.description || null,
      priority: PRIORITY[task.priority],
      categories,
      repeating,
      stamp: input.now,
      lastModified: task.updatedAt,
    };
    addEvent(common, seriesStart);
    for (const single of singles) addEvent({ ...common, id: `${task.id}-${single.key}@cadence`, repeating: null }, single.at);

    function addEvent(event: typeof common, at: Date) {
      if (task.allDay) {
        // The due date in the user's zone, as a floating DATE (a whole day wherever the calendar is). ical-generator
        // reads a floating date with the process's local getters, hence local noon of that calendar day.
        const l = localDate(at, timeZone);
        calendar.createEvent({ ...event, allDay: true, start: new Date(l.y, l.m - 1, l.d, 12), timezone: null, floating: true });
      } else {
        const end = new Date(at.getTime() + TIMED_MINUTES * 60_000);
        calendar.createEvent({
          ...event,
          start: zoned ? new TZDate(at.getTime(), timeZone) : at,
          end: zoned ? new TZDate(end.getTime(), timeZone) : end,
          timezone: zoned ? timeZone : null,
        });
      }
    }
  }
  return calendar.toString();
}
