import { expect, test } from "@playwright/test";
import { quickAdd, shot, signUp, taskRow } from "./helpers";

test("bulk complete with shift-click range, then undo", async ({ page }, testInfo) => {
  await signUp(page);
  for (const title of ["Alpha task", "Bravo task", "Charlie task"]) await quickAdd(page, `${title} tomorrow`, title);

  await page.getByRole("button", { name: "Select tasks" }).click();
  // Click the last row, shift-click the first (straight away, upwards): the whole range between them is selected.
  const selectBoxes = page.getByRole("checkbox", { name: /^Select .* task$/ });
  await expect(selectBoxes).toHaveCount(3);
  await selectBoxes.last().click();
  await selectBoxes.first().click({ modifiers: ["Shift"] });
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  await expect(bar).toContainText("3 of 3 selected");
  await shot(page, testInfo, "selected");

  await bar.getByRole("button", { name: "Complete" }).click();
  await expect(taskRow(page, "Alpha task")).toHaveCount(0);
  await expect(taskRow(page, "Charlie task")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  for (const title of ["Alpha task", "Bravo task", "Charlie task"]) {
    await expect(taskRow(page, title)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: `Complete ${title}`, exact: true })).not.toBeChecked();
  }
});

test("keyboard: j/k move, x completes, ? lists shortcuts", async ({ page }) => {
  await signUp(page);
  await quickAdd(page, "First key task tomorrow", "First key task");
  await page.getByLabel("Quick add").blur();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByText(/Completed “First key task”/)).toBeVisible();
});
