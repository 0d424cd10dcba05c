import type { BrowserContext } from "@playwright/test";
import { percentile } from "./stats";

export interface InteractiveResult {
  /** Navigation start → task rows painted. */
  listRenderedMs: number;
  /** Navigation start → the `q` shortcut focuses Quick add (hydrated) and typed text is in the input. */
  timeToInteractiveMs: number;
}

/** Time to interactive of the main page with the seeded tasks, measured from navigation start. */
export async function measureInteractive(context: BrowserContext, baseUrl: string): Promise<InteractiveResult> {
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
  await page.getByRole("checkbox", { name: /^Complete / }).first().waitFor();
  const listRenderedMs = Date.now() - start;
  const input = page.getByLabel("Quick add");
  // The `q` shortcut is a client handler: it only works once the page has hydrated.
  for (;;) {
    await page.locator("body").press("q");
    if (await input.evaluate((el) => el === document.activeElement)) break;
    await page.locator("body").click({ position: { x: 1, y: 1 } }).catch(() => {});
  }
  await input.pressSequentially("ab");
  await page.waitForFunction(() => (document.getElementById("quick-add") as HTMLInputElement | null)?.value === "ab");
  const timeToInteractiveMs = Date.now() - start;
  await page.close();
  return { listRenderedMs, timeToInteractiveMs };
}

export interface ToggleResult {
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Checkbox click → the row shows it done (checked or gone), timed inside the page. */
export async function measureToggle(context: BrowserContext, baseUrl: string, samples: number): Promise<ToggleResult> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole("checkbox", { name: /^Complete / }).first().waitFor();
  await page.waitForLoadState("networkidle");
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const ms = Number(await page.evaluate(`(${TOGGLE_IN_PAGE})(${i})`));
    times.push(ms);
    await page.waitForLoadState("networkidle");
  }
  await page.close();
  return {
    samples,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(Math.max(...times)),
  };
}

/**
 * Runs in the page, as source text (tsx would otherwise wrap inner functions in a helper the page lacks):
 * clicks the index-th open task's checkbox and resolves with the ms until that row shows it done.
 */
const TOGGLE_IN_PAGE = `async function (index) {
  const boxes = [...document.querySelectorAll('button[role="checkbox"][aria-label^="Complete "]')].filter(
    (b) => b.getAttribute("aria-checked") === "false",
  );
  const box = boxes[index % Math.max(1, boxes.length)];
  if (!box) throw new Error("no open task left to complete");
  const id = box.closest("[data-task-id]")?.getAttribute("data-task-id");
  const done = () => {
    const current = id ? document.querySelector('[data-task-id="' + id + '"] button[aria-label^="Complete "]') : null;
    return !current || current.getAttribute("aria-checked") === "true";
  };
  return await new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve(performance.now() - t0);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-checked"] });
    box.click();
    if (done()) {
      observer.disconnect();
      resolve(performance.now() - t0);
    }
  });
}`;

const round = (n: number) => Math.round(n * 10) / 10;
