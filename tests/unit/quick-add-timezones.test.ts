import { afterEach, describe, expect, it } from "vitest";
import { parseQuickAdd } from "@/lib/quick-add";

const at = (now: string, timeZone: string) => (input: string) => parseQuickAdd(input, { now: new Date(now), timeZone });
const due = (r: { dueAt?: Date }) => r.dueAt?.toISOString();

describe("Asia/Tokyo (UTC+9, no DST)", () => {
  // 2026-11-24 01:00 in Tokyo while it is still the 23rd in UTC.
  const tokyo = at("2026-11-23T16:00:00Z", "Asia/Tokyo");

  it("reads 'tomorrow' as the user's tomorrow, not the server's", () => {
    expect(due(tokyo("Call tomorrow 9am"))).toBe("2026-11-25T00:00:00.000Z");
  });

  it("reads 'today' as the user's today", () => {
    expect(due(tokyo("Standup today at 14:30"))).toBe("2026-11-24T05:30:00.000Z");
  });

  it("puts an all-day date at local midnight", () => {
    const r = tokyo("Dentist Jan 12");
    expect(due(r)).toBe("2027-01-11T15:00:00.000Z");
    expect(r.allDay).toBe(true);
  });

  it("computes the worked example at 09:00 Tokyo time", () => {
    const r = tokyo("Pay rent every month on the 1st at 9am #finance !high remind 1h before");
    expect(due(r)).toBe("2026-12-01T00:00:00.000Z");
    expect(r.recurrenceRule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
  });

  it("starts 'every weekday at 9am' on the user's weekday", () => {
    // Tuesday 01:00 in Tokyo: today's 9am is still ahead.
    expect(due(tokyo("Gym every weekday at 9am"))).toBe("2026-11-24T00:00:00.000Z");
  });
});

describe("America/New_York late evening", () => {
  // 22:00 Monday in New York, already Tuesday in UTC.
  const ny = at("2026-11-24T03:00:00Z", "America/New_York");

  it("reads 'tomorrow' as Tuesday", () => {
    expect(due(ny("Call tomorrow 9am"))).toBe("2026-11-24T14:00:00.000Z");
  });

  it("a time already passed today moves to tomorrow", () => {
    expect(due(ny("Call at 9pm"))).toBe("2026-11-25T02:00:00.000Z");
  });
});

describe("DST week in New York (clocks go back on Sunday 2026-11-01)", () => {
  // Friday 2026-10-30 12:00 EDT (UTC-4).
  const ny = at("2026-10-30T16:00:00Z", "America/New_York");

  it("a time on the far side of the change uses the new offset", () => {
    expect(due(ny("Ship Monday 9am"))).toBe("2026-11-02T14:00:00.000Z"); // 09:00 EST
  });

  it("an all-day date after the change is midnight EST", () => {
    expect(due(ny("Ship in 3 days"))).toBe("2026-11-02T05:00:00.000Z");
  });

  it("a time before the change keeps the summer offset", () => {
    expect(due(ny("Standup every day at 9am"))).toBe("2026-10-31T13:00:00.000Z"); // Saturday 09:00 EDT
  });

  it("a weekly series first falls on Sunday night, after the change", () => {
    expect(due(ny("Trash every sunday at 11pm"))).toBe("2026-11-02T04:00:00.000Z");
  });

  it("an absolute reminder on the due day uses that day's offset", () => {
    expect(ny("Ship Monday 9am remind at 8am").reminders).toEqual([{ at: new Date("2026-11-02T13:00:00.000Z") }]);
  });

  it("spring forward: Monday 9am after 2027-03-14 is EDT", () => {
    const spring = at("2027-03-12T17:00:00Z", "America/New_York"); // Friday 12:00 EST
    expect(due(spring("Ship Monday 9am"))).toBe("2027-03-15T13:00:00.000Z");
  });
});

describe("independent of the machine's own zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(["UTC", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo"])("machine in %s gives the same instants", (machine) => {
    process.env.TZ = machine;
    const ny = at("2026-10-30T16:00:00Z", "America/New_York");
    expect(due(ny("Ship Monday 9am"))).toBe("2026-11-02T14:00:00.000Z");
    expect(due(ny("Ship next mon"))).toBe("2026-11-02T05:00:00.000Z");
    expect(due(at("2026-11-23T16:00:00Z", "Asia/Tokyo")("Call tomorrow 9am"))).toBe("2026-11-25T00:00:00.000Z");
  });
});

it("rejects an unknown time zone", () => {
  expect(() => parseQuickAdd("x tomorrow", { now: new Date(), timeZone: "Mars/Olympus" })).toThrow(RangeError);
});
