import { readdirSync, readFileSync } from "node:fs";

/** Resident memory of every process in the group (npm start -> tsx -> node server), from /proc. */
export function sampleProcessGroupRss(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // the process exited between listing and reading
    }
  }
  return total;
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
