import { expect, test } from "@playwright/test";
import { shot, signUp } from "./helpers";

test("API tokens: create (shown once), list and revoke with confirmation", async ({ page, context }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page);
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByTestId("user-time-zone")).toHaveText("Europe/Berlin");
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  await page.getByLabel("Token name").fill("Laptop MCP");
  await page.getByRole("button", { name: "Create token" }).click();
  const notice = page.getByRole("status", { name: "New token" });
  await expect(notice).toContainText("it will not be shown again");
  const token = await notice.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^cad_[\w-]{43}$/);
  await notice.getByRole("button", { name: "Copy token" }).click();
  await expect(notice.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const table = page.getByRole("table", { name: "API tokens" });
  const row = table.getByRole("row").filter({ hasText: "Laptop MCP" });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(row).not.toContainText(token.slice(12));
  await expect(row).toContainText("Never");
  await shot(page, testInfo, "created");

  await notice.getByRole("button", { name: "I have saved it" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByLabel("New API token")).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke Laptop MCP" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke “Laptop MCP”?" });
  await expect(confirm).toContainText("cannot be undone");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("button", { name: "Revoke Laptop MCP" })).toBeVisible();
  await row.getByRole("button", { name: "Revoke Laptop MCP" }).click();
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke Laptop MCP" })).toHaveCount(0);
  await shot(page, testInfo, "revoked");
});
