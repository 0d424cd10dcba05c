import type { BrowserContext } from "@playwright/test";
import { percentile } from "./stats";

export interface SyncResult {
  samples: number;
  medianMs: number;
  maxMs: number;
}

/**
 * Another device's change → visible in an open tab without reload: a task is created over HTTP (as
 * another tab or the MCP server would) and the time until its row appears in the page is taken.
 */
export async function measureSync(context: BrowserContext, baseUrl: string, cookie: string, samples: number): Promise<SyncResult> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole("checkbox", { name: /^Complete / }).first().waitFor();
  await page.waitForLoadState("networkidle");
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const title = `Synced task ${Date.now()}-${i}`;
    // Sorted first (urgent, due now) so it lands on the first page of the list.
    const seen = page.getByRole("checkbox", { name: `Complete ${title}`, exact: true }).waitFor({ timeout: 30_000 });
    const started = Date.now();
    const res = await fetch(`${baseUrl}/api/trpc/task.create`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ json: { title, priority: "urgent", dueAt: new Date(Date.now() - 3_600_000).toISOString() } }),
    });
    if (!res.ok) throw new Error(`task.create -> ${res.status}`);
    await seen;
    times.push(Date.now() - started);
  }
  await page.close();
  return { samples, medianMs: percentile(times, 50), maxMs: Math.max(...times) };
}
