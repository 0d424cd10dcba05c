import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

export interface StartedProcess {
  child: ChildProcess;
  /** Resolves when the process group has exited (SIGTERM, then SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  /** Rejects if the process exits before `stop()` is called (e.g. a crash during start-up). */
  exited: Promise<number | null>;
}

export interface StartOptions {
  cmd: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** stdout and stderr are appended here; otherwise they are discarded. */
  logFile?: string;
}

/**
 * Starts a long-running process (e.g. the app server) in its own process group, so stopping it also
 * stops the children it spawns (npx -> tsx -> node) and nothing outlives the benchmark.
 */
export function startProcess(options: StartOptions): StartedProcess {
  const log = options.logFile ? createWriteStream(options.logFile, { flags: "a" }) : undefined;
  const child = spawn(options.cmd, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", log ? "pipe" : "ignore", log ? "pipe" : "ignore"],
  });
  if (log) {
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
  }
  let stopping = false;
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("exit", (code) => {
      log?.end();
      if (stopping) resolve(code);
      else reject(new Error(`${options.cmd} ${options.args.join(" ")} exited early with code ${code}`));
    });
    child.once("error", reject);
  });
  exited.catch(() => {}); // observed by callers who await it; avoid unhandled rejections otherwise

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopping = true;
    signalGroup("SIGTERM");
    const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
    await exited.catch(() => {});
    clearTimeout(timer);
    signalGroup("SIGKILL"); // any straggler in the group
  };
  return { child, stop, exited };
}

/**
 * Polls `url` until it answers 2xx (or `isReady` accepts the response), failing after `timeoutMs`
 * or as soon as `abortOn` rejects (pass `started.exited` to stop waiting for a crashed server).
 */
export async function waitForHttp(
  url: string,
  options: { timeoutMs?: number; intervalMs?: number; abortOn?: Promise<unknown>; isReady?: (res: Response) => boolean } = {},
): Promise<void> {
  const { timeoutMs = 180_000, intervalMs = 500, abortOn, isReady = (res) => res.ok } = options;
  let aborted: unknown;
  abortOn?.then(
    () => (aborted ??= new Error("process exited")),
    (error: unknown) => (aborted ??= error),
  );
  const deadline = Date.now() + timeoutMs;
  let lastError = "no answer";
  while (Date.now() < deadline) {
    if (aborted) throw aborted instanceof Error ? aborted : new Error(String(aborted));
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (isReady(res)) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${lastError})`);
}
