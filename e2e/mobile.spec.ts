import { expect, test, type Locator } from "@playwright/test";
import { quickAdd, shot, signUp, taskRow } from "./helpers";

test("main flow on a phone", async ({ page }, testInfo) => {
  await signUp(page);
  await shot(page, testInfo, "empty");
  await quickAdd(page, "Pay rent every month on the 1st at 9am #finance !high remind 1h before", "Pay rent");
  await quickAdd(page, "Buy milk today", "Buy milk");
  const row = taskRow(page, "Pay rent");
  await expect(row).toContainText("#finance");
  await shot(page, testInfo, "list");

  // Nothing may overflow sideways at phone width, down to 360 px.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shot(page, testInfo, "list-360");

  // Every control a thumb needs can be hit anywhere across a 44 px square around its centre.
  const targets: Array<[string, Locator]> = [
    ["menu", page.getByRole("button", { name: "Open navigation" })],
    ["notifications", page.getByRole("button", { name: /^Notifications/ })],
    ["theme", page.getByRole("button", { name: /^Theme/ })],
    ["account", page.getByRole("button", { name: /^Account/ })],
    ["search", page.getByRole("searchbox")],
    ["filters", page.getByRole("button", { name: /^Filters/ })],
    ["select", page.getByRole("button", { name: "Select tasks" })],
    ["checkbox", page.getByRole("checkbox", { name: "Complete Pay rent", exact: true })],
    ["title", page.getByRole("button", { name: "Pay rent", exact: true })],
  ];
  const tooSmall: string[] = [];
  for (const [name, locator] of targets) if (!(await coversThumb(locator))) tooSmall.push(name);
  expect(tooSmall).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });

  await page.getByRole("button", { name: "Pay rent", exact: true }).click();
  const editor = page.getByRole("dialog", { name: "Edit task" });
  await expect(editor.getByLabel("Title")).toHaveValue("Pay rent");
  await shot(page, testInfo, "editor");
  await editor.getByLabel("Title").fill("Pay the rent");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(taskRow(page, "Pay the rent")).toBeVisible();

  await page.getByRole("checkbox", { name: "Complete Buy milk" }).click();
  await expect(page.getByText(/Completed “Buy milk”/)).toBeVisible();

  await page.getByRole("button", { name: "Open navigation" }).click();
  await shot(page, testInfo, "drawer");
  await page.getByRole("dialog").getByRole("link", { name: /Completed/ }).click();
  await expect(page.getByRole("heading", { name: "Completed" })).toBeVisible();
  await expect(taskRow(page, "Buy milk")).toBeVisible();
});

/** True when taps 22 px left, right, above and below the control's centre all land on it (pseudo-element hit areas count). */
async function coversThumb(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
    const points = [[cx - 21, cy], [cx + 21, cy], [cx, cy - 21], [cx, cy + 21]] as const;
    return points.every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
  });
}
