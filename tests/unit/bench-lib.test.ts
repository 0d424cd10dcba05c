import { describe, expect, it } from "vitest";
import { LoadRecorder } from "../../bench/lib/load-result";
import { percentile, summarize } from "../../bench/lib/percentiles";

describe("bench percentiles", () => {
  it("uses nearest rank, so p95 of 1..100 is 95 and p50 is 50", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it("summarizes unsorted samples", () => {
    const s = summarize([5, 1, 3, 2, 4]);
    expect(s).toMatchObject({ count: 5, min: 1, max: 5, mean: 3, p50: 3, p99: 5 });
  });

  it("reports NaN rather than zero for no samples", () => {
    expect(Number.isNaN(summarize([]).p95)).toBe(true);
  });
});

describe("bench load recorder", () => {
  it("counts non-2xx and transport errors as errors and keeps status counts", () => {
    const recorder = new LoadRecorder();
    recorder.record(2, 200, true);
    recorder.record(3, 409, false);
    recorder.recordError("ECONNRESET");
    const result = recorder.finish(1000, 4);
    expect(result.errors).toBe(2);
    expect(result.statusCounts).toEqual({ "200": 1, "409": 1, error: 1 });
    expect(result.requests).toBe(2);
    expect(result.requestsPerSecond).toBe(2);
    expect(result.errorSamples).toEqual(["ECONNRESET"]);
  });
});
