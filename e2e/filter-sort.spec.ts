import { expect, test } from "@playwright/test";
import { quickAdd, shot, signUp, taskRow } from "./helpers";

test("filter by priority and tag, sort by due, and keep the view across reloads", async ({ page }, testInfo) => {
  await signUp(page);
  await quickAdd(page, "Late invoice in 3 days #work !high", "Late invoice");
  await quickAdd(page, "Early invoice tomorrow #work !high", "Early invoice");
  await quickAdd(page, "Low invoice tomorrow #work !low", "Low invoice");
  await quickAdd(page, "Home chore tomorrow #home !high", "Home chore");

  await page.getByRole("button", { name: "Filters" }).click();
  const panel = page.getByRole("dialog", { name: "Filters" });
  await panel.getByRole("checkbox", { name: "High" }).click();
  await expect(panel.getByRole("checkbox", { name: "High" })).toBeChecked();
  await panel.getByRole("checkbox", { name: "#work" }).click();
  await expect(panel.getByRole("checkbox", { name: "#work" })).toBeChecked();
  await page.keyboard.press("Escape");
  await page.getByLabel("Sort by").selectOption("due");

  const titles = page.getByRole("listitem").getByRole("button", { name: /invoice|chore/ });
  await expect(titles).toHaveText(["Early invoice", "Late invoice"]);
  await expect(page.getByRole("button", { name: "Remove filter Priority: High" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove filter Tag: #work" })).toBeVisible();
  await expect(page).toHaveURL(/p=high/);
  await expect(page).toHaveURL(/sort=due\.asc/);
  await shot(page, testInfo, "filtered");

  await page.reload();
  await expect(titles).toHaveText(["Early invoice", "Late invoice"]);
  await expect(page.getByLabel("Sort by")).toHaveValue("due");

  await page.getByRole("button", { name: "Order: ascending (switch to descending)" }).click();
  await expect(titles).toHaveText(["Late invoice", "Early invoice"]);
  await page.goBack();
  await expect(titles).toHaveText(["Early invoice", "Late invoice"]);

  await page.getByRole("button", { name: "Remove filter Priority: High" }).click();
  await expect(taskRow(page, "Low invoice")).toBeVisible();
  await expect(taskRow(page, "Home chore")).toHaveCount(0);
});
