import { performance } from "node:perf_hooks";
import { summarize, type LatencySummary } from "../lib/percentiles";
import { CALLS, runPool, type CallName, type PeerClient } from "./client";

export interface SequentialResult {
  call: CallName;
  latencyMs: LatencySummary;
  /** Tasks in the last answer (a list call that finds nothing would flatter the figure). */
  lastAnswerTasks: number;
}

/** Each call on its own, one at a time: `warmup` unmeasured, then `samples` measured (wall time to the last byte). */
export async function runSequential(client: PeerClient, options: { warmup: number; samples: number }): Promise<SequentialResult[]> {
  const results: SequentialResult[] = [];
  let offset = 0;
  for (const call of CALLS) {
    for (let i = 0; i < options.warmup; i++) await client.call(call, offset++);
    const samples: number[] = [];
    let lastAnswerTasks = 0;
    for (let i = 0; i < options.samples; i++) {
      const started = performance.now();
      lastAnswerTasks = await client.call(call, offset++);
      samples.push(performance.now() - started);
    }
    results.push({ call, latencyMs: summarize(samples), lastAnswerTasks });
  }
  return results;
}

/** The mix of a person's day, by weight: mostly lists, some searches and opens, one write in ten. */
export const MIX: Record<CallName, number> = { "open-by-due": 30, "priority-tag": 15, "due-next7": 15, search: 15, get: 15, "update-priority": 10 };

export interface MixedResult {
  calls: number;
  concurrency: number;
  callsPerSecond: number;
  latencyMs: LatencySummary;
}

/** `count` calls of the mix (a fixed, repeatable order), `concurrency` in flight; each update touches a task no other call does. */
export async function runMixed(client: PeerClient, options: { count: number; concurrency: number; firstTask: number }): Promise<MixedResult> {
  const deck: CallName[] = [];
  for (const call of CALLS) for (let i = 0; i < MIX[call]; i++) deck.push(call);
  const samples: number[] = [];
  const started = performance.now();
  await runPool(options.count, options.concurrency, async (i) => {
    const call = deck[(i * 37) % deck.length] as CallName;
    const t0 = performance.now();
    await client.call(call, options.firstTask + i);
    samples.push(performance.now() - t0);
  });
  const seconds = (performance.now() - started) / 1000;
  return { calls: options.count, concurrency: options.concurrency, callsPerSecond: Math.round((options.count / seconds) * 10) / 10, latencyMs: summarize(samples) };
}
