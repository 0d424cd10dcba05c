import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminDatabaseUrl } from "../lib/postgres-admin";
import { benchAppEnv } from "../lib/app-env";
import { startProcess, waitForHttp, type StartedProcess } from "../lib/process";
import { signIn, signUp, type BenchUser, type Session } from "./auth";
import { databaseExists, databaseUrl, readSeedMarker, recreateDatabase, seedDatabase, type SeedPlan } from "./seed";

export const HEAVY_USER: BenchUser = { email: "bench-heavy@cadence.test", password: "bench-password-123", name: "Bench Heavy User" };

export interface SetupOptions {
  root: string;
  database: string;
  port: number;
  plan: SeedPlan;
  reuse: boolean;
  rebuild: boolean;
}

export interface BenchEnvironment {
  baseUrl: string;
  adminUrl: string;
  dbUrl: string;
  server: StartedProcess;
  serverLog: string;
  userId: string;
  seed: { reused: boolean; timingsMs: Record<string, number> | null };
}

const log = (message: string) => process.stderr.write(`[bench:api] ${message}\n`);

/**
 * A migrated, seeded `cadence_bench` database and the real app server (`npm start`'s script) on it.
 * Fresh runs drop the database, let the server migrate it, sign the heavy user up over HTTP, then seed.
 */
export async function prepareEnvironment(options: SetupOptions): Promise<BenchEnvironment> {
  const adminUrl = adminDatabaseUrl(options.root);
  const dbUrl = databaseUrl(adminUrl, options.database);
  const baseUrl = `http://localhost:${options.port}`;
  if (await fetch(`${baseUrl}/api/health`).then(() => true, () => false)) {
    throw new Error(`something already listens on port ${options.port}; pass --port`);
  }

  const marker = options.reuse && (await databaseExists(adminUrl, options.database)) ? await readSeedMarker(dbUrl) : null;
  const reused = marker !== null && marker.totalTasks === options.plan.totalTasks && marker.heavyTasks === options.plan.heavyTasks && marker.users === options.plan.users;
  if (!reused) {
    log(`recreating database ${options.database}`);
    await recreateDatabase(adminUrl, options.database);
  } else log(`reusing seeded database ${options.database}`);

  const serverLog = path.join(mkdtempSync(path.join(os.tmpdir(), "cadence-bench-")), "server.log");
  const dataDir = path.dirname(serverLog);
  log(`starting the app on ${baseUrl} (builds Next first if there is no build; log: ${serverLog})`);
  // BENCH_SERVER_SCRIPT lets a harness stand in for `npm start` (scripts/start.mjs) when debugging the bench.
  const script = process.env.BENCH_SERVER_SCRIPT ?? "scripts/start.mjs";
  const server = startProcess({
    cmd: process.execPath,
    args: script.endsWith(".ts") ? ["--import", "tsx", script] : [script],
    cwd: options.root,
    logFile: serverLog,
    env: {
      ...benchAppEnv({ port: options.port, baseUrl, dataDir, databaseUrl: dbUrl }),
      ...(options.rebuild ? { CADENCE_REBUILD: "1" } : {}),
    },
  });
  try {
    await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 15 * 60_000, abortOn: server.exited });
    log("app is up");
    let userId: string;
    let timingsMs: Record<string, number> | null = null;
    if (reused) {
      userId = (await signIn(baseUrl, HEAVY_USER)).userId;
    } else {
      userId = (await signUp(baseUrl, HEAVY_USER)).userId;
      log(`signed up ${HEAVY_USER.email} (${userId}); seeding ${options.plan.totalTasks} tasks`);
      timingsMs = await seedDatabase(dbUrl, { id: userId, email: HEAVY_USER.email }, options.plan);
    }
    return { baseUrl, adminUrl, dbUrl, server, serverLog, userId, seed: { reused, timingsMs } };
  } catch (error) {
    await server.stop();
    const tail = existsSync(serverLog) ? readFileSync(serverLog, "utf8").split("\n").slice(-30).join("\n") : "";
    log(`the app failed to start or to sign up/seed; last lines of ${serverLog}:\n${tail}`);
    throw error;
  }
}

/** A fresh session before each scenario: Better Auth's cookie cache lasts 60 s, as it would in a browser tab. */
export const freshSession = (baseUrl: string): Promise<Session> => signIn(baseUrl, HEAVY_USER);
