import { expect, test } from "@playwright/test";
import { quickAdd, shot, signUp, taskRow } from "./helpers";

test("phrase search finds the exact phrase and highlights it", async ({ page }, testInfo) => {
  await signUp(page);
  await quickAdd(page, "Send the quarterly report to finance", "Send the quarterly report to finance");
  await quickAdd(page, "Report on the quarterly numbers", "Report on the quarterly numbers");
  await quickAdd(page, "Water the plants", "Water the plants");

  await page.getByLabel("Quick add").blur();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search tasks")).toBeFocused();
  await page.keyboard.type('"quarterly report"');
  await expect(page).toHaveURL(/q=%22quarterly/);
  await expect(taskRow(page, "Send the quarterly report to finance")).toBeVisible();
  await expect(taskRow(page, "Report on the quarterly numbers")).toHaveCount(0);
  await expect(taskRow(page, "Water the plants")).toHaveCount(0);
  await expect(taskRow(page, "Send the quarterly report to finance").locator("mark").first()).toBeVisible();
  await shot(page, testInfo, "search");
});
