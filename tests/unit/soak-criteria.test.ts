import { describe, expect, it } from "vitest";
import { evaluateSoak, verdictLines, type SoakSamples } from "../../bench/soak/criteria";
import type { OutboxLagMinute } from "../../bench/soak/outbox-lag";

const MINUTE = 60_000;
const reminders = { expected: 3, deliveredOnce: 3, missing: 0, duplicated: 0 };
const lagMinutes = (maxMs: number, unpublished = 0): OutboxLagMinute[] =>
  [0, 1, 2].map((minute) => ({ minute, events: 40, maxMs: minute === 1 ? maxMs : 50, p95Ms: 30, unpublished: minute === 2 ? unpublished : 0 }));
const run = (overrides: Partial<{ lastMs: number; endRss: number; lag: number; unpublished: number; failed: boolean }>) => {
  const samples: SoakSamples = { requests: [], rssBytes: [], gaugeLagMs: [] };
  for (let at = 0; at < 3 * MINUTE; at += 1_000) {
    const ms = at >= 2 * MINUTE ? (overrides.lastMs ?? 10) : 10;
    samples.requests.push({ at, op: "list", ms, ok: !(overrides.failed && at === 5_000), status: 200 });
  }
  for (let at = 0; at < 3 * MINUTE; at += 5_000) {
    samples.rssBytes.push({ at, bytes: at >= 2.5 * MINUTE ? (overrides.endRss ?? 100e6) : 100e6 });
    samples.gaugeLagMs.push({ at, ms: at === 65_000 ? null : 20 });
  }
  return evaluateSoak(samples, { durationMs: 3 * MINUTE, reminders, outboxLag: lagMinutes(overrides.lag ?? 50, overrides.unpublished) });
};

describe("soak pass criteria", () => {
  it("pass a steady run", () => {
    expect(run({}).pass).toBe(true);
  });
  it("fail on any error, a last-minute p95 over 1.5x the first, RSS growth over 10 %, or outbox lag over 1 s", () => {
    expect(run({ failed: true }).checks.noErrors).toBe(false);
    expect(run({ lastMs: 16 }).checks.p95Holds).toBe(false);
    expect(run({ lastMs: 15 }).checks.p95Holds).toBe(true);
    expect(run({ endRss: 111e6 }).checks.rssGrowthWithin10Percent).toBe(false);
    expect(run({ lag: 1_001 }).checks.outboxLagWithin1s).toBe(false);
  });
  it("fail the lag criterion when an event was never published or no event was written at all", () => {
    expect(run({ unpublished: 1 }).checks.outboxLagWithin1s).toBe(false);
    const empty = evaluateSoak({ requests: [], rssBytes: [], gaugeLagMs: [] }, { durationMs: MINUTE, reminders, outboxLag: [] });
    expect(empty.checks.outboxLagWithin1s).toBe(false);
  });
  it("report the gauge per minute with the scrapes that got no answer, and one verdict line per criterion", () => {
    const result = run({ lag: 1_500 });
    expect(result.outboxLagMs.gauge[1]).toEqual({ minute: 1, maxMs: 20, reads: 11, tries: 12 });
    const lines = verdictLines(result);
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.includes("outbox lag"))).toMatch(/^FAIL outbox lag: max 1500 ms over 120 events/);
    expect(lines.at(-1)).toBe("FAIL overall");
  });
  it("pin an RSS growth on the process that grew, by role", () => {
    const samples: SoakSamples = { requests: [], rssBytes: [], gaugeLagMs: [], roles: { 10: "primary", 11: "web", 12: "background" } };
    for (let at = 0; at < 3 * MINUTE; at += 5_000) {
      const background = at >= 2.5 * MINUTE ? 150e6 : 100e6;
      samples.rssBytes.push({ at, bytes: 300e6 + background - 100e6, byPid: { 10: 100e6, 11: 100e6, 12: background } });
    }
    const result = evaluateSoak(samples, { durationMs: 3 * MINUTE, reminders, outboxLag: lagMinutes(50) });
    expect(result.rssMb.byProcess.map((p) => [p.role, p.afterWarmUp, p.atEnd])).toEqual([
      ["primary", 95.4, 95.4],
      ["web", 95.4, 95.4],
      ["background", 95.4, 143.1],
    ]);
  });
});

