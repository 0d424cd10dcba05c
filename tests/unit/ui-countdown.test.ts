import { describe, expect, it } from "vitest";
import { countdown, describeOffset, formatDue, formatSpan } from "@/lib/ui/countdown";

const now = new Date("2026-11-23T10:00:00Z");
const zone = "Europe/Berlin";

describe("countdown", () => {
  it("counts down to a timed task in hours and minutes", () => {
    expect(countdown(new Date("2026-11-23T12:15:00Z"), now, false, zone)).toEqual({ text: "in 2 h 15 m", overdue: false, soon: true });
  });
  it("says how long a task has been overdue", () => {
    expect(countdown(new Date("2026-11-20T10:00:00Z"), now, false, zone)).toMatchObject({ text: "overdue 3 d", overdue: true });
  });
  it("treats an all-day task as due for the whole day in the user's zone", () => {
    // Local midnight at the start of 23 Nov in Berlin is 22 Nov 23:00 UTC: still "today", not overdue.
    expect(countdown(new Date("2026-11-22T23:00:00Z"), now, true, zone)).toMatchObject({ text: "today", overdue: false });
    expect(countdown(new Date("2026-11-23T23:00:00Z"), now, true, zone).text).toBe("tomorrow");
    expect(countdown(new Date("2026-11-20T23:00:00Z"), now, true, zone)).toMatchObject({ text: "overdue 2 d", overdue: true });
  });
  it("keeps the two largest units", () => {
    expect(formatSpan(30_000)).toBe("<1 m");
    expect(formatSpan(45 * 60_000)).toBe("45 m");
    expect(formatSpan(26 * 3_600_000)).toBe("1 d 2 h");
    expect(formatSpan(-5 * 86_400_000)).toBe("5 d");
  });
});

describe("date text", () => {
  it("formats due dates in the user's zone", () => {
    expect(formatDue(new Date("2026-12-01T08:00:00Z"), false, zone, now)).toBe("Tue 1 Dec, 09:00");
    expect(formatDue(new Date("2027-01-01T08:00:00Z"), false, zone, now)).toBe("Fri 1 Jan 2027, 09:00");
    expect(formatDue(new Date("2026-12-24T23:00:00Z"), true, zone, now)).toBe("Fri 25 Dec");
    expect(formatDue(new Date("2027-01-01T23:00:00Z"), true, zone, now)).toBe("Sat 2 Jan 2027");
  });
  it("describes reminder offsets", () => {
    expect(describeOffset(60)).toBe("1 h before");
    expect(describeOffset(30)).toBe("30 m before");
    expect(describeOffset(2880)).toBe("2 d before");
  });
});
