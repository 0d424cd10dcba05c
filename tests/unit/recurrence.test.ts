import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { nextOccurrence, previewOccurrences, RecurrenceRuleError } from "@/lib/recurrence";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";

/** "2026-01-09 09:00" wall-clock in `tz` → instant. */
function at(wallClock: string, tz: string): Date {
  const [y, mo, d, h, mi] = wallClock.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, tz).getTime());
}

/** Instant → "2026-01-09 Fri 09:00" as a person in `tz` reads it. */
function local(date: Date | null, tz: string): string | null {
  return date && format(new TZDate(date.getTime(), tz), "yyyy-MM-dd EEE HH:mm");
}

function preview(rule: string, start: string, tz: string, count: number): string[] {
  return previewOccurrences({ rule, start: at(start, tz), timeZone: tz, count }).map((d) => local(d, tz)!);
}

function next(rule: string, after: string, seriesStart: string, tz: string, occurrencesSoFar?: number): string | null {
  return local(nextOccurrence({ rule, after: at(after, tz), seriesStart: at(seriesStart, tz), timeZone: tz, occurrencesSoFar }), tz);
}

describe("nextOccurrence / previewOccurrences: common patterns", () => {
  it("daily repeats the next day at the start's time", () => {
    expect(next("FREQ=DAILY", "2026-01-05 09:00", "2026-01-05 09:00", BERLIN)).toBe("2026-01-06 Tue 09:00");
  });

  it("weekdays jump from Friday to Monday", () => {
    expect(next("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-01-09 09:00", "2026-01-05 09:00", BERLIN)).toBe("2026-01-12 Mon 09:00");
  });

  it("every 2 weeks on Monday and Wednesday skips the week in between", () => {
    expect(preview("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "2026-01-05 09:00", BERLIN, 5)).toEqual([
      "2026-01-05 Mon 09:00",
      "2026-01-07 Wed 09:00",
      "2026-01-19 Mon 09:00",
      "2026-01-21 Wed 09:00",
      "2026-02-02 Mon 09:00",
    ]);
  });

  it("monthly on the 31st skips months without a 31st", () => {
    expect(preview("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31 09:00", BERLIN, 4)).toEqual([
      "2026-01-31 Sat 09:00",
      "2026-03-31 Tue 09:00",
      "2026-05-31 Sun 09:00",
      "2026-07-31 Fri 09:00",
    ]);
  });

  it.each(["FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=-1FR"])("%s is the last Friday of each month", (rule) => {
    expect(preview(rule, "2026-01-30 09:00", BERLIN, 5)).toEqual([
      "2026-01-30 Fri 09:00",
      "2026-02-27 Fri 09:00",
      "2026-03-27 Fri 09:00",
      "2026-04-24 Fri 09:00",
      "2026-05-29 Fri 09:00",
    ]);
  });

  it("yearly keeps the start's date", () => {
    expect(next("FREQ=YEARLY", "2026-03-15 09:00", "2026-03-15 09:00", BERLIN)).toBe("2027-03-15 Mon 09:00");
  });

  it.each(["FREQ=YEARLY", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"])("%s from Feb 29 only lands on leap years", (rule) => {
    expect(preview(rule, "2024-02-29 09:00", BERLIN, 3)).toEqual([
      "2024-02-29 Thu 09:00",
      "2028-02-29 Tue 09:00",
      "2032-02-29 Sun 09:00",
    ]);
  });

  it("BYHOUR/BYMINUTE in the rule override the start's time of day", () => {
    expect(preview("FREQ=DAILY;BYHOUR=9,17;BYMINUTE=30", "2026-01-05 09:30", BERLIN, 3)).toEqual([
      "2026-01-05 Mon 09:30",
      "2026-01-05 Mon 17:30",
      "2026-01-06 Tue 09:30",
    ]);
  });
});

