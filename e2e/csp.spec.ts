import { expect, test, type Page } from "@playwright/test";
import { openAssistant, say } from "./chat-helpers";
import { createTaskViaApi, quickAdd, shot, signUp, taskRow } from "./helpers";

/** Records every CSP violation the page sees, from the DOM event and from Chromium's console message. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI} (${event.sample})`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("the app works under its Content-Security-Policy: quick add, assistant streaming, live sync", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await signUp(page);

  // The theme script ran (it carries the nonce): the root element got its theme class decided.
  await quickAdd(page, "Water the plants tomorrow", "Water the plants");

  // The assistant's answer streams in over the same origin.
  await openAssistant(page);
  await say(page, "add budget review", /Added "budget review"/);

  // Live sync over the built-in Pusher WebSocket: a task created elsewhere appears without a reload.
  await createTaskViaApi(context.request, "Made in another tab");
  await expect(taskRow(page, "Made in another tab")).toBeVisible();
  await page.goto("/settings");
  await page.goto("/activity");
  await shot(page, testInfo, "under-csp");

  expect(violations, violations.join("\n")).toEqual([]);
  await context.close();
});

const reportsReceived = async (page: Page): Promise<number> => {
  const text = await (await page.request.get("/api/metrics")).text();
  return Number(/^cadence_csp_violation_reports_total (\d+)/m.exec(text)?.[1] ?? "0");
};

test("a script injected into a page without the nonce is blocked and reported to the server", async ({ page }) => {
  const violations = await watchViolations(page);
  const before = await reportsReceived(page);
  // As an HTML injection would: the server's page, its real CSP header, plus a script tag without the nonce.
  // The marker lets the run's log check tell this deliberate violation from a real one.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("<body", `<script>/*csp-selftest*/ window.__injected = true</script><body`);
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  await expect.poll(() => reportsReceived(page), { timeout: 75_000 }).toBeGreaterThan(before);
});
