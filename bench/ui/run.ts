/**
 * UI benchmark against the production build: first-load JS of the main page (gzipped), time to
 * interactive with 500 tasks, and checkbox → row updated (optimistic) latency.
 * `npm run bench:ui` (starts `npm start` on a fresh data dir) or UI_BENCH_URL=http://localhost:3300.
 */
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { signUp } from "../api/auth";
import { writeResult } from "../lib/results";
import { measureFirstLoad } from "./first-load";
import { measureInteractive, measureToggle } from "./interactive";
import { productionServer } from "./server";
import { measureSync } from "./sync";
import { percentile } from "./stats";

const TASKS = Number(process.env.UI_BENCH_TASKS ?? 500);
const RUNS = Number(process.env.UI_BENCH_RUNS ?? 5);
const TOGGLES = Number(process.env.UI_BENCH_TOGGLES ?? 20);
const BUDGET_GZIP_BYTES = 200 * 1024;

/** Creates the tasks through tRPC's batch endpoint, 25 per request. */
async function seedTasks(baseUrl: string, cookie: string, count: number): Promise<void> {
  const day = 86_400_000;
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => {
      const n = start + i;
      return { title: `Bench task ${n + 1}`, priority: (["low", "medium", "high", "urgent"] as const)[n % 4], dueAt: new Date(Date.now() + (n % 60) * day).toISOString() };
    });
    const body = Object.fromEntries(batch.map((input, i) => [String(i), { json: input }]));
    const res = await fetch(`${baseUrl}/api/trpc/${batch.map(() => "task.create").join(",")}?batch=1`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`seeding failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
}

async function signedInContext(browser: Browser, baseUrl: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: "Europe/Berlin", locale: "en-GB" });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    }),
  );
  return context;
}

async function main(): Promise<void> {
  const server = await productionServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const { baseUrl } = server;
    const email = `ui-bench-${Date.now()}@cadence.test`;
    const session = await signUp(baseUrl, { email, password: "bench-password-123", name: "UI Bench" });
    await seedTasks(baseUrl, session.cookie, TASKS);

    // A fresh context per run: cold HTTP cache, like a first visit.
    const fresh = async <T>(fn: (context: BrowserContext) => Promise<T>): Promise<T> => {
      const context = await signedInContext(browser, baseUrl, session.cookie);
      try {
        return await fn(context);
      } finally {
        await context.close();
      }
    };
    const firstLoad = await fresh((c) => measureFirstLoad(c, baseUrl));
    await fresh((c) => measureInteractive(c, baseUrl)); // warm the server (route compile caches, DB)
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await fresh((c) => measureInteractive(c, baseUrl)));
    const toggle = await fresh((c) => measureToggle(c, baseUrl, TOGGLES));
    const sync = await fresh((c) => measureSync(c, baseUrl, session.cookie, 5));

    const result = {
      benchmark: "ui",
      at: new Date().toISOString(),
      baseUrl,
      tasks: TASKS,
      firstLoadJs: {
        gzipKB: Math.round((firstLoad.gzipBytes / 1024) * 10) / 10,
        rawKB: Math.round((firstLoad.rawBytes / 1024) * 10) / 10,
        budgetKB: BUDGET_GZIP_BYTES / 1024,
        withinBudget: firstLoad.gzipBytes <= BUDGET_GZIP_BYTES,
        scripts: firstLoad.scripts.map((s) => ({ url: s.url, gzipKB: Math.round((s.gzipBytes / 1024) * 10) / 10 })),
      },
      timeToInteractive: {
        runs: RUNS,
        listRenderedMedianMs: percentile(runs.map((r) => r.listRenderedMs), 50),
        medianMs: percentile(runs.map((r) => r.timeToInteractiveMs), 50),
        maxMs: Math.max(...runs.map((r) => r.timeToInteractiveMs)),
      },
      checkboxToRowUpdated: toggle,
      otherDeviceChangeToRowVisible: sync,
    };
    const paths = writeResult("ui", result);
    console.log(JSON.stringify(result, null, 2));
    console.error(`wrote ${paths.latest}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
