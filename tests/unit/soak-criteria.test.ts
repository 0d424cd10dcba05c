import { describe, expect, it } from "vitest";
import { evaluateSoak, type SoakSamples } from "../../bench/soak/criteria";

const MINUTE = 60_000;
const run = (overrides: Partial<{ lastMs: number; endRss: number; lag: number; failed: boolean }>) => {
  const samples: SoakSamples = { requests: [], rssBytes: [], outboxLagMs: [] };
  for (let at = 0; at < 3 * MINUTE; at += 1_000) {
    const ms = at >= 2 * MINUTE ? (overrides.lastMs ?? 10) : 10;
    samples.requests.push({ at, op: "list", ms, ok: !(overrides.failed && at === 5_000), status: 200 });
  }
  for (let at = 0; at < 3 * MINUTE; at += 5_000) {
    samples.rssBytes.push({ at, bytes: at >= 2.5 * MINUTE ? (overrides.endRss ?? 100e6) : 100e6 });
    samples.outboxLagMs.push({ at, ms: overrides.lag ?? 50 });
  }
  return evaluateSoak(samples, { durationMs: 3 * MINUTE, reminders: { expected: 3, deliveredOnce: 3, missing: 0, duplicated: 0 } });
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
    expect(evaluateSoak({ requests: [], rssBytes: [], outboxLagMs: [] }, { durationMs: MINUTE, reminders: { expected: 1, deliveredOnce: 1, missing: 0, duplicated: 0 } }).checks.outboxLagWithin1s).toBe(false);
  });
});
