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
