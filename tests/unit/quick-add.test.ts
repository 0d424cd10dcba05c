import { describe, expect, it } from "vitest";
import { describeQuickAddRecurrence, parseQuickAdd, priorityFromToken, type QuickAddContext } from "@/lib/quick-add";

// Monday 2026-11-23, 06:52 in New York (EST, UTC-5).
const NOW = new Date("2026-11-23T11:52:00Z");
const NY: QuickAddContext = { now: NOW, timeZone: "America/New_York" };
const parse = (input: string, ctx: Partial<QuickAddContext> = {}) => parseQuickAdd(input, { ...NY, ...ctx });
const iso = (d: Date | undefined) => d?.toISOString();

describe("the worked example", () => {
  const input = "Pay rent every month on the 1st at 9am #finance !high remind 1h before";

  it("extracts every field", () => {
    const r = parse(input);
    expect(r.title).toBe("Pay rent");
    expect(r.recurrenceRule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
    expect(iso(r.dueAt)).toBe("2026-12-01T14:00:00.000Z"); // 09:00 EST
    expect(r.allDay).toBe(false);
    expect(r.priority).toBe("high");
    expect(r.tags).toEqual([{ name: "finance", isNew: true }]);
    expect(r.reminders).toEqual([{ minutesBefore: 60 }]);
  });

  it("reports token spans that slice back to their text, in input order", () => {
    const r = parse(input);
    expect(r.tokens.map((t) => [t.kind, t.text])).toEqual([
      ["recurrence", "every month on the 1st"],
      ["date", "at 9am"],
      ["tag", "#finance"],
      ["priority", "!high"],
      ["reminder", "remind 1h before"],
    ]);
    for (const t of r.tokens) expect(input.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("title cleanup", () => {
  it.each([
    ["Read 1984"],
    ["Buy sat nav"],
    ["March band practice"],
    ["Write weekly report"],
    ["Fix bug #123"],
    ["Email me@home.com"],
    ["Watch 24"],
  ])("leaves %j alone", (input) => {
    const r = parse(input);
    expect(r.title).toBe(input);
    expect(r.tokens).toEqual([]);
    expect(r.dueAt).toBeUndefined();
  });

  it("collapses whitespace and trims leftover punctuation", () => {
    expect(parse("  Call   mom,   tomorrow   #family  ").title).toBe("Call mom");
  });

  it("is empty only when every word was a token", () => {
    expect(parse("tomorrow #x !low").title).toBe("");
    expect(parse("x tomorrow").title).toBe("x");
  });
});

describe("dates and times (America/New_York)", () => {
  it.each([
    ["Call mom tomorrow 5pm", "tomorrow 5pm", "2026-11-24T22:00:00.000Z", false],
    ["Lunch next fri", "next fri", "2026-11-27T05:00:00.000Z", true], // the coming Friday
    ["Renew passport in 3 days", "in 3 days", "2026-11-26T05:00:00.000Z", true],
    ["Dentist Jan 12", "Jan 12", "2027-01-12T05:00:00.000Z", true], // next January, not the past one
    ["Standup today at 14:30", "today at 14:30", "2026-11-23T19:30:00.000Z", false],
    ["Submit report by Friday 5pm", "by Friday 5pm", "2026-11-27T22:00:00.000Z", false],
    ["Wrap gifts on 2026-12-24", "on 2026-12-24", "2026-12-24T05:00:00.000Z", true],
    ["Leave in 3 hours", "in 3 hours", "2026-11-23T14:52:00.000Z", false],
    ["Pay invoice due tomorrow", "due tomorrow", "2026-11-24T05:00:00.000Z", true],
  ])("%j", (input, tokenText, dueIso, allDay) => {
    const r = parse(input);
    expect(r.tokens.filter((t) => t.kind === "date").map((t) => t.text)).toEqual([tokenText]);
    expect(iso(r.dueAt)).toBe(dueIso);
    expect(r.allDay).toBe(allDay);
    expect(r.title).toBe(input.slice(0, input.indexOf(tokenText)).trim());
  });

  it("puts a bare time later today when it is still ahead, else tomorrow", () => {
    expect(iso(parse("Call at 5pm").dueAt)).toBe("2026-11-23T22:00:00.000Z");
    expect(iso(parse("Call at 6am").dueAt)).toBe("2026-11-24T11:00:00.000Z");
  });

  it("joins a day and a time split by another token", () => {
    const r = parse("Meet tomorrow #work 5pm");
    expect(r.title).toBe("Meet");
    expect(iso(r.dueAt)).toBe("2026-11-24T22:00:00.000Z");
    expect(r.tokens.map((t) => t.kind)).toEqual(["date", "tag", "date"]);
  });

  it("reads a short weekday only after a cue word", () => {
    const r = parse("Wear sun hat on sun");
    expect(r.title).toBe("Wear sun hat");
    expect(iso(r.dueAt)).toBe("2026-11-29T05:00:00.000Z");
  });

  it("reads a short weekday that ends the text as the date, but not after an article or inside the title", () => {
    const r = parse("Get the car washed sat");
    expect(r.title).toBe("Get the car washed");
    expect(iso(r.dueAt)).toBe("2026-11-28T05:00:00.000Z");
    for (const text of ["Buy sat nav", "Watch the sun"]) {
      expect(parse(text).title).toBe(text);
      expect(parse(text).dueAt).toBeUndefined();
    }
  });
});

describe("priority", () => {
  it.each([
    ["!urgent", "urgent"],
    ["!high", "high"],
    ["!medium", "medium"],
    ["!low", "low"],
    ["p1", "urgent"],
    ["p2", "high"],
    ["p3", "medium"],
    ["p4", "low"],
    ["P1", "urgent"],
  ])("%s → %s", (token, priority) => {
    const r = parse(`Ship it ${token}`);
    expect(r.priority).toBe(priority);
    expect(r.title).toBe("Ship it");
    expect(r.tokens).toEqual([{ kind: "priority", text: token, start: 8, end: 8 + token.length }]);
  });

  it("uses the last marker when there are several", () => {
    expect(parse("x !low !high").priority).toBe("high");
  });

  it("ignores markers glued to a word", () => {
    expect(parse("Wow!high").priority).toBeUndefined();
  });

  it("priorityFromToken maps markers and names", () => {
    expect(priorityFromToken("!high")).toBe("high");
    expect(priorityFromToken("p1")).toBe("urgent");
    expect(priorityFromToken("P4")).toBe("low");
    expect(priorityFromToken("Medium")).toBe("medium");
    expect(priorityFromToken("!4")).toBe("low");
    expect(priorityFromToken("4")).toBeUndefined();
    expect(priorityFromToken("!soon")).toBeUndefined();
  });
});

describe("tags and category", () => {
  const knownTags = [{ id: "t-fin", name: "Finance" }];
  const knownCategories = [{ id: "c-home", name: "Home" }];

  it("collects several tags with letters, digits, - and _", () => {
    const r = parse("Plan #work #home-office #q4_2026");
    expect(r.tags.map((t) => t.name)).toEqual(["work", "home-office", "q4_2026"]);
    expect(r.title).toBe("Plan");
  });

  it("matches known tags case-insensitively and marks the rest new", () => {
    const r = parse("Pay #FINANCE #urgent-stuff", { knownTags });
    expect(r.tags).toEqual([
      { name: "Finance", id: "t-fin", isNew: false },
      { name: "urgent-stuff", isNew: true },
    ]);
  });

  it("lists a repeated tag once", () => {
    expect(parse("x #a #A #a").tags).toEqual([{ name: "a", isNew: true }]);
  });

  it("matches a known category case-insensitively", () => {
    expect(parse("Vacuum @home", { knownCategories }).category).toEqual({ name: "Home", id: "c-home", isNew: false });
  });

  it("keeps only the last category but removes every @ token from the title", () => {
    const r = parse("Vacuum @home @office", { knownCategories });
    expect(r.category).toEqual({ name: "office", isNew: true });
    expect(r.title).toBe("Vacuum");
    expect(r.tokens.filter((t) => t.kind === "category")).toHaveLength(2);
  });
});

describe("recurrence", () => {
  it.each([
    ["every monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-23T05:00:00.000Z"], // today is Monday
    ["every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "2026-11-23T05:00:00.000Z"],
    ["every other week", "FREQ=WEEKLY;INTERVAL=2", "2026-11-23T05:00:00.000Z"],
    ["every month on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01T05:00:00.000Z"],
    ["every month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30T05:00:00.000Z"],
    ["every 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15T05:00:00.000Z"],
    ["every day", "FREQ=DAILY", "2026-11-23T05:00:00.000Z"],
    ["daily", "FREQ=DAILY", "2026-11-23T05:00:00.000Z"],
    ["weekly", "FREQ=WEEKLY", "2026-11-23T05:00:00.000Z"],
    ["every year", "FREQ=YEARLY", "2026-11-23T05:00:00.000Z"],
    ["every mon and wed", "FREQ=WEEKLY;BYDAY=MO,WE", "2026-11-23T05:00:00.000Z"],
    ["every tue, thu and sat", "FREQ=WEEKLY;BYDAY=TU,TH,SA", "2026-11-24T05:00:00.000Z"],
    ["every last friday", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27T05:00:00.000Z"],
    ["every 2nd tuesday", "FREQ=MONTHLY;BYDAY=+2TU", "2026-12-08T05:00:00.000Z"],
    ["on the last weekday of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-11-30T05:00:00.000Z"],
    ["the first business day of every month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "2026-12-01T05:00:00.000Z"],
  ])("%j → %s, first day as an all-day due date", (phrase, rule, dueIso) => {
    const r = parse(`Chores ${phrase}`);
    expect(r.title).toBe("Chores");
    expect(r.recurrenceRule).toBe(rule);
    expect(iso(r.dueAt)).toBe(dueIso);
    expect(r.allDay).toBe(true);
    expect(r.tokens).toEqual([{ kind: "recurrence", text: phrase, start: 7, end: 7 + phrase.length }]);
  });

  it("every weekday at 9am starts at the next 9am on a weekday", () => {
    const r = parse("Gym every weekday at 9am");
    expect(r.recurrenceRule).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(iso(r.dueAt)).toBe("2026-11-23T14:00:00.000Z");
    expect(r.allDay).toBe(false);
  });

  it("skips today's occurrence once its time has passed", () => {
    expect(iso(parse("Stretch every day at 6am").dueAt)).toBe("2026-11-24T11:00:00.000Z");
  });

  it("uses an explicit start date instead of the first occurrence", () => {
    const r = parse("Report every 2 weeks starting Dec 4");
    expect(r.title).toBe("Report");
    expect(r.recurrenceRule).toBe("FREQ=WEEKLY;INTERVAL=2");
    expect(iso(r.dueAt)).toBe("2026-12-04T05:00:00.000Z");
  });

  it("treats a bare adverb as recurrence only at the end or before another token", () => {
    expect(parse("Backup weekly #ops").recurrenceRule).toBe("FREQ=WEEKLY");
    expect(parse("Weekly report").recurrenceRule).toBeUndefined();
  });

  it("describes a rule in words", () => {
    expect(describeQuickAddRecurrence("FREQ=MONTHLY;BYMONTHDAY=1")).toBe("every month on the 1st");
  });
});

describe("reminders", () => {
  it.each([
    ["remind 30m before", 30],
    ["remind me 1h before", 60],
    ["remind 2 days before", 2880],
    ["remind me an hour before", 60],
    ["remind 15 minutes before", 15],
  ])("%j", (phrase, minutesBefore) => {
    const r = parse(`Pay bills tomorrow 5pm ${phrase}`);
    expect(r.reminders).toEqual([{ minutesBefore }]);
    expect(r.title).toBe("Pay bills");
    expect(iso(r.dueAt)).toBe("2026-11-24T22:00:00.000Z"); // the reminder's words never become the due date
  });

  it("puts an absolute reminder time on the due day", () => {
    const r = parse("Call Bob tomorrow 5pm remind at 4pm");
    expect(r.reminders).toEqual([{ at: new Date("2026-11-24T21:00:00.000Z") }]);
    expect(r.title).toBe("Call Bob");
  });

  it("puts an absolute reminder at the next such time when nothing is due", () => {
    expect(parse("Call Bob remind me at 4pm").reminders).toEqual([{ at: new Date("2026-11-23T21:00:00.000Z") }]);
  });

  it("reads a time on a day counted back from the due day: the day before at 5pm, 2 days before at 9am", () => {
    const r = parse("Pay the gas bill on the 30th remind me the day before at 5pm");
    expect(r.title).toBe("Pay the gas bill");
    expect(iso(r.dueAt)).toBe("2026-11-30T05:00:00.000Z"); // all day, not 5pm
    expect(r.allDay).toBe(true);
    expect(r.reminders).toEqual([{ at: new Date("2026-11-29T22:00:00.000Z") }]); // 17:00 EST on the 29th
    expect(parse("Flight Friday 8am remind me 2 days before at 9am").reminders).toEqual([{ at: new Date("2026-11-25T14:00:00.000Z") }]);
  });

  it("keeps several reminders in order", () => {
    const r = parse("Flight Friday 8am remind 1 day before remind 2h before");
    expect(r.reminders).toEqual([{ minutesBefore: 1440 }, { minutesBefore: 120 }]);
    expect(r.title).toBe("Flight");
  });
});