describe("series end", () => {
  it("COUNT=3 ends after the third occurrence, counted from the series start", () => {
    const rule = "FREQ=DAILY;COUNT=3";
    expect(next(rule, "2026-01-05 09:00", "2026-01-05 09:00", BERLIN)).toBe("2026-01-06 Tue 09:00");
    expect(next(rule, "2026-01-06 09:00", "2026-01-05 09:00", BERLIN)).toBe("2026-01-07 Wed 09:00");
    expect(next(rule, "2026-01-07 09:00", "2026-01-05 09:00", BERLIN)).toBeNull();
  });

  it("occurrencesSoFar decides COUNT when the caller tracks it", () => {
    const rule = "FREQ=DAILY;COUNT=3";
    // Completed late: the date-based count would still allow one, the real count does not.
    expect(next(rule, "2026-01-05 12:00", "2026-01-05 09:00", BERLIN, 3)).toBeNull();
    expect(next(rule, "2026-01-20 12:00", "2026-01-05 09:00", BERLIN, 2)).toBe("2026-01-21 Wed 09:00");
  });

  it("an off-pattern series start counts as the first of COUNT (RFC 5545)", () => {
    const rule = "FREQ=WEEKLY;BYDAY=MO;COUNT=2";
    expect(next(rule, "2026-01-06 09:00", "2026-01-06 09:00", BERLIN)).toBe("2026-01-12 Mon 09:00");
    expect(next(rule, "2026-01-12 09:00", "2026-01-06 09:00", BERLIN)).toBeNull();
  });

  it("UNTIL (UTC instant) is the last allowed moment", () => {
    const rule = "FREQ=DAILY;UNTIL=20260107T230000Z"; // midnight Jan 8 in Berlin
    expect(next(rule, "2026-01-06 09:00", "2026-01-05 09:00", BERLIN)).toBe("2026-01-07 Wed 09:00");
    expect(next(rule, "2026-01-07 09:00", "2026-01-05 09:00", BERLIN)).toBeNull();
  });

  it("a date-only UNTIL includes that whole local day", () => {
    const rule = "FREQ=DAILY;UNTIL=20260107";
    expect(next(rule, "2026-01-06 20:00", "2026-01-05 20:00", BERLIN)).toBe("2026-01-07 Wed 20:00");
    expect(next(rule, "2026-01-07 20:00", "2026-01-05 20:00", BERLIN)).toBeNull();
  });

  it("a rule whose INTERVAL never meets its filters for this start ends instead of hanging", () => {
    // Every 7 days from a Monday never reaches a Tuesday.
    expect(next("FREQ=DAILY;INTERVAL=7;BYDAY=TU", "2026-01-05 09:00", "2026-01-05 09:00", BERLIN)).toBeNull();
    expect(next("FREQ=DAILY;INTERVAL=7;BYDAY=TU", "2026-01-06 09:00", "2026-01-06 09:00", BERLIN)).toBe("2026-01-13 Tue 09:00");
  });
});

