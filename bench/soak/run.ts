// `npm run bench:soak [-- --minutes 10 --users 50 --mode both|pglite|postgres]`: a long mixed load on the production
// build over loopback, checking that errors, latency, memory, outbox lag and reminder delivery hold.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { adminDatabaseUrl } from "../lib/postgres-admin";
import { startProcess, waitForHttp } from "../lib/process";
import { writeResult } from "../lib/results";
import { evaluateSoak, verdictLines, type SoakSamples } from "./criteria";
import { SimulatedUser } from "./user";
import { outboxLagFromPglite, outboxLagFromPostgres, type OutboxLagMinute } from "./outbox-lag";
import { cpuUsedMs, pidsCpuMs, processGroupCpuMs, processRole, sampleProcessGroupRss, scrapeOutboxLag } from "./probes";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : (process.env[`SOAK_${name.toUpperCase()}`] ?? fallback);
};
const minutes = Number(arg("minutes", "10"));
const userCount = Number(arg("users", "50"));
const mode = arg("mode", "both");
const port = Number(arg("port", "3471"));
const log = (message: string) => console.error(`[soak] ${message}`);

async function runMode(driver: "pglite" | "postgres") {
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `cadence-soak-${driver}-`));
  let dropDatabase = async () => {};
  /** PostgreSQL backends serving the run's database (their CPU is the request path's too). */
  let backendPids = async (): Promise<number[]> => [];
  const env: Record<string, string> = {
    PORT: String(port),
    DATA_DIR: dataDir,
    BETTER_AUTH_URL: baseUrl,
    LOG_LEVEL: "warn",
    // The simulated users come from distinct addresses behind a proxy (X-Forwarded-For), as real users would.
    TRUST_PROXY: "true",
  };
  if (driver === "postgres") {
    const admin = postgres(adminDatabaseUrl(ROOT), { max: 1, onnotice: () => {} });
    const name = `cadence_soak_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(adminDatabaseUrl(ROOT));
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    backendPids = async () => (await admin<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${name}`).map((row) => row.pid);
    dropDatabase = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  let runStartedAt = new Date();
  const server = startProcess({ cmd: process.execPath, args: [...(process.env.SOAK_NODE_ARGS ? process.env.SOAK_NODE_ARGS.split(" ") : []), "scripts/start.mjs"], cwd: ROOT, env, logFile: path.join(dataDir, "server.log") });
  // Room for the app's own drain and outbox flush before SIGKILL, so the embedded data directory is left clean.
  const stopServer = () => server.stop(40_000);
  const afterStop = async (read: () => Promise<OutboxLagMinute[]>) => {
    await stopServer();
    return read();
  };
  try {
    await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 15 * 60_000, abortOn: server.exited });
    log(`${driver}: app up (pid group ${server.child.pid}); signing up ${userCount} users`);
    // A few sign-ups at a time (password hashing is CPU-bound), then every user seeds its tasks at once.
    const users: SimulatedUser[] = [];
    for (let i = 0; i < userCount; i += 5) {
      users.push(...(await Promise.all(Array.from({ length: Math.min(5, userCount - i) }, (_, j) => SimulatedUser.signUp(baseUrl, i + j)))));
    }
    await Promise.all(users.map((user) => user.seed()));
    log(`${driver}: ${userCount} users seeded; load for ${minutes} min`);

    const samples: SoakSamples = { requests: [], rssBytes: [], gaugeLagMs: [] };
    const roles: Record<number, string> = {};
    samples.roles = roles;
    const startedAt = Date.now();
    runStartedAt = new Date(startedAt);
    const durationMs = minutes * 60_000;
    // Reminders are set to fire within the run; none in the last minute, so every one is due before the check.
    const reminderCutoff = startedAt + durationMs - 60_000;
    const probes = setInterval(() => {
      const at = Date.now() - startedAt;
      const rss = server.child.pid ? sampleProcessGroupRss(server.child.pid) : { total: 0, byPid: {} };
      samples.rssBytes.push({ at, bytes: rss.total, byPid: rss.byPid });
      for (const pid of Object.keys(rss.byPid)) roles[Number(pid)] ??= processRole(Number(pid));
      void scrapeOutboxLag(baseUrl).then((ms) => samples.gaugeLagMs.push({ at, ms }));
    }, 5_000);
    const appCpuBefore = processGroupCpuMs(server.child.pid ?? 0);
    const dbCpuBefore = pidsCpuMs(await backendPids());
    const loadAverages: number[][] = [];
    const loadTimer = setInterval(() => loadAverages.push(loadavg()), 30_000);
    await Promise.all(
      users.map((user) =>
        user.run({ until: startedAt + durationMs, startedAt, reminderCutoff, record: (r) => samples.requests.push(r) }),
      ),
    );
    clearInterval(probes);
    clearInterval(loadTimer);
    const cpu = cpuPerRequest(
      cpuUsedMs(appCpuBefore, processGroupCpuMs(server.child.pid ?? 0)),
      cpuUsedMs(dbCpuBefore, pidsCpuMs([...new Set([...dbCpuBefore.keys(), ...(await backendPids())])])),
      samples.requests.length,
    );
    log(`${driver}: load done (${samples.requests.length} requests); waiting for the last reminders`);
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const reminders = { expected: 0, deliveredOnce: 0, missing: 0, duplicated: 0 };
    for (const user of users) {
      const check = await user.checkReminders();
      reminders.expected += check.expected;
      reminders.deliveredOnce += check.deliveredOnce;
      reminders.missing += check.missing;
      reminders.duplicated += check.duplicated;
    }
    const readLag = () =>
      env.DATABASE_URL ? outboxLagFromPostgres(env.DATABASE_URL, runStartedAt) : afterStop(() => outboxLagFromPglite(path.join(dataDir, "pglite"), runStartedAt));
    // Unread lag fails its criterion (no events measured) rather than the whole unattended run.
    const outboxLag = await readLag().catch((cause: unknown) => {
      log(`${driver}: could not read the outbox lag: ${cause instanceof Error ? cause.message : String(cause)}`);
      return [];
    });
    const verdict = evaluateSoak(samples, { durationMs, reminders, outboxLag });
    return { driver, minutes, users: userCount, loadAverage: { start: loadAverages[0] ?? loadavg(), end: loadavg() }, cpu, ...verdict };
  } finally {
    await stopServer();
    await dropDatabase();
  }
}

