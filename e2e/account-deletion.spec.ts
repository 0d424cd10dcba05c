import { expect, test } from "@playwright/test";
import { quickAdd, shot, signUp } from "./helpers";

test("deleting the account asks for the password, then removes it and its data for good", async ({ page }, testInfo) => {
  const { email, password } = await signUp(page);
  await quickAdd(page, "Secret plans tomorrow", "Secret plans");
  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete account…" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete your account?" });
  await expect(dialog).toBeVisible();

  await dialog.getByLabel("Current password").fill("not my password");
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Password is not your current password");
  await shot(page, testInfo, "wrong-password");

  await dialog.getByLabel("Current password").fill(password);
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByText("Your account and all its data were deleted")).toBeVisible();
  await shot(page, testInfo, "deleted");

  // The session is gone and the credentials no longer work.
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Quick add")).toHaveCount(0);
});
