import { describe, expect, it } from "vitest";
import { parsePeriod, parseQuickAdd } from "@/lib/quick-add";

// Wednesday 2026-03-11, 11:00 in New York (EDT, UTC-4).
const ctx = { now: new Date("2026-03-11T15:00:00Z"), timeZone: "America/New_York" };
const parse = (input: string) => parseQuickAdd(input, ctx);
const iso = (d: Date | undefined) => d?.toISOString();

describe("what people mean by a clock time without am/pm", () => {
  it("reads 1 to 7 o'clock as the afternoon or evening, today while it is still ahead", () => {
    expect(iso(parse("call the bank at 4:30").dueAt)).toBe("2026-03-11T20:30:00.000Z"); // 16:30 today
    expect(iso(parse("pick up kids at 3").dueAt)).toBe("2026-03-11T19:00:00.000Z");
    expect(iso(parse("dinner tomorrow at 7").dueAt)).toBe("2026-03-12T23:00:00.000Z");
  });

  it("keeps the morning when the words say so, and 8 to 12 as said", () => {
    expect(iso(parse("run at 6am").dueAt)).toBe("2026-03-12T10:00:00.000Z");
    expect(iso(parse("yoga tomorrow morning at 7").dueAt)).toBe("2026-03-12T11:00:00.000Z");
    expect(iso(parse("mow the lawn saturday at 9").dueAt)).toBe("2026-03-14T13:00:00.000Z");
  });
});

describe("a part of the day in a title", () => {
  it("stays in the title when a day and time follow it", () => {
    const r = parse("parents evening thursday 6pm");
    expect(r.title).toBe("parents evening");
    expect(iso(r.dueAt)).toBe("2026-03-12T22:00:00.000Z");
    expect(parse("morning run tomorrow at 7am").title).toBe("morning run");
  });
});

describe("every N weeks on a weekday", () => {
  it("starts on the coming weekday even when this week's has passed", () => {
    const r = parse("review the budget every 2 weeks on monday");
    expect(r.recurrenceRule).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
    expect(iso(r.dueAt)).toBe("2026-03-16T04:00:00.000Z"); // Monday 16 March, all day
  });
});

describe("a week or month in words", () => {
  it("is the span of days it names in the user's zone", () => {
    expect(parsePeriod("next week", ctx)).toEqual({ from: new Date("2026-03-16T04:00:00Z"), to: new Date("2026-03-23T04:00:00Z") });
    expect(parsePeriod("next month", ctx)).toEqual({ from: new Date("2026-04-01T04:00:00Z"), to: new Date("2026-05-01T04:00:00Z") });
    expect(parsePeriod("april", ctx)?.from).toEqual(new Date("2026-04-01T04:00:00Z"));
    expect(parsePeriod("february", ctx)?.from).toEqual(new Date("2027-02-01T05:00:00Z"));
    expect(parsePeriod("next monday", ctx)).toBeUndefined();
  });
});

describe("clock times said in words", () => {
  it("reads half past, quarter past and quarter to, with the usual afternoon for 1 to 7", () => {
    const r = parse("pick up the kids from swimming at half past 4 today");
    expect(r.title).toBe("pick up the kids from swimming");
    expect(iso(r.dueAt)).toBe("2026-03-11T20:30:00.000Z"); // 16:30 today
    expect(iso(parse("standup notes tomorrow at quarter past 10").dueAt)).toBe("2026-03-12T14:15:00.000Z");
    expect(iso(parse("call the clinic quarter to 9 tomorrow morning").dueAt)).toBe("2026-03-12T12:45:00.000Z"); // 8:45
    expect(iso(parse("salsa class friday at half past 7").dueAt)).toBe("2026-03-13T23:30:00.000Z"); // 19:30
  });
});

describe("days counted from a named day", () => {
  it("reads a week from today or from a weekday, and a fortnight", () => {
    const fromToday = parse("return the rental car a week from today");
    expect(fromToday.title).toBe("return the rental car");
    expect(iso(fromToday.dueAt)).toBe("2026-03-18T04:00:00.000Z");
    expect(iso(parse("order the gift a week from friday").dueAt)).toBe("2026-03-20T04:00:00.000Z");
    expect(iso(parse("print the boarding passes in a fortnight").dueAt)).toBe("2026-03-25T04:00:00.000Z");
    expect(iso(parse("send the deck two weeks from monday at 10").dueAt)).toBe("2026-03-30T14:00:00.000Z");
  });

  it("reads the end of the work week, month end and a day of next month", () => {
    expect(iso(parse("submit the claims by end of the work week").dueAt)).toBe("2026-03-13T04:00:00.000Z");
    expect(iso(parse("file the vat return by month end").dueAt)).toBe("2026-03-31T04:00:00.000Z");
    const lease = parse("renew the car lease next month on the 5th");
    expect(lease.title).toBe("renew the car lease");
    expect(iso(lease.dueAt)).toBe("2026-04-05T04:00:00.000Z");
    expect(iso(parse("pay the cleaner on the 20th of next month").dueAt)).toBe("2026-04-20T04:00:00.000Z");
  });
});

describe("a repetition adverb with its days", () => {
  it("reads fortnightly on fridays as every other friday, from the coming one", () => {
    const r = parse("pay the cleaner fortnightly on fridays");
    expect(r.title).toBe("pay the cleaner");
    expect(r.recurrenceRule).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
    expect(iso(r.dueAt)).toBe("2026-03-13T04:00:00.000Z");
    expect(parse("bins out weekly on mon and thu").recurrenceRule).toBe("FREQ=WEEKLY;BYDAY=MO,TH");
  });
});

