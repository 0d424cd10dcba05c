import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";

/** The password every flow signs up with; the run's server logs are checked for it afterwards. */
export const TEST_PASSWORD = "correct horse battery";

/** A fresh account per test, so flows never see each other's data. */
export async function signUp(page: Page): Promise<{ email: string; password: string }> {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = TEST_PASSWORD;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Test Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Quick add")).toBeVisible({ timeout: 60_000 });
  return { email, password };
}

/** Adds a task through quick add and waits for its row. */
export async function quickAdd(page: Page, text: string, expectTitle: string): Promise<void> {
  const input = page.getByLabel("Quick add");
  await input.fill(text);
  await input.press("Enter");
  await expect(input).toHaveValue("");
  await expect(taskRow(page, expectTitle)).toBeVisible();
}

/** The list row of a task, found by its accessible checkbox name. */
export function taskRow(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: `Complete ${title}`, exact: true }) });
}

export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Creates a task through the HTTP API (as another tab or device would), bypassing this page's UI. */
export async function createTaskViaApi(
  request: APIRequestContext,
  title: string,
  extra: { dueAt?: Date; reminderAt?: Date } = {},
): Promise<void> {
  const json: Record<string, unknown> = { title };
  const dates: Record<string, ["Date"]> = {};
  if (extra.dueAt) {
    json.dueAt = extra.dueAt.toISOString();
    dates.dueAt = ["Date"];
  }
  if (extra.reminderAt) {
    json.reminders = [{ at: extra.reminderAt.toISOString() }];
    dates["reminders.0.at"] = ["Date"];
  }
  const data = Object.keys(dates).length > 0 ? { json, meta: { values: dates } } : { json };
  const res = await request.post("/api/trpc/task.create", { data });
  expect(res.ok(), await res.text()).toBe(true);
}
