import { expect, test } from "@playwright/test";
import { shot, signUp } from "./helpers";

test("sign up, sign out and sign in again, with clear errors", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("someone@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/at least 8 characters/);
  await shot(page, testInfo, "sign-up-error");

  const { email, password } = await signUp(page);
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/do not match/);
  await shot(page, testInfo, "sign-in-error");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
});
