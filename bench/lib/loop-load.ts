import { LoadRecorder, type LoadResult } from "./load-result";

export interface LoopLoadOptions {
  /** Concurrent callers, each running `operation` back to back (a closed loop, like autocannon). */
  concurrency: number;
  durationSeconds: number;
  warmupSeconds: number;
  operation: (worker: number, iteration: number) => Promise<void>;
}

/** In-process equivalent of an HTTP load run, for baselines such as running the same SQL directly. */
export async function runLoopLoad(options: LoopLoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await drive(options, options.warmupSeconds, new LoadRecorder());
  const recorder = new LoadRecorder();
  const elapsed = await drive(options, options.durationSeconds, recorder);
  return recorder.finish(elapsed, options.concurrency);
}

async function drive(options: LoopLoadOptions, seconds: number, recorder: LoadRecorder): Promise<number> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async (id: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      try {
        await options.operation(id, i);
        recorder.record(performance.now() - t0, 200, true);
      } catch (error) {
        recorder.record(performance.now() - t0, "error", false);
        recorder.sample(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => worker(id)));
  return performance.now() - start;
}
