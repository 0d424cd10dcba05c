import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import type { Env } from "@/server/env";

/**
 * What one process of the app does. `single`: everything (the embedded default, development, WEB_CONCURRENCY=1).
 * With several processes (PostgreSQL in production): `web` processes share the port and serve pages, the API and
 * the Pusher endpoint; one `background` process runs the outbox relay, the workers and the reminder scheduler, so
 * reminders fire once and event work never queues behind requests on a web process's event loop.
 */
export type ProcessRole = "single" | "web" | "background";

const ROLE_VARIABLE = "CADENCE_PROCESS_ROLE";
/** The background process yields the CPU to the web processes when both want it: a burst of writes never stalls reads. */
const BACKGROUND_NICENESS = 5;
const RESTART_DELAY_MS = 1_000;
/** What the primary sends the background process once the web processes are gone. */
export const STOP_MESSAGE = "cadence:stop";

/** How many web processes this configuration asks for (1 = no cluster). */
export function webProcessCount(env: Pick<Env, "DATABASE_URL" | "DAPR_HTTP_PORT" | "WEB_CONCURRENCY">, dev: boolean): number {
  // PGlite has one owner, and Next's development server keeps per-process state (HMR).
  if (dev || !env.DATABASE_URL) return 1;
  // With Dapr the workers are processes of their own and instances scale as replicas (pods, the fleet): one
  // process each unless asked. Without it the app carries everything, so it takes every core by default.
  return env.WEB_CONCURRENCY ?? (env.DAPR_HTTP_PORT ? 1 : os.availableParallelism());
}

export function roleOfThisProcess(): ProcessRole {
  if (!cluster.isWorker) return "single";
  return process.env[ROLE_VARIABLE] === "background" ? "background" : "web";
}

/**
 * The primary of a multi-process app: forks the web processes and the background one, forks a process again when
 * it dies, and passes SIGTERM/SIGINT on so each drains as a single process would; exits once all have.
 */
export function runPrimary(options: { webProcesses: number; log: (message: string) => void }): void {
  const roles = new Map<Worker, ProcessRole>();
  let stopping = false;

  const start = (role: ProcessRole) => {
    const worker = cluster.fork({ [ROLE_VARIABLE]: role });
    roles.set(worker, role);
    if (role === "background" && worker.process.pid) {
      try {
        os.setPriority(worker.process.pid, BACKGROUND_NICENESS);
      } catch {
        // not permitted here: runs at normal priority
      }
    }
  };

  const webLeft = () => [...roles.values()].filter((role) => role === "web").length;
  /** Asks the background process to stop once no web process is left, so it publishes what they wrote. */
  const stopBackgroundWhenWebGone = () => {
    if (webLeft() > 0) return;
    for (const [worker, role] of roles) if (role === "background" && worker.isConnected()) worker.send(STOP_MESSAGE);
  };

  cluster.on("exit", (worker, code, signal) => {
    const role = roles.get(worker) ?? "web";
    roles.delete(worker);
    if (stopping) {
      if (roles.size === 0) process.exit(0);
      stopBackgroundWhenWebGone();
      return;
    }
    options.log(`${role} process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => start(role), RESTART_DELAY_MS).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const [worker, role] of roles) if (role === "web") worker.process.kill(signal);
    if (roles.size === 0) process.exit(0);
    stopBackgroundWhenWebGone();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  start("background");
  for (let i = 0; i < options.webProcesses; i += 1) start("web");
}
