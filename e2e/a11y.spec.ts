import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { quickAdd, shot, signUp } from "./helpers";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("no serious or critical accessibility violations, light and dark", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);

  await signUp(page);
  await quickAdd(page, "Pay rent every month on the 1st at 9am #finance !high remind 1h before", "Pay rent");
  await quickAdd(page, "Overdue thing yesterday 8am !urgent", "Overdue thing");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Pay rent", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Edit task" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByLabel("Quick add")).toBeVisible();
  await shot(page, testInfo, "dark");
  expect(await seriousViolations(page)).toEqual([]);
});
