// One child process of the fleet: started, health-checked, restarted when it dies on its own (as Kubernetes
// restarts a pod), killed on purpose without a restart (fault drills), stopped with everything else.
import { spawn, type ChildProcess } from "node:child_process";

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Run as this user (e.g. PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** Answers true once the process serves; polled after every start. */
  ready: () => Promise<boolean>;
  /** How long a start may take before it counts as failed. */
  startTimeoutMs?: number;
}

export interface Supervised {
  readonly name: string;
  readonly running: boolean;
  pid(): number | undefined;
  /** Starts (again) and waits until ready. */
  start(): Promise<void>;
  /** Sends a signal and waits for the exit; no automatic restart follows. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGSTOP / SIGCONT: the process keeps its sockets but answers nothing (a hung pod). */
  pause(): void;
  resume(): void;
}

export interface SupervisorOptions {
  /** Restart a process that exits without being asked to (default true). */
  restart: boolean;
  /** Where the processes' output goes, one line at a time. */
  output: (name: string, line: string) => void;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function poll(probe: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(intervalMs);
  }
}

export function supervise(spec: ProcessSpec, options: SupervisorOptions): Supervised {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let wanted = false;
  let restarts = 0;

  const launch = () => {
    const proc = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true, uid: spec.uid, gid: spec.gid });
    child = proc;
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim() !== "") options.output(spec.name, line);
    };
    proc.stdout?.on("data", forward);
    proc.stderr?.on("data", forward);
    exited = new Promise<void>((resolve) => {
      proc.once("exit", (code, signal) => {
        if (child === proc) child = undefined;
        resolve();
        if (wanted && options.restart) {
          restarts += 1;
          options.output(spec.name, `exited (${signal ?? code}); restarting (restart #${restarts})`);
          // A short pause so a process that dies at once does not spin the CPU.
          setTimeout(() => {
            if (wanted && !child) void self.start().catch((cause: unknown) => options.output(spec.name, `restart failed: ${String(cause)}`));
          }, Math.min(5_000, 250 * restarts));
        }
      });
    });
    return proc;
  };

  const self: Supervised = {
    name: spec.name,
    get running() {
      return child !== undefined;
    },
    pid: () => child?.pid,
    async start() {
      if (child) return;
      wanted = true;
      const proc = launch();
      let gone = false;
      void exited.then(() => (gone = true));
      await poll(
        async () => {
          if (gone && child !== proc) throw new Error(`${spec.name} exited during start-up`);
          return spec.ready();
        },
        spec.startTimeoutMs ?? 120_000,
        `${spec.name} to become ready`,
      ).catch((cause: unknown) => {
        if (gone) throw new Error(`${spec.name} exited during start-up (see its output above)`);
        throw cause;
      });
    },
    async kill(signal = "SIGKILL") {
      wanted = false;
      const proc = child;
      if (!proc) return;
      proc.kill(signal);
      const escalate = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(escalate);
    },
    pause() {
      child?.kill("SIGSTOP");
    },
    resume() {
      child?.kill("SIGCONT");
    },
  };
  return self;
}