describe("batch 9's readings of days and repetitions", () => {
  it("reads a run of weekdays as each day of it", () => {
    expect(parse("gym mon-fri at 7am").recurrenceRule).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(parse("standup monday through thursday").recurrenceRule).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH");
    expect(parse("gym mon-fri at 7am").title).toBe("gym");
    // A plain "to" between two days is a repetition only after "every": "from monday to friday" may be a move.
    expect(parse("pool every tuesday to thursday").recurrenceRule).toBe("FREQ=WEEKLY;BYDAY=TU,WE,TH");
    expect(parse("call from monday to friday").recurrenceRule).toBeUndefined();
  });

  it("keeps a day in the possessive in the title when another phrase gives the date", () => {
    const r = parse("Prepare slides for Monday's meeting, due Friday");
    expect(r.title).toBe("Prepare slides for Monday's meeting");
    expect(iso(r.dueAt)).toBe("2026-03-13T04:00:00.000Z"); // Friday, all day
  });

  it("reads a month from today as the same day a month on", () => {
    const r = parse("renew my gym membership in a month");
    expect(r.title).toBe("renew my gym membership");
    expect(iso(r.dueAt)).toBe("2026-04-11T04:00:00.000Z");
    expect(iso(parse("check the smoke alarm 2 months from today").dueAt)).toBe("2026-05-11T04:00:00.000Z");
  });

  it("reads the end of the week as its Friday, and the day after tomorrow without its article", () => {
    const r = parse("finish the slide deck by end of the week");
    expect(r.title).toBe("finish the slide deck");
    expect(iso(r.dueAt)).toBe("2026-03-13T04:00:00.000Z");
    expect(iso(parse("send the draft eow").dueAt)).toBe("2026-03-13T04:00:00.000Z");
    const later = parse("ship the parcel day after tomorrow");
    expect(later.title).toBe("ship the parcel");
    expect(iso(later.dueAt)).toBe("2026-03-13T04:00:00.000Z");
  });

  it("reads 'at half 5' as half past five, in the afternoon like any bare hour", () => {
    const r = parse("haircut at half 5 on thursday");
    expect(r.title).toBe("haircut");
    expect(iso(r.dueAt)).toBe("2026-03-12T21:30:00.000Z"); // 17:30 EDT
  });

  it("reads an ordinal in digits as a count of months, and 'every year on the 9th of october'", () => {
    const r = parse("review insurance every 3rd month on the 15th");
    expect(r.recurrenceRule).toBe("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15");
    expect(r.title).toBe("review insurance");
    const yearly = parse("anniversary every year on the 9th of october");
    expect(yearly.recurrenceRule).toBe("FREQ=YEARLY");
    expect(yearly.title).toBe("anniversary");
    expect(iso(yearly.dueAt)).toBe("2026-10-09T04:00:00.000Z");
  });

  it("reads 'the first of each month' as the 1st, and a time said loosely as that time", () => {
    const r = parse("pay the cleaner on the first of each month");
    expect(r.recurrenceRule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
    expect(iso(r.dueAt)).toBe("2026-04-01T04:00:00.000Z");
    const loose = parse("ring the bank tomorrow around noon");
    expect(loose.title).toBe("ring the bank");
    expect(iso(loose.dueAt)).toBe("2026-03-12T16:00:00.000Z");
  });

  it("starts a series on the day after 'starting'", () => {
    const r = parse("payday every other friday starting the 20th");
    expect(r.title).toBe("payday");
    expect(iso(r.dueAt)).toBe("2026-03-20T04:00:00.000Z");
  });

  it("takes a part of the day in the plural out of a repeating task's title, keeping its half of the day", () => {
    const r = parse("yoga every tue and thu mornings at 7");
    expect(r.title).toBe("yoga");
    expect(r.recurrenceRule).toBe("FREQ=WEEKLY;BYDAY=TU,TH");
    expect(iso(r.dueAt)).toBe("2026-03-12T11:00:00.000Z"); // Thursday 7:00
  });
});

describe("dates and repetitions said the tenth batch's ways", () => {
  it("reads weeks typed as 'wks' and the end of the month without an article", () => {
    const weeks = parse("pay the window cleaner in 2 wks");
    expect(weeks.title).toBe("pay the window cleaner");
    expect(iso(weeks.dueAt)).toBe("2026-03-25T04:00:00.000Z");
    const monthEnd = parse("renew the passport by end of month");
    expect(monthEnd.title).toBe("renew the passport");
    expect(iso(monthEnd.dueAt)).toBe("2026-03-31T04:00:00.000Z");
  });

  it("reads a weekday said before the day of the month as part of that date", () => {
    const r = parse("grab coffee with tom on thursday the 19th at 10am");
    expect(r.title).toBe("grab coffee with tom");
    expect(iso(r.dueAt)).toBe("2026-03-19T14:00:00.000Z");
  });

  it("repeats 'every june 30th' and 'every 30th of june' once a year from that date", () => {
    for (const input of ["renew the car registration every june 30th", "renew the car registration every 30th of june"]) {
      const r = parse(input);
      expect(r.title).toBe("renew the car registration");
      expect(r.recurrenceRule).toBe("FREQ=YEARLY");
      expect(iso(r.dueAt)).toBe("2026-06-30T04:00:00.000Z");
    }
    // Still monthly when no month follows.
    expect(parse("pay the nanny every 15th").recurrenceRule).toBe("FREQ=MONTHLY;BYMONTHDAY=15");
  });
});
