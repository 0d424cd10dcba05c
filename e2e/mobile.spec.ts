import { expect, test, type Locator } from "@playwright/test";
import { createTaskViaApi, quickAdd, shot, signUp, taskRow } from "./helpers";

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

test("bulk bar stays on one line at 360 px with every action in thumb reach", async ({ page }, testInfo) => {
  await signUp(page);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const title of ["Alpha task", "Bravo task"]) await quickAdd(page, `${title} tomorrow`, title);
  await page.getByRole("button", { name: "Select tasks" }).click();
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  await bar.getByRole("checkbox", { name: "Select all" }).check();
  await expect(bar).toContainText("2 of 2 selected");
  await shot(page, testInfo, "bulk-360");

  // One row of 44 px controls (plus the bar's padding), not three wrapped lines.
  expect((await bar.boundingBox())?.height).toBeLessThanOrEqual(60);
  const controls: Array<[string, Locator]> = [
    ["select all", bar.getByRole("checkbox", { name: "Select all" })],
    ["complete", bar.getByRole("button", { name: "Complete" })],
    ["delete", bar.getByRole("button", { name: "Delete" })],
    ["more", bar.getByRole("button", { name: "More actions" })],
    ["done", bar.getByRole("button", { name: "Done" })],
  ];
  const tooSmall: string[] = [];
  // The checkbox's hit area is its label, which toggles it just the same.
  for (const [name, locator] of controls) if (!(await coversThumb(name === "select all" ? locator.locator("xpath=..") : locator))) tooSmall.push(name);
  expect(tooSmall).toEqual([]);

  // Priority, Tags and Move to live in the overflow menu on phones.
  await bar.getByRole("button", { name: "More actions" }).click();
  await expect(page.getByRole("menuitem", { name: "Move to" })).toBeVisible();
  await page.getByRole("menuitem", { name: "Priority" }).click();
  await expect(page.getByRole("menuitem", { name: "Back" })).toBeVisible();
  await shot(page, testInfo, "bulk-priority-360");
  await page.getByRole("menuitem", { name: "High" }).click();
  await expect(page.getByText("Set High on 2 tasks")).toBeVisible();
  await expect(taskRow(page, "Alpha task")).toContainText("High");
  await expect(taskRow(page, "Bravo task")).toContainText("High");

  await bar.getByRole("button", { name: "Complete" }).click();
  await expect(taskRow(page, "Alpha task")).toHaveCount(0);
  await expect(bar).toHaveCount(0);
});

test("the assistant launcher never covers the end of the list", async ({ page }, testInfo) => {
  await signUp(page);
  const dueAt = new Date(Date.now() + 26 * 3600_000);
  for (let i = 1; i <= 14; i++) await createTaskViaApi(page.request, `Filler task ${String(i).padStart(2, "0")}`, { dueAt });
  for (const [width, height] of [[390, 844], [360, 740]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      const rows = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: /^Complete Filler task/ }) });
      await expect(rows).toHaveCount(14);
      const last = rows.last();
      const launcher = page.getByRole("button", { name: "Open assistant" });
      await expect(launcher).toBeVisible();
      // Scroll the list to its end: the last row must sit wholly above the floating button.
      await last.evaluate((row) => {
        let el: HTMLElement | null = row.parentElement;
        while (el && getComputedStyle(el).overflowY !== "auto") el = el.parentElement;
        if (el) el.scrollTop = el.scrollHeight;
      });
      const rowBox = await last.boundingBox();
      const buttonBox = await launcher.boundingBox();
      if (!rowBox || !buttonBox) throw new Error("the last row or the launcher has no layout box");
      expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(buttonBox.y);
      await page.screenshot({ path: testInfo.outputPath(`launcher-${width}-${scheme}.png`) });
    }
  }
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
