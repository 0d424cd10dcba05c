import { summarize, type LatencySummary } from "../lib/percentiles";
import type { OutboxLagMinute } from "./outbox-lag";
import type { RequestSample } from "./user";

export interface SoakSamples {
  requests: RequestSample[];
  /** `byPid`: each process of the group, so a growth can be pinned on one. */
  rssBytes: { at: number; bytes: number; byPid?: Record<number, number> }[];
  /** Each sampled process's role (web, background, primary). */
  roles?: Record<number, string>;
  /** The relay's `cadence_outbox_lag_ms` gauge as scraped during the run (null: the scrape got no answer in time). */
  gaugeLagMs: { at: number; ms: number | null }[];
}

export interface ReminderCheck {
  expected: number;
  deliveredOnce: number;
  missing: number;
  duplicated: number;
}

const MINUTE = 60_000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The pass criteria: 0 errors; p95 of the last minute within 1.5x of the first minute's; RSS growth after
 * warm-up (the first minute, or the first fifth of a shorter run) at most 10 %; outbox lag at most 1 s for every event
 * written during the run (from the outbox table, per minute) and none left unpublished; every reminder delivered
 * exactly once.
 */
export function evaluateSoak(samples: SoakSamples, run: { durationMs: number; reminders: ReminderCheck; outboxLag: OutboxLagMinute[] }) {
  const window = Math.min(MINUTE, run.durationMs / 5);
  const first = samples.requests.filter((r) => r.at < window).map((r) => r.ms);
  const last = samples.requests.filter((r) => r.at >= run.durationMs - window).map((r) => r.ms);
  const firstP95 = summarize(first).p95;
  const lastP95 = summarize(last).p95;
  const errors = samples.requests.filter((r) => !r.ok);
  const warm = samples.rssBytes.filter((s) => s.at >= window);
  const rssAfterWarmUp = warm[0]?.bytes ?? Number.NaN;
  const tail = warm.slice(-3);
  const rssAtEnd = tail.reduce((sum, s) => sum + s.bytes, 0) / Math.max(1, tail.length);
  const rssGrowth = (rssAtEnd - rssAfterWarmUp) / rssAfterWarmUp;
  const lagEvents = run.outboxLag.reduce((sum, m) => sum + m.events, 0);
  const maxLag = run.outboxLag.reduce((max, m) => Math.max(max, m.maxMs), 0);
  const unpublished = run.outboxLag.reduce((sum, m) => sum + m.unpublished, 0);
  const byOp: Record<string, LatencySummary> = {};
  for (const op of new Set(samples.requests.map((r) => r.op))) {
    byOp[op] = summarize(samples.requests.filter((r) => r.op === op).map((r) => r.ms));
  }
  const minutes = Array.from({ length: Math.ceil(run.durationMs / MINUTE) }, (_, i) => samples.requests.filter((r) => r.at >= i * MINUTE && r.at < (i + 1) * MINUTE));
  const perMinuteP95 = minutes.map((inMinute) => summarize(inMinute.map((r) => r.ms)).p95);
  // Which kind of request slows down over the run, when p95 does.
  const perMinuteP95ByOp: Record<string, number[]> = {};
  for (const op of Object.keys(byOp)) perMinuteP95ByOp[op] = minutes.map((inMinute) => Math.round(summarize(inMinute.filter((r) => r.op === op).map((r) => r.ms)).p95 * 10) / 10);
  const checks = {
    noErrors: errors.length === 0,
    p95Holds: lastP95 <= 1.5 * firstP95,
    rssGrowthWithin10Percent: rssGrowth <= 0.1,
    // Unmeasured is not a pass: the run must have written events, and every one must have been published in time.
    outboxLagWithin1s: lagEvents > 0 && unpublished === 0 && maxLag <= 1_000,
    remindersDeliveredOnce: run.reminders.expected > 0 && run.reminders.deliveredOnce === run.reminders.expected,
  };
  return {
    pass: Object.values(checks).every(Boolean),
    checks,
    requests: samples.requests.length,
    requestsPerSecond: Math.round((samples.requests.length / (run.durationMs / 1000)) * 10) / 10,
    errors: { count: errors.length, statuses: countBy(errors.map((e) => String(e.status))), first: errors.slice(0, 5) },
    latencyMs: { all: summarize(samples.requests.map((r) => r.ms)), firstWindowP95: firstP95, lastWindowP95: lastP95, perMinuteP95, perMinuteP95ByOp, byOp },
    rssMb: {
      afterWarmUp: mb(rssAfterWarmUp),
      atEnd: mb(rssAtEnd),
      growthPercent: Math.round(rssGrowth * 1000) / 10,
      samples: samples.rssBytes.length,
      byProcess: rssByProcess(warm[0]?.byPid, warm.at(-1)?.byPid, samples.roles ?? {}),
    },
    outboxLagMs: { max: maxLag, events: lagEvents, unpublished, perMinute: run.outboxLag, gauge: gaugePerMinute(samples.gaugeLagMs, run.durationMs) },
    reminders: run.reminders,
  };
}