describe("DST: the wall-clock time is kept in the user's zone", () => {
  const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

  it("New York spring forward (Mar 8 2026): 9:00 EST then 9:00 EDT", () => {
    const dates = previewOccurrences({ rule: "FREQ=DAILY", start: new Date("2026-03-07T14:00:00Z"), timeZone: NEW_YORK, count: 3 });
    expect(iso(dates)).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
  });

  it("New York fall back (Nov 1 2026): 9:00 EDT then 9:00 EST", () => {
    const dates = previewOccurrences({ rule: "FREQ=DAILY", start: new Date("2026-10-31T13:00:00Z"), timeZone: NEW_YORK, count: 3 });
    expect(iso(dates)).toEqual(["2026-10-31T13:00:00.000Z", "2026-11-01T14:00:00.000Z", "2026-11-02T14:00:00.000Z"]);
  });

  it("Berlin spring forward (Mar 29 2026): weekly 9:00 CET then CEST", () => {
    const next1 = nextOccurrence({
      rule: "FREQ=WEEKLY",
      after: new Date("2026-03-26T08:00:00Z"),
      seriesStart: new Date("2026-03-19T08:00:00Z"),
      timeZone: BERLIN,
    });
    expect(next1?.toISOString()).toBe("2026-04-02T07:00:00.000Z");
  });

  it("Berlin fall back (Oct 25 2026): 9:00 CEST then CET", () => {
    const dates = previewOccurrences({ rule: "FREQ=DAILY", start: new Date("2026-10-24T07:00:00Z"), timeZone: BERLIN, count: 3 });
    expect(iso(dates)).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-10-26T08:00:00.000Z"]);
  });

  it("a time skipped by spring forward moves to just after the gap (2:30 → 3:30 EDT)", () => {
    const dates = previewOccurrences({ rule: "FREQ=DAILY", start: new Date("2026-03-07T07:30:00Z"), timeZone: NEW_YORK, count: 3 });
    expect(dates.map((d) => local(d, NEW_YORK))).toEqual(["2026-03-07 Sat 02:30", "2026-03-08 Sun 03:30", "2026-03-09 Mon 02:30"]);
  });

  it("an occurrence pushed into the gap is still found when `after` falls inside it", () => {
    // 3:00 EDT on Mar 8 is before that day's 2:30 occurrence, which really happens at 3:30 EDT.
    const found = nextOccurrence({
      rule: "FREQ=DAILY",
      after: new Date("2026-03-08T07:00:00Z"),
      seriesStart: new Date("2026-03-07T07:30:00Z"),
      timeZone: NEW_YORK,
    });
    expect(found?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("the repeated autumn hour yields one occurrence, and never one before `after`", () => {
    const seriesStart = new Date("2026-10-30T05:30:00Z"); // 1:30 EDT
    // After the first 1:30 (EDT) on Nov 1 the next is Nov 2, not the second 1:30 (EST).
    expect(nextOccurrence({ rule: "FREQ=DAILY", after: new Date("2026-11-01T05:30:00Z"), seriesStart, timeZone: NEW_YORK })?.toISOString())
      .toBe("2026-11-02T06:30:00.000Z");
    // Completed at 1:10 EST (after the EDT 1:30 already passed): still Nov 2.
    expect(nextOccurrence({ rule: "FREQ=DAILY", after: new Date("2026-11-01T06:10:00Z"), seriesStart, timeZone: NEW_YORK })?.toISOString())
      .toBe("2026-11-02T06:30:00.000Z");
  });
});

describe("time zones far from UTC", () => {
  it("Pacific/Auckland: Monday 8:00 local is Sunday in UTC, and NZDT ends on Apr 5", () => {
    const dates = previewOccurrences({
      rule: "FREQ=WEEKLY;BYDAY=MO",
      start: new Date("2026-03-29T19:00:00Z"), // Mon Mar 30 08:00 NZDT
      timeZone: "Pacific/Auckland",
      count: 2,
    });
    expect(dates.map((d) => d.toISOString())).toEqual(["2026-03-29T19:00:00.000Z", "2026-04-05T20:00:00.000Z"]);
    expect(dates.map((d) => local(d, "Pacific/Auckland"))).toEqual(["2026-03-30 Mon 08:00", "2026-04-06 Mon 08:00"]);
  });

  it("Asia/Kolkata: monthly on the 1st at 0:30 follows the local calendar day", () => {
    const dates = previewOccurrences({
      rule: "FREQ=MONTHLY",
      start: new Date("2025-12-31T19:00:00Z"), // Jan 1 2026 00:30 IST
      timeZone: "Asia/Kolkata",
      count: 3,
    });
    expect(dates.map((d) => d.toISOString())).toEqual([
      "2025-12-31T19:00:00.000Z",
      "2026-01-31T19:00:00.000Z",
      "2026-02-28T19:00:00.000Z",
    ]);
  });
});

describe("completion basis (after = completion time)", () => {
  it("a late completion skips the missed days but keeps the time of day", () => {
    // Due Jan 6, completed Jan 9 at 15:00 → next is Jan 10 9:00, not Jan 7.
    expect(next("FREQ=DAILY", "2026-01-09 15:00", "2026-01-05 09:00", BERLIN)).toBe("2026-01-10 Sat 09:00");
  });

  it("weekly on Friday completed on Saturday moves to the next Friday", () => {
    expect(next("FREQ=WEEKLY;BYDAY=FR", "2026-01-17 10:00", "2026-01-09 09:00", BERLIN)).toBe("2026-01-23 Fri 09:00");
  });

  it("completing earlier on the due day still gives that day's occurrence", () => {
    expect(next("FREQ=DAILY", "2026-01-09 07:00", "2026-01-05 09:00", BERLIN)).toBe("2026-01-09 Fri 09:00");
  });
});

describe("preview", () => {
  it("returns exactly the requested number, clamped to 20", () => {
    expect(preview("FREQ=DAILY", "2026-01-05 09:00", BERLIN, 3)).toHaveLength(3);
    expect(preview("FREQ=DAILY", "2026-01-05 09:00", BERLIN, 50)).toHaveLength(20);
  });

  it("stops early when the series ends", () => {
    expect(preview("FREQ=DAILY;COUNT=2", "2026-01-05 09:00", BERLIN, 5)).toEqual(["2026-01-05 Mon 09:00", "2026-01-06 Tue 09:00"]);
  });

  it("leaves out a start that does not match the rule", () => {
    expect(preview("FREQ=WEEKLY;BYDAY=MO", "2026-01-06 09:00", BERLIN, 2)).toEqual(["2026-01-12 Mon 09:00", "2026-01-19 Mon 09:00"]);
  });
});

describe("bad input", () => {
  it("throws RecurrenceRuleError for an invalid rule", () => {
    expect(() => previewOccurrences({ rule: "FREQ=DAILY;INTERVAL=0", start: new Date(), timeZone: BERLIN, count: 1 })).toThrow(RecurrenceRuleError);
  });

  it("throws RangeError for an unknown time zone", () => {
    expect(() => nextOccurrence({ rule: "FREQ=DAILY", after: new Date(), seriesStart: new Date(), timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});
