import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startProcess, waitForHttp, type StartedProcess } from "../lib/process";

/** The production server to measure: UI_BENCH_URL if given, otherwise `npm start` on a fresh data dir. */
export async function productionServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const external = process.env.UI_BENCH_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ""), stop: async () => {} };
  const port = Number(process.env.UI_BENCH_PORT ?? 3311);
  const dataDir = mkdtempSync(path.join(tmpdir(), "cadence-ui-bench-"));
  const started: StartedProcess = startProcess({
    cmd: "npm",
    args: ["start"],
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    // Seeding writes hundreds of tasks a second for one user: far past the per-user write limit.
    env: { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    logFile: path.join(dataDir, "server.log"),
  });
  const baseUrl = `http://localhost:${port}`;
  await waitForHttp(`${baseUrl}/api/health`, { abortOn: started.exited, timeoutMs: 300_000 });
  return { baseUrl, stop: () => started.stop() };
}