/** One line per criterion, with the figure it was judged on, for the console of an unattended run. */
export function verdictLines(result: ReturnType<typeof evaluateSoak>): string[] {
  const mark = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const { checks, errors, latencyMs, rssMb, outboxLagMs, reminders } = result;
  return [
    `${mark(checks.noErrors)} errors: ${errors.count} ${JSON.stringify(errors.statuses)}`,
    `${mark(checks.p95Holds)} p95 first -> last window: ${Math.round(latencyMs.firstWindowP95)} -> ${Math.round(latencyMs.lastWindowP95)} ms (limit 1.5x)`,
    `${mark(checks.rssGrowthWithin10Percent)} RSS after warm-up -> end: ${rssMb.afterWarmUp} -> ${rssMb.atEnd} MB (${rssMb.growthPercent} %, limit 10 %)`,
    `${mark(checks.outboxLagWithin1s)} outbox lag: max ${outboxLagMs.max} ms over ${outboxLagMs.events} events, ${outboxLagMs.unpublished} unpublished (per minute: ${outboxLagMs.perMinute.map((m) => m.maxMs).join(", ")} ms; limit 1000)`,
    `${mark(checks.remindersDeliveredOnce)} reminders delivered once: ${reminders.deliveredOnce}/${reminders.expected} (missing ${reminders.missing}, duplicated ${reminders.duplicated})`,
    `${result.pass ? "PASS" : "FAIL"} overall`,
  ];
}

/** The scraped gauge per minute: its highest value and how many scrapes answered in time. */
function gaugePerMinute(reads: SoakSamples["gaugeLagMs"], durationMs: number) {
  return Array.from({ length: Math.ceil(durationMs / MINUTE) }, (_, i) => {
    const inMinute = reads.filter((r) => r.at >= i * MINUTE && r.at < (i + 1) * MINUTE);
    const answered = inMinute.flatMap((r) => (r.ms === null ? [] : [r.ms]));
    return { minute: i, maxMs: answered.length > 0 ? Math.max(...answered) : null, reads: answered.length, tries: inMinute.length };
  });
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** Each process's RSS after the warm-up and at the last sample, in MB (a process that came or went shows null). */
function rssByProcess(atWarmUp: Record<number, number> | undefined, atEnd: Record<number, number> | undefined, roles: Record<number, string>) {
  const pids = [...new Set([...Object.keys(atWarmUp ?? {}), ...Object.keys(atEnd ?? {})])].map(Number).sort((a, b) => a - b);
  return pids.map((pid) => {
    const before = atWarmUp?.[pid];
    const after = atEnd?.[pid];
    return { pid, role: roles[pid] ?? "unknown", afterWarmUp: before === undefined ? null : mb(before), atEnd: after === undefined ? null : mb(after) };
  });
}
