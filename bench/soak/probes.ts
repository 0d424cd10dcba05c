import { readdirSync, readFileSync } from "node:fs";

/** Resident memory of the group's processes (primary, web and background processes), from /proc, in bytes. */
export function sampleProcessGroupRss(pgid: number): { total: number; byPid: Record<number, number> } {
  let total = 0;
  const byPid: Record<number, number> = {};
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
      byPid[Number(entry)] = Number(rss ?? 0) * 1024;
      total += byPid[Number(entry)] ?? 0;
    } catch {
      // the process exited between listing and reading
    }
  }
  return { total, byPid };
}

/** Clock ticks per second of /proc's utime/stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) used so far by one process, in ms; 0 once it is gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, 12th and 13th after the command.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU time per process of a group (the app: primary, web and background processes), keyed by pid. */
export function processGroupCpuMs(pgid: number): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) byPid.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // the process exited between listing and reading
    }
  }
  return byPid;
}

/** CPU time per given pid (PostgreSQL backends serving the run's database), keyed by pid. */
export function pidsCpuMs(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, processCpuMs(pid)]));
}

/**
 * CPU used between two readings, in ms: a process that appeared since counts from 0, one that is gone counts up
 * to its last reading (so the figure is a lower bound when processes exit mid-run).
 */
export function cpuUsedMs(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, ms] of after) used += ms - (before.get(pid) ?? 0);
  return Math.max(0, used);
}

/**
 * The relay's outbox lag gauge from the app's Prometheus endpoint, or null when it did not answer within a few
 * seconds (a scrape every 5 s must not pile up behind a slow server; the verdict uses the outbox table instead).
 */
export async function scrapeOutboxLag(baseUrl: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${baseUrl}/api/metrics`, { signal: AbortSignal.timeout(4_000) })).text();
    const match = /^cadence_outbox_lag_ms(?:\{[^}]*\})? ([\d.e+-]+)$/m.exec(text);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The role a process of the app's group was forked for (src/server/http/processes.ts), or "primary". */
export function processRole(pid: number): string {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    return environ.find((entry) => entry.startsWith("CADENCE_PROCESS_ROLE="))?.slice("CADENCE_PROCESS_ROLE=".length) ?? "primary";
  } catch {
    return "gone";
  }
}
