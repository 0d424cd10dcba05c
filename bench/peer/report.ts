import { CALL_LABELS, CALLS } from "./client";
import type { MixedResult, SequentialResult } from "./measure";
import type { ProcessMemory } from "./servers";

/** Everything measured on one server in one run. */
export interface ServerRun {
  name: string;
  seed: { tasks: number; seconds: number; createsPerSecond: number };
  afterWrites: MixedResult;
  quietAfterWrites: { waitedMs: number; quiet: boolean };
  sequential: SequentialResult[];
  steady: MixedResult;
  memory: { largestProcessMB: number; allProcessesMB: number; processes: ProcessMemory[] };
}

export interface Check {
  what: string;
  server: string;
  value: number;
  limit: number;
  pass: boolean;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : Number.NaN);

/** Issue 14's targets for one Cadence run against the peer's run (memory limits need no peer). */
export function checks(cadence: ServerRun, mode: "postgres" | "embedded", peer: ServerRun | undefined): Check[] {
  const out: Check[] = [];
  const add = (what: string, value: number, limit: number) => out.push({ what, server: cadence.name, value, limit, pass: value <= limit });
  if (peer) {
    for (const call of CALLS) {
      const ours = cadence.sequential.find((s) => s.call === call)?.latencyMs;
      const theirs = peer.sequential.find((s) => s.call === call)?.latencyMs;
      if (!ours || !theirs) continue;
      add(`${call} p95 ≤ peer p95`, ours.p95, theirs.p95);
      add(`${call} p50 ≤ 0.7 × peer p50`, ours.p50, Math.round(theirs.p50 * 0.7 * 100) / 100);
    }
    for (const phase of ["afterWrites", "steady"] as const) {
      // Throughput is "more is better": compare the peer's doubled rate against ours.
      out.push({ what: `${phase} calls/s ≥ 2 × peer`, server: cadence.name, value: cadence[phase].callsPerSecond, limit: peer[phase].callsPerSecond * 2, pass: cadence[phase].callsPerSecond >= peer[phase].callsPerSecond * 2 });
    }
  }
  const slowestP95 = Math.max(...cadence.sequential.map((s) => s.latencyMs.p95));
  for (const phase of ["afterWrites", "steady"] as const) add(`${phase} p99 ≤ 3 × slowest sequential p95`, cadence[phase].latencyMs.p99, Math.round(slowestP95 * 3 * 10) / 10);
  add("RSS per process (MB)", cadence.memory.largestProcessMB, mode === "postgres" ? 200 : 350);
  return out;
}

/** Any run of this table (all share the mixed run's size). */
const run0 = (cadence: ServerRun[], peer: ServerRun | undefined) => (peer ?? cadence[0]) as ServerRun;

const cell = (run: ServerRun | undefined, pick: (run: ServerRun) => string) => (run ? pick(run) : "skipped");

/** One Markdown table: the peer's column, each Cadence column, and Cadence ÷ peer per Cadence column. */
export function formatTable(peer: ServerRun | undefined, cadence: ServerRun[]): string {
  const columns = [peer?.name ?? "Vikunja 2.5 (PostgreSQL)", ...cadence.map((c) => c.name), ...cadence.map((c) => `${c.name} ÷ peer`)];
  const rows: string[][] = [];
  for (const call of CALLS) {
    const seq = (run: ServerRun) => run.sequential.find((s) => s.call === call)?.latencyMs;
    const fmt = (run: ServerRun) => {
      const s = seq(run);
      return s ? `${s.p50} / ${s.p95}` : "–";
    };
    const ratios = cadence.map((c) => {
      const ours = seq(c);
      const theirs = peer && seq(peer);
      return ours && theirs ? `${ratio(ours.p50, theirs.p50)} / ${ratio(ours.p95, theirs.p95)}` : "–";
    });
    rows.push([`${CALL_LABELS[call]} (p50 / p95 ms)`, cell(peer, fmt), ...cadence.map(fmt), ...ratios]);
  }
  for (const [phase, label] of [["afterWrites", "right after the creates"], ["steady", "steady state"]] as const) {
    const fmt = (run: ServerRun) => `${run[phase].callsPerSecond} calls/s, p95 ${run[phase].latencyMs.p95}, p99 ${run[phase].latencyMs.p99} ms`;
    const ratios = cadence.map((c) => (peer ? `${ratio(c[phase].callsPerSecond, peer[phase].callsPerSecond)}× calls/s` : "–"));
    rows.push([`${run0(cadence, peer)[phase].calls} mixed calls, ${run0(cadence, peer)[phase].concurrency} at a time, ${label}`, cell(peer, fmt), ...cadence.map(fmt), ...ratios]);
  }
  const mem = (run: ServerRun) => `${run.memory.largestProcessMB} MB${run.memory.processes.length > 1 ? ` (all ${run.memory.processes.length} processes: ${run.memory.allProcessesMB} MB)` : ""}`;
  rows.push(["server memory (RSS) after the run", cell(peer, mem), ...cadence.map(mem), ...cadence.map((c) => (peer ? `${ratio(c.memory.largestProcessMB, peer.memory.largestProcessMB)}×` : "–"))]);
  const seed = (run: ServerRun) => `${run.seed.createsPerSecond}/s (${run.seed.tasks} in ${run.seed.seconds} s)`;
  rows.push(["creates while seeding (not compared)", cell(peer, seed), ...cadence.map(seed), ...cadence.map(() => "")]);
  const header = ["call", ...columns];
  return [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}
