import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { quickAdd, shot, signUp, taskRow } from "./helpers";

/** Undo from the toast, with Ctrl+Z, and from the activity log. */
async function undoFlows(page: Page, testInfo: TestInfo) {
  await signUp(page);
  await quickAdd(page, "Call the plumber", "Call the plumber");
  const checkbox = page.getByRole("checkbox", { name: "Complete Call the plumber", exact: true });

  await checkbox.click();
  const toast = page.getByRole("listitem").filter({ hasText: "Completed “Call the plumber”" });
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone", { exact: true })).toBeVisible();
  await expect(checkbox).not.toBeChecked();

  await checkbox.click();
  await expect(checkbox).toBeChecked();
  await expect(page.getByText(/Completed “Call the plumber”/)).toBeVisible();
  // Ctrl+Z outside a text field (inside one it stays the field's own undo).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Control+z");
  await expect(checkbox).not.toBeChecked();
  await shot(page, testInfo, "after-ctrl-z");

  await quickAdd(page, "Buy stamps", "Buy stamps");
  await page.goto("/activity");
  await page.getByRole("button", { name: "Undo: Created task “Buy stamps”" }).click();
  await expect(page.getByText("Undid: Created task “Buy stamps”")).toBeVisible();
  await shot(page, testInfo, "activity-undo");
  await page.goto("/");
  await expect(taskRow(page, "Call the plumber")).toBeVisible();
  await expect(taskRow(page, "Buy stamps")).toHaveCount(0);
}

/**
 * Another tab changes something after this tab's change is stored but before its answer arrives here (the
 * answer is held back until then): the toast's Undo and Ctrl+Z still take back this tab's own change.
 */
async function undoWithEditInBetween(page: Page, testInfo: TestInfo) {
  await signUp(page);
  await quickAdd(page, "Pay rent", "Pay rent");
  await quickAdd(page, "Renew passport", "Renew passport");
  const rent = page.getByRole("checkbox", { name: "Complete Pay rent", exact: true });
  const other = await page.context().newPage();
  await other.goto("/");
  const otherPassport = other.getByRole("checkbox", { name: "Complete Renew passport", exact: true });
  await expect(otherPassport).toBeVisible();

  const completeWithEditInBetween = async (edit: () => Promise<void>) => {
    await page.route(
      /\/api\/trpc\/[^?]*task\.complete/,
      async (route) => {
        const response = await route.fetch();
        await edit();
        await route.fulfill({ response });
      },
      { times: 1 },
    );
    await Promise.all([page.waitForResponse((r) => r.url().includes("task.complete")), rent.click()]);
    // The change's toast comes with its answer: only then does this tab know which entry is its own.
    await expect(page.getByRole("listitem").filter({ hasText: "Completed “Pay rent”" }).last()).toBeVisible();
  };

  await completeWithEditInBetween(async () => {
    await otherPassport.click();
    await expect(other.getByText("Completed “Renew passport”")).toBeVisible();
  });
  await page.getByRole("listitem").filter({ hasText: "Completed “Pay rent”" }).getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone", { exact: true })).toBeVisible();
  await expect(rent).not.toBeChecked();
  // The other tab's completion stands: the passport task left this tab's open list (undone, it would be back).
  await expect(taskRow(page, "Renew passport")).toHaveCount(0);

  await completeWithEditInBetween(async () => {
    // Adds a task there; stored once its answer is back.
    await Promise.all([other.waitForResponse((r) => r.url().includes("task.create") && r.ok()), quickAdd(other, "Book the dentist", "Book the dentist")]);
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Control+z");
  await expect(rent).not.toBeChecked();
  // The other tab's new task stands too (undone, it would be gone).
  await page.reload();
  await expect(taskRow(page, "Book the dentist")).toBeVisible();
  await expect(rent).not.toBeChecked();
  await shot(page, testInfo, "undo-after-edit-in-between");
  await other.close();
}

/** Skip one occurrence, move another, edit this occurrence only: the series keeps its own title and dates. */
async function occurrenceFlows(page: Page, testInfo: TestInfo) {
  await signUp(page);
  await quickAdd(page, "Standup every monday at 9am", "Standup");
  await page.getByRole("button", { name: "Standup", exact: true }).click();
  const editor = page.getByRole("dialog", { name: "Edit task" });
  const occurrences = editor.getByRole("list", { name: "Next occurrences" }).getByRole("listitem");
  await expect(occurrences.first()).toContainText("This one");

  await occurrences.nth(1).getByRole("button", { name: /^Skip / }).click();
  await expect(occurrences.nth(1)).toContainText("Skipped");

  await occurrences.nth(2).getByRole("button", { name: /^Move / }).click();
  const when = editor.getByLabel("New date and time");
  const value = await when.inputValue();
  await when.fill(value.replace(/T\d\d:\d\d$/, "T10:30"));
  await editor.getByRole("button", { name: "Move occurrence" }).click();
  await expect(occurrences.nth(2)).toContainText(/Moved to .*10:30/);
  await occurrences.nth(2).scrollIntoViewIfNeeded();
  await shot(page, testInfo, "occurrences");

  await editor.getByLabel("This occurrence only").check();
  await editor.getByLabel("Title").fill("Standup (offsite)");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Complete Standup (offsite)", exact: true }).click();
  // The next occurrence (created by the recurrence worker, live) keeps the series' title and passes over the skipped Monday.
  const next = taskRow(page, "Standup");
  await expect(next).toHaveCount(1);
  await next.getByRole("button", { name: "Standup", exact: true }).click();
  await expect(editor.getByRole("list", { name: "Next occurrences" }).getByRole("listitem").first()).toContainText(/10:30|This one/);
  await shot(page, testInfo, "next-occurrence");
}

test.describe("desktop", () => {
  test("undo a change from its toast, with Ctrl+Z and from the activity log", ({ page }, testInfo) => undoFlows(page, testInfo));
  test("skip and move one occurrence, edit this occurrence only", ({ page }, testInfo) => occurrenceFlows(page, testInfo));
  test("undo takes back this tab's change although another tab edited in between", ({ page }, testInfo) => undoWithEditInBetween(page, testInfo));
});

test.describe("phone 390x844", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("undo a change from its toast, with Ctrl+Z and from the activity log", ({ page }, testInfo) => undoFlows(page, testInfo));
  test("skip and move one occurrence, edit this occurrence only", ({ page }, testInfo) => occurrenceFlows(page, testInfo));
  test("undo takes back this tab's change although another tab edited in between", ({ page }, testInfo) => undoWithEditInBetween(page, testInfo));
});
