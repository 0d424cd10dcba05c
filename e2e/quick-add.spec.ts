import { expect, test } from "@playwright/test";
import { shot, signUp, taskRow } from "./helpers";

test("quick add parses every part and shows it in the row", async ({ page }, testInfo) => {
  await signUp(page);
  const input = page.getByLabel("Quick add");
  await page.keyboard.press("q");
  await expect(input).toBeFocused();
  await input.fill("Pay rent every month on the 1st at 9am #finance !high remind 1h before");

  // The preview shows what Enter will create, before it is created.
  const preview = page.getByRole("list", { name: "Parsed details" });
  await expect(preview.getByLabel(/^Due .* 09:00/)).toBeVisible();
  await expect(preview.getByLabel("Priority High")).toBeVisible();
  await expect(preview.getByLabel(/^Repeats every month on the 1st/)).toBeVisible();
  await expect(preview.getByLabel("Reminder 1 h before")).toBeVisible();
  await expect(preview.getByLabel("Tag finance (new, will be created)")).toBeVisible();
  await shot(page, testInfo, "preview");

  await input.press("Enter");
  const row = taskRow(page, "Pay rent");
  await expect(row).toBeVisible();
  await expect(row.getByRole("button", { name: "Pay rent", exact: true })).toBeVisible();
  await expect(row).toContainText("High");
  await expect(row).toContainText("#finance");
  await expect(row.locator("time")).toHaveText(/^\w{3} 1 \w{3}( \d{4})?, 09:00$/);
  await expect(row).toContainText(/in \d+ (d|h)/);
  await expect(row).toContainText(/every month on the 1st/);
  await expect(row).toContainText("1 h before");
  // The new tag was created and shows in the sidebar with its count.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /#finance/ })).toContainText("1");
  await shot(page, testInfo, "row");
});
