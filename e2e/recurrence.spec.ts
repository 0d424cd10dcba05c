import { expect, test } from "@playwright/test";
import { quickAdd, shot, signUp, taskRow } from "./helpers";

test("editing the recurrence updates the five-date preview", async ({ page }, testInfo) => {
  await signUp(page);
  await quickAdd(page, "Water the plants tomorrow at 9am", "Water the plants");
  await page.getByRole("button", { name: "Water the plants", exact: true }).click();
  const editor = page.getByRole("dialog", { name: "Edit task" });
  await editor.getByRole("button", { name: "+ Make it repeat" }).click();

  const dates = editor.getByRole("list", { name: "Next dates" }).getByRole("listitem");
  await expect(dates).toHaveCount(5);
  const weekly = await dates.allTextContents();

  await editor.getByLabel("Frequency").selectOption("daily");
  await expect(dates).toHaveCount(5);
  await expect(dates).not.toHaveText(weekly);
  const daily = await dates.allTextContents();

  await editor.getByLabel("Every").fill("3");
  await expect(dates).not.toHaveText(daily);
  await expect(dates).toHaveCount(5);
  await expect(editor).toContainText(/every 3 days/i);
  await dates.last().scrollIntoViewIfNeeded();
  await shot(page, testInfo, "preview");

  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toHaveCount(0);
  await expect(taskRow(page, "Water the plants")).toContainText(/every 3 days/i);
});

test("completing a repeating task brings up its next occurrence", async ({ page }, testInfo) => {
  await signUp(page);
  await quickAdd(page, "Stretch every day at 8am", "Stretch");
  const row = taskRow(page, "Stretch");
  const firstDue = await row.locator("time").textContent();

  await page.getByRole("checkbox", { name: "Complete Stretch", exact: true }).click();
  await expect(page.getByText(/Completed “Stretch”/)).toBeVisible();
  // The recurrence worker creates the next one; it arrives through the live channel, no reload.
  const open = taskRow(page, "Stretch").filter({ has: page.getByRole("checkbox", { checked: false }) });
  await expect(open).toHaveCount(1);
  await expect(open.locator("time")).not.toHaveText(firstDue ?? "");
  await expect(open).toContainText(/every day/i);
  await shot(page, testInfo, "next-occurrence");

  await page.goto("/?view=completed");
  await expect(taskRow(page, "Stretch")).toHaveCount(1);
});
