import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  buildRule,
  describeRecurrence,
  parseRuleToSpec,
  recurrenceSpecSchema,
  RULE_EXAMPLE,
  validateRecurrenceRule,
  type RecurrenceSpec,
} from "@/lib/recurrence";

describe("validateRecurrenceRule", () => {
  it("accepts a rule with or without RRULE: and normalizes case and prefix", () => {
    expect(validateRecurrenceRule("RRULE:freq=weekly;byday=mo,we,fr")).toEqual({ ok: true, normalized: "FREQ=WEEKLY;BYDAY=MO,WE,FR" });
    expect(validateRecurrenceRule("BYDAY=MO;FREQ=WEEKLY")).toEqual({ ok: true, normalized: "FREQ=WEEKLY;BYDAY=MO" });
    expect(validateRecurrenceRule("FREQ=MONTHLY;BYDAY=-1FR")).toEqual({ ok: true, normalized: "FREQ=MONTHLY;BYDAY=-1FR" });
  });

  it.each([
    ["garbage text", /KEY=VALUE/],
    ["", /empty/],
    ["FREQ=HOURLYY", /FREQ=HOURLYY is not supported/],
    ["FREQ=HOURLY", /BYHOUR/],
    ["BYDAY=MO", /needs a FREQ/],
    ["FREQ=DAILY;INTERVAL=0", /INTERVAL must be between 1/],
    ["FREQ=DAILY;COUNT=abc", /COUNT must be a whole number/],
    ["FREQ=WEEKLY;BYDAY=XX", /BYDAY value "XX" is not a weekday/],
    ["FREQ=WEEKLY;BYDAY=-1FR", /only works with FREQ=MONTHLY or FREQ=YEARLY/],
    ["FREQ=DAILY;COUNT=3;UNTIL=20260101T000000Z", /either COUNT or UNTIL/],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", /DTSTART and TZID/],
    ["FREQ=DAILY;TZID=Europe/Berlin", /DTSTART and TZID/],
    ["FREQ=DAILY;FOO=1", /Unknown RRULE part "FOO"/],
    ["FREQ=DAILY;FREQ=WEEKLY", /more than once/],
    ["FREQ=DAILY;UNTIL=20260230", /not a real date/],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", /never produces a date/],
    ["FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31", /never produces a date/],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", /never produces a date/],
    ["FREQ=DAILY;UNTIL=19990101", /never produces a date/],
  ])("rejects %j with a reason and an example", (rule, reason) => {
    const result = validateRecurrenceRule(rule);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    expect(result.example).toBe(RULE_EXAMPLE);
    expect(validateRecurrenceRule(result.example).ok).toBe(true);
  });

  it("accepts rules that only fire in some years (Feb 29, 5th Monday of February)", () => {
    expect(validateRecurrenceRule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29").ok).toBe(true);
    expect(validateRecurrenceRule("FREQ=MONTHLY;BYMONTH=2;BYDAY=5MO").ok).toBe(true);
  });
});

describe("describeRecurrence", () => {
  const nineBerlin = { start: new Date("2026-01-09T08:00:00Z"), timeZone: "Europe/Berlin" }; // Fri 9:00

  it.each([
    ["FREQ=WEEKLY;BYDAY=FR", "every week on Friday"],
    ["FREQ=DAILY", "every day"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"],
    ["FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "every weekday"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "every 2 weeks on Monday and Wednesday"],
    ["FREQ=WEEKLY;BYDAY=FR,MO,WE", "every week on Monday, Wednesday and Friday"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"],
    ["FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1", "every month on the last Friday"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "every month on the last weekday"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "every year on February 29"],
    ["FREQ=DAILY;COUNT=3", "every day, 3 times"],
    ["FREQ=DAILY;BYHOUR=9,17;BYMINUTE=30", "every day at 9:30 and 17:30"],
  ])("%s reads %j", (rule, text) => {
    expect(describeRecurrence(rule)).toBe(text);
  });

  it("adds the time of day from the start in the user's zone", () => {
    expect(describeRecurrence("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", nineBerlin)).toBe("every weekday at 9:00");
    expect(describeRecurrence("FREQ=MONTHLY;BYMONTHDAY=1", nineBerlin)).toBe("every month on the 1st at 9:00");
    expect(describeRecurrence("FREQ=DAILY", { ...nineBerlin, timeZone: "America/New_York" })).toBe("every day at 3:00");
  });

  it("fills in the day from the start when the rule leaves it implicit", () => {
    expect(describeRecurrence("FREQ=WEEKLY", nineBerlin)).toBe("every week on Friday at 9:00");
    expect(describeRecurrence("FREQ=MONTHLY", nineBerlin)).toBe("every month on the 9th at 9:00");
    expect(describeRecurrence("FREQ=YEARLY", nineBerlin)).toBe("every year on January 9 at 9:00");
  });

  it("shows a UTC UNTIL on the user's calendar", () => {
    // 23:00 UTC on Dec 31 is already Jan 1 in Berlin.
    expect(describeRecurrence("FREQ=DAILY;UNTIL=20261231T230000Z", nineBerlin)).toBe("every day at 9:00, until January 1, 2027");
    expect(describeRecurrence("FREQ=DAILY;UNTIL=20261231", nineBerlin)).toBe("every day at 9:00, until December 31, 2026");
  });

  it("falls back to rrule's wording for rarer shapes", () => {
    expect(describeRecurrence("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO")).toBe("every year on Monday in week 20");
  });
});

describe("buildRule / parseRuleToSpec", () => {
  it.each<[RecurrenceSpec, string]>([
    [{ freq: "daily", interval: 1 }, "FREQ=DAILY"],
    [{ freq: "weekly", interval: 2, byWeekday: ["MO", "WE"] }, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"],
    [{ freq: "monthly", interval: 1, byMonthDay: 31 }, "FREQ=MONTHLY;BYMONTHDAY=31"],
    [{ freq: "monthly", interval: 1, byWeekday: ["FR"], bySetPos: -1, count: 6 }, "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;COUNT=6"],
    [{ freq: "yearly", interval: 1, until: new Date("2030-12-31T22:59:59Z") }, "FREQ=YEARLY;UNTIL=20301231T225959Z"],
  ])("builds %j as %s and reads it back", (spec, rule) => {
    expect(buildRule(spec)).toBe(rule);
    expect(parseRuleToSpec(rule)).toEqual(spec);
  });

  it("writes weekdays in calendar order whatever order they were picked in", () => {
    expect(buildRule({ freq: "weekly", interval: 1, byWeekday: ["FR", "MO", "WE"] })).toBe("FREQ=WEEKLY;BYDAY=MO,WE,FR");
  });

  it("reads BYDAY=-1FR as the builder's 'last Friday'", () => {
    expect(parseRuleToSpec("RRULE:FREQ=MONTHLY;BYDAY=-1FR")).toEqual({ freq: "monthly", interval: 1, byWeekday: ["FR"], bySetPos: -1 });
  });

  it("returns null for rules the builder cannot show, or invalid text", () => {
    expect(parseRuleToSpec("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")).toBeNull();
    expect(parseRuleToSpec("FREQ=DAILY;BYHOUR=9,17")).toBeNull();
    expect(parseRuleToSpec("FREQ=MONTHLY;BYDAY=1MO,3MO")).toBeNull();
    expect(parseRuleToSpec("not a rule")).toBeNull();
  });

  it("rejects specs that make no sense", () => {
    expect(() => buildRule({ freq: "daily", interval: 1, count: 3, until: new Date("2030-01-01T00:00:00Z") })).toThrow(ZodError);
    expect(() => buildRule({ freq: "daily", interval: 0 })).toThrow(ZodError);
    expect(recurrenceSpecSchema.safeParse({ freq: "weekly", interval: 1, byWeekday: ["MO"], bySetPos: -1 }).success).toBe(false);
    expect(recurrenceSpecSchema.safeParse({ freq: "weekly", interval: 1, byMonthDay: 3 }).success).toBe(false);
    expect(recurrenceSpecSchema.safeParse({ freq: "weekly", interval: 1, byWeekday: ["MO", "MO"] }).success).toBe(false);
  });
});
