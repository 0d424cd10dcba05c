import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseUrl, recreateDatabase } from "../api/seed";
import { benchAppEnv } from "../lib/app-env";
import { startProcess, waitForHttp } from "../lib/process";

/** A server under test: where it answers, which processes are its own (for RSS and CPU), and how to stop it. */
export interface RunningServer {
  baseUrl: string;
  /** The process ids that make up the server right now (its process group, or the peer's single process). */
  pids(): number[];
  stop(): Promise<void>;
  log: string;
}

const ticksPerSecond = 100;

/** The processes whose process group is `pgid` (the app, its wrappers and, in cluster mode, its workers). */
function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export interface ProcessMemory {
  pid: number;
  command: string;
  rssMB: number;
}

/** Resident memory of each process (VmRSS), largest first. */
export function memoryOf(pids: number[]): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 4).join(" ").slice(0, 120);
      if (kb > 0) out.push({ pid, command, rssMB: Math.round(kb / 1024) });
    } catch {
      // exited meanwhile
    }
  }
  return out.sort((a, b) => b.rssMB - a.rssMB);
}

/** CPU seconds used so far by these processes (user + system). */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks / ticksPerSecond;
}

/**
 * Waits until the server's own processes use under 5% of a core for 2 s in a row (the work the seeding set off —
 * relay, workers, live notices — is done), at most `maxMs`. Returns how long it waited.
 */
export async function waitUntilQuiet(server: RunningServer, maxMs = 120_000): Promise<{ waitedMs: number; quiet: boolean }> {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const before = cpuSeconds(server.pids());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (cpuSeconds(server.pids()) - before < 0.1) return { waitedMs: Date.now() - started, quiet: true };
  }
  return { waitedMs: Date.now() - started, quiet: false };
}

export type CadenceMode = "postgres" | "embedded";

/**
 * Cadence as `npm start` runs it (scripts/start.mjs on the production build), on a fresh PostgreSQL database or a
 * fresh embedded data directory.
 */
export async function startCadence(options: {
  root: string;
  adminUrl: string;
  mode: CadenceMode;
  port: number;
  database: string;
  extraEnv?: Record<string, string>;
  /** Node options for every process of the server (the cluster's processes inherit them), e.g. --cpu-prof. */
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `cadence-peer-${options.mode}-`));
  const log = path.join(dataDir, "server.log");
  let dbUrl: string | undefined;
  if (options.mode === "postgres") {
    await recreateDatabase(options.adminUrl, options.database);
    dbUrl = databaseUrl(options.adminUrl, options.database);
  }
  const baseUrl = `http://localhost:${options.port}`;
  const server = startProcess({
    cmd: process.execPath,
    args: [...(options.nodeArgs ?? []), "scripts/start.mjs"],
    cwd: options.root,
    logFile: log,
    env: {
      ...benchAppEnv({ port: options.port, baseUrl, dataDir, databaseUrl: dbUrl }),
      ...options.extraEnv,
    },
  });
  try {
    await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 10 * 60_000, abortOn: server.exited });
  } catch (error) {
    await server.stop();
    throw new Error(`Cadence (${options.mode}) did not start: ${String(error)}; log ${log}:\n${tail(log)}`);
  }
  const pgid = server.child.pid as number;
  return { baseUrl, log, pids: () => groupPids(pgid), stop: () => server.stop() };
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-20).join("\n") : "");

/** The peer's start script and binary, if this machine has them (../shared/peer or PEER_DIR_SOURCE). */
export function peerScript(root: string): string | null {
  const candidates = [process.env.PEER_SOURCE_DIR, path.resolve(root, "..", "shared", "peer"), "/work/shared/peer"].filter(Boolean) as string[];
  for (const dir of candidates) if (existsSync(path.join(dir, "start-vikunja.sh"))) return path.join(dir, "start-vikunja.sh");
  return null;
}

/** Starts the peer with its own script (fresh `vikunja` database on the same PostgreSQL); stops it by its PID. */
export function startVikunja(script: string, port: number): RunningServer {
  const peerDir = mkdtempSync(path.join(os.tmpdir(), "vikunja-peer-"));
  const out = execFileSync("bash", [script], { encoding: "utf8", env: { ...process.env, VIKUNJA_PORT: String(port), PEER_DIR: peerDir }, stdio: ["ignore", "pipe", "pipe"] });
  const pid = Number(out.trim().split("\n").at(-1));
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`start-vikunja.sh printed no PID: ${out}`);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log: path.join(peerDir, "vikunja.log"),
    pids: () => (existsSync(`/proc/${pid}`) ? [pid] : []),
    async stop() {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        return;
      }
      for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      if (existsSync(`/proc/${pid}`)) process.kill(pid, "SIGKILL");
    },
  };
}