/**
 * CPU the server side spent per request during the load (app process group; PostgreSQL backends of the run's
 * database): it moves far less than latency when other work shares the cores, though a busy machine still inflates it.
 */
function cpuPerRequest(appMs: number, databaseMs: number, requests: number) {
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
  return { appMs: Math.round(appMs), databaseMs: Math.round(databaseMs), appMsPerRequest: perRequest(appMs), databaseMsPerRequest: perRequest(databaseMs) };
}

const drivers: ("pglite" | "postgres")[] = mode === "both" ? ["pglite", "postgres"] : [mode as "pglite" | "postgres"];
const results: (Awaited<ReturnType<typeof runMode>> | { driver: string; pass: false; error: string })[] = [];
for (const driver of drivers) {
  try {
    const result = await runMode(driver);
    for (const line of verdictLines(result)) log(`${driver}: ${line}`);
    log(`${driver}: server CPU per request: app ${result.cpu.appMsPerRequest} ms, PostgreSQL backends ${result.cpu.databaseMsPerRequest} ms`);
    results.push(result);
  } catch (cause) {
    // One mode failing to run (a crash at start-up, say) still lets the other run and the JSON be written.
    const error = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    log(`${driver}: FAIL the run itself: ${error}`);
    results.push({ driver, pass: false, error });
  }
}
const out = { benchmark: "soak", at: new Date().toISOString(), cores: cpus().length, results };
const written = writeResult("soak", out);
console.log(JSON.stringify(out, null, 2));
log(`written ${written.file}`);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
