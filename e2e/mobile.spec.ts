import { expect, test } from "@playwright/test";
import { quickAdd, shot, signUp, taskRow } from "./helpers";

test("main flow on a phone", async ({ page }, testInfo) => {
  await signUp(page);
  await shot(page, testInfo, "empty");
  await quickAdd(page, "Pay rent every month on the 1st at 9am #finance !high remind 1h before", "Pay rent");
  await quickAdd(page, "Buy milk today", "Buy milk");
  const row = taskRow(page, "Pay rent");
  await expect(row).toContainText("#finance");
  await shot(page, testInfo, "list");

  // Nothing may overflow sideways at phone width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

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
