import { expect, test } from "@playwright/test";
import { createTaskViaApi, quickAdd, shot, signUp, taskRow } from "./helpers";

test("two windows of one user see each other's changes live; another user sees none", async ({ browser }, testInfo) => {
  const first = await browser.newContext();
  const a = await first.newPage();
  await signUp(a);
  // Same session in a second browser window.
  const second = await browser.newContext({ storageState: await first.storageState() });
  const b = await second.newPage();
  await b.goto("/");
  await expect(b.getByLabel("Quick add")).toBeVisible();
  const stranger = await browser.newContext();
  const c = await stranger.newPage();
  await signUp(c);

  await quickAdd(a, "Shared groceries tomorrow", "Shared groceries");
  await expect(taskRow(b, "Shared groceries")).toBeVisible();

  await quickAdd(b, "Book dentist tomorrow", "Book dentist");
  await expect(taskRow(a, "Book dentist")).toBeVisible();

  await b.getByRole("checkbox", { name: "Complete Shared groceries", exact: true }).click();
  await expect(taskRow(a, "Shared groceries")).toHaveCount(0);
  await shot(a, testInfo, "window-a");
  await shot(b, testInfo, "window-b");

  // The other user's list stayed empty all along, and still is after a reload.
  await expect(c.getByRole("heading", { name: /Inbox/ })).toContainText("0 tasks");
  await c.reload();
  await expect(c.getByRole("heading", { name: /Inbox/ })).toContainText("0 tasks");
  await expect(taskRow(c, "Book dentist")).toHaveCount(0);
  await shot(c, testInfo, "other-user");
  await Promise.all([first.close(), second.close(), stranger.close()]);
});

test("a task created elsewhere right after the page loads appears without a reload", async ({ browser }, testInfo) => {
  const first = await browser.newContext();
  const a = await first.newPage();
  await signUp(a);
  const second = await browser.newContext({ storageState: await first.storageState() });

  // Straight after sign-up lands on the list: the live channel may not even be subscribed yet.
  await createTaskViaApi(second.request, "Created right away");
  await expect(taskRow(a, "Created right away")).toBeVisible();

  // And again after a fresh navigation, while the first page's queries are still settling.
  await a.goto("/");
  await createTaskViaApi(second.request, "Created during load");
  await expect(taskRow(a, "Created during load")).toBeVisible();
  await expect(a.getByRole("heading", { name: /Inbox/ })).toContainText("2 tasks");
  await shot(a, testInfo, "created-during-load");
  await Promise.all([first.close(), second.close()]);
});
