import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser flows against a production server on a fresh embedded data directory.
 * Debian's Chromium is used (never Playwright's own download). Set E2E_BASE_URL to reuse a running server.
 */
// E2E_PORT lets several checkouts on one machine run their flows at the same time.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const external = process.env.E2E_BASE_URL;
// The CLI process and every worker evaluate this file; the first one's directory is handed down to the others.
const dataDir = external ? "" : (process.env.CADENCE_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "cadence-e2e-")));
// The server's JSON logs, checked after the run for leaked secrets and CSP violation reports.
export const serverLogFile = external ? "" : path.join(dataDir, "server.log");
process.env.CADENCE_E2E_LOG_FILE = serverLogFile;

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  outputDir: "./test-results",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: external ?? `http://localhost:${PORT}`,
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } }, testIgnore: /mobile\.spec/ },
    { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, testMatch: /mobile\.spec/ },
  ],
  webServer: external
    ? undefined
    : {
        command: "npm start",
        url: `http://localhost:${PORT}/api/health`,
        timeout: 300_000,
        reuseExistingServer: false,
        // Loopback webhook receivers in e2e/webhooks.spec.ts: allowed for development only.
        // The push service double in e2e/push-reminders.spec.ts listens on plain http on loopback.
        env: { PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: "info", LOG_FILE: serverLogFile, WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true", PUSH_ALLOW_HTTP_LOOPBACK: "true", RATE_LIMIT_SIGN_UPS_PER_MINUTE: "1000" },
        stdout: "ignore",
        stderr: "pipe",
      },
});
