import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendarFeed, feedRule, type FeedTask } from "@/server/domain/calendar/feed";

const base: Omit<FeedTask, "id" | "title" | "dueAt"> = {
  description: "",
  allDay: false,
  priority: "medium",
  categoryName: null,
  tagNames: [],
  recurrenceRule: null,
  recurrenceBasis: "due",
  occurrenceIndex: 1,
  exdates: [],
  occurrenceDate: null,
  moves: [],
  updatedAt: new Date("2026-11-01T00:00:00Z"),
};

/** Parses the feed with ical.js (registering its VTIMEZONEs) and returns its events by summary. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const events = root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  return new Map(events.map((e) => [e.summary, e]));
}

function expand(event: ICAL.Event, n: number): string[] {
  const it = event.iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < n; next = it.next()) out.push(next.toJSDate().toISOString());
  return out;
}

describe("calendar feed (parsed back with ical.js)", () => {
  const tasks: FeedTask[] = [
    { ...base, id: "a", title: "Pay rent", dueAt: new Date("2026-12-01T08:00:00Z"), priority: "urgent", categoryName: "Home", tagNames: ["money", "monthly"], recurrenceRule: "FREQ=MONTHLY;BYMONTHDAY=1" },
    // Weekly standup at 09:30 Berlin time, across the March DST change; the 2027-03-15 one was skipped.
    {
      ...base,
      id: "b",
      title: "Standup",
      dueAt: new Date("2027-03-08T08:30:00Z"),
      recurrenceRule: "FREQ=WEEKLY;BYDAY=MO;COUNT=10",
      occurrenceIndex: 3,
      exdates: [new Date("2027-03-15T08:30:00Z")],
    },
    { ...base, id: "c", title: "Passport renewal", dueAt: new Date("2026-12-09T23:00:00Z"), allDay: true, priority: "low" },
    { ...base, id: "d", title: "Water plants", dueAt: new Date("2026-12-04T23:00:00Z"), allDay: true, recurrenceRule: "FREQ=WEEKLY", exdates: [new Date("2026-12-11T23:00:00Z")] },
    // Weekly on Thursdays 18:00 UTC+1; this one moved to Friday, and the one two weeks on moved to Wednesday.
    {
      ...base,
      id: "f",
      title: "Choir",
      dueAt: new Date("2027-01-08T17:00:00Z"),
      occurrenceDate: new Date("2027-01-07T17:00:00Z"),
      recurrenceRule: "FREQ=WEEKLY",
      moves: [{ from: new Date("2027-01-21T17:00:00Z"), to: new Date("2027-01-20T17:00:00Z") }],
    },
    { ...base, id: "e", title: "Haircut", dueAt: new Date("2026-12-20T10:00:00Z"), recurrenceRule: "FREQ=WEEKLY;INTERVAL=4", recurrenceBasis: "completion" },
  ];
  const text = buildCalendarFeed({ userName: "Ana", timeZone: "Europe/Berlin", tasks, now: new Date("2026-11-30T12:00:00Z") });
  const events = parse(text);

  it("writes timed tasks at their local time with the user's TZID and a VTIMEZONE", () => {
    const rent = events.get("Pay rent")!;
    expect(rent.startDate.isDate).toBe(false);
    expect(rent.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Berlin");
    expect(rent.startDate.zone.tzid).toBe("Europe/Berlin");
    expect(rent.startDate.toString()).toBe("2026-12-01T09:00:00");
    expect(rent.startDate.toJSDate().toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(text).toContain("BEGIN:VTIMEZONE");
  });

  it("writes all-day tasks as DATE values on the user's local day", () => {
    const passport = events.get("Passport renewal")!;
    expect(passport.startDate.isDate).toBe(true);
    expect(passport.startDate.toString()).toBe("2026-12-10");
  });

  it("carries priority and categories (category first, then tags)", () => {
    const rent = events.get("Pay rent")!;
    expect(rent.component.getFirstPropertyValue("priority")).toBe(1);
    const categories = rent.component.getAllProperties("categories").flatMap((p) => p.getValues());
    expect(categories).toEqual(["Home", "money", "monthly"]);
    expect(events.get("Passport renewal")!.component.getFirstPropertyValue("priority")).toBe(9);
  });

  it("expands the series' RRULE in the user's zone, without the EXDATEs and with COUNT from this occurrence", () => {
    const standup = events.get("Standup")!;
    const dates = expand(standup, 20);
    // COUNT=10 from occurrence 3: 8 left, minus the skipped 15 March = 7; 09:30 local before and after DST (29 March).
    expect(dates).toEqual([
      "2027-03-08T08:30:00.000Z",
      "2027-03-22T08:30:00.000Z",
      "2027-03-29T07:30:00.000Z",
      "2027-04-05T07:30:00.000Z",
      "2027-04-12T07:30:00.000Z",
      "2027-04-19T07:30:00.000Z",
      "2027-04-26T07:30:00.000Z",
    ]);
    expect(expand(events.get("Pay rent")!, 3)).toEqual(["2026-12-01T08:00:00.000Z", "2027-01-01T08:00:00.000Z", "2027-02-01T08:00:00.000Z"]);
  });

  it("skips an all-day EXDATE as a DATE", () => {
    const plants = events.get("Water plants")!;
    const days = [];
    const it = plants.iterator();
    for (let next = it.next(); next && days.length < 3; next = it.next()) days.push(next.toString());
    expect(days).toEqual(["2026-12-05", "2026-12-19", "2026-12-26"]);
  });

  it("keeps the series on its rule dates and shows moved occurrences as single events where they went", () => {
    const root = new ICAL.Component(ICAL.parse(text));
    const choir = root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c)).filter((e) => e.summary === "Choir");
    const series = choir.find((e) => e.isRecurring())!;
    expect(expand(series, 3)).toEqual(["2027-01-14T17:00:00.000Z", "2027-01-28T17:00:00.000Z", "2027-02-04T17:00:00.000Z"]);
    const singles = choir.filter((e) => !e.isRecurring()).map((e) => e.startDate.toJSDate().toISOString()).sort();
    expect(singles).toEqual(["2027-01-08T17:00:00.000Z", "2027-01-20T17:00:00.000Z"]);
  });

  it("does not repeat a series that repeats from completion (no calendar can know when)", () => {
    expect(events.get("Haircut")!.isRecurring()).toBe(false);
  });

  it("shrinks COUNT by the occurrences behind and ends at the last one", () => {
    expect(feedRule({ recurrenceRule: "FREQ=DAILY;COUNT=5", recurrenceBasis: "due", occurrenceIndex: 2 })).toBe("FREQ=DAILY;COUNT=4");
    expect(feedRule({ recurrenceRule: "FREQ=DAILY;COUNT=5", recurrenceBasis: "due", occurrenceIndex: 5 })).toBeNull();
  });

  it("writes UTC times when the user's zone is UTC", () => {
    const utc = parse(buildCalendarFeed({ userName: "Bo", timeZone: "UTC", tasks: [tasks[1]!], now: new Date() }));
    expect(expand(utc.get("Standup")!, 2)).toEqual(["2027-03-08T08:30:00.000Z", "2027-03-22T08:30:00.000Z"]);
  });
});
