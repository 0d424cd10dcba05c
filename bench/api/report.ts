import type { LoadResult } from "../lib/load-result";
import type { ScenarioName } from "./scenarios";

/** The issue's targets for a 2-core machine (ms, p95) and for the list p50 app/SQL ratio. */
export const P95_TARGETS_MS: Partial<Record<ScenarioName, number>> = {
  search: 25,
  "filtered-list": 15,
  "sorted-list": 15,
  create: 15,
};
export const RATIO_TARGETS: Partial<Record<ScenarioName, number>> = { "filtered-list": 2, "sorted-list": 2 };

export interface ScenarioReport extends LoadResult {
  name: ScenarioName;
  description: string;
  target: { metric: "p95"; maxMs: number; pass: boolean; overByMs: number } | null;
  notes?: Record<string, unknown>;
}

export interface RatioReport {
  name: ScenarioName;
  appP50: number;
  sqlP50: number;
  ratio: number;
  appRps: number;
  sqlRps: number;
  target: { max: number; pass: boolean } | null;
}

const round = (v: number) => Math.round(v * 100) / 100;

export function scenarioReport(name: ScenarioName, description: string, result: LoadResult, notes?: Record<string, unknown>): ScenarioReport {
  const maxMs = P95_TARGETS_MS[name];
  const target =
    maxMs === undefined
      ? null
      : { metric: "p95" as const, maxMs, pass: result.latencyMs.p95 <= maxMs && result.errors === 0, overByMs: round(Math.max(0, result.latencyMs.p95 - maxMs)) };
  return { name, description, ...result, target, ...(notes ? { notes } : {}) };
}

export function ratioReport(name: ScenarioName, app: LoadResult, sql: LoadResult): RatioReport {
  const ratio = round(app.latencyMs.p50 / sql.latencyMs.p50);
  const max = RATIO_TARGETS[name];
  return {
    name,
    appP50: app.latencyMs.p50,
    sqlP50: sql.latencyMs.p50,
    ratio,
    appRps: app.requestsPerSecond,
    sqlRps: sql.requestsPerSecond,
    target: max === undefined ? null : { max, pass: ratio <= max },
  };
}

/** A human table for stderr; stdout carries only the JSON. */
export function formatTable(scenarios: ScenarioReport[], ratios: RatioReport[]): string {
  const header = ["scenario", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors", "target", "result"];
  const rows = scenarios.map((s) => [
    s.name,
    s.latencyMs.p50.toFixed(2),
    s.latencyMs.p95.toFixed(2),
    s.latencyMs.p99.toFixed(2),
    s.requestsPerSecond.toFixed(0),
    String(s.errors),
    s.target ? `p95 ≤ ${s.target.maxMs}` : "-",
    s.target ? (s.target.pass ? "PASS" : `FAIL${s.target.overByMs > 0 ? ` (+${s.target.overByMs} ms)` : ""}`) : s.errors ? "ERRORS" : "-",
  ]);
  for (const r of ratios) {
    rows.push([
      `${r.name} app/SQL p50`,
      `${r.appP50} / ${r.sqlP50}`,
      "",
      "",
      `${r.appRps.toFixed(0)} / ${r.sqlRps.toFixed(0)}`,
      "",
      r.target ? `ratio ≤ ${r.target.max}` : "-",
      `${r.ratio}×${r.target ? (r.target.pass ? " PASS" : " FAIL") : ""}`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
