import { describe, expect, it } from "vitest";
import {
  BUSY_HEAP_GROWING_PERCENT,
  createHeapGrowthControl,
  IDLE_HEAP_GROWING_PERCENT,
  SINGLE_HEAP_GROWING_PERCENT,
  WEB_HEAP_GROWING_PERCENT,
} from "@/server/http/heap-growth";

describe("heap growth limit", () => {
  it("starts the background process limited, lifts its limit while its event loop is busy and sets it again once idle", () => {
    const set: number[] = [];
    const loads = [0.01, 0.9, 0.3, 0.02];
    const check = createHeapGrowthControl({ role: "background", utilizationSinceLastCheck: () => loads.shift() ?? 0, setPercent: (p) => set.push(p) });
    expect(set).toEqual([IDLE_HEAP_GROWING_PERCENT]);
    expect([check(), check(), check(), check()]).toEqual([IDLE_HEAP_GROWING_PERCENT, BUSY_HEAP_GROWING_PERCENT, BUSY_HEAP_GROWING_PERCENT, IDLE_HEAP_GROWING_PERCENT]);
    // V8's flag is written only when the limit changes.
    expect(set).toEqual([IDLE_HEAP_GROWING_PERCENT, BUSY_HEAP_GROWING_PERCENT, IDLE_HEAP_GROWING_PERCENT]);
    expect(BUSY_HEAP_GROWING_PERCENT).not.toBe(IDLE_HEAP_GROWING_PERCENT);
  });

  it("holds the embedded default's single process to 1.5x its live heap, busy or idle", () => {
    const set: number[] = [];
    const loads = [0.9, 0.01, 0.6];
    const check = createHeapGrowthControl({ role: "single", utilizationSinceLastCheck: () => loads.shift() ?? 0, setPercent: (p) => set.push(p) });
    expect([check(), check(), check()]).toEqual([SINGLE_HEAP_GROWING_PERCENT, SINGLE_HEAP_GROWING_PERCENT, SINGLE_HEAP_GROWING_PERCENT]);
    expect(set).toEqual([50]);
  });

  it("holds a web process's heap to a small growth factor even under load", () => {
    const set: number[] = [];
    const loads = [0.9, 0.01, 0.6];
    const check = createHeapGrowthControl({ role: "web", utilizationSinceLastCheck: () => loads.shift() ?? 0, setPercent: (p) => set.push(p) });
    expect([check(), check(), check()]).toEqual([WEB_HEAP_GROWING_PERCENT, WEB_HEAP_GROWING_PERCENT, WEB_HEAP_GROWING_PERCENT]);
    expect(set).toEqual([WEB_HEAP_GROWING_PERCENT]);
    expect(WEB_HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(WEB_HEAP_GROWING_PERCENT).toBeLessThan(IDLE_HEAP_GROWING_PERCENT);
  });
});
