import { expect, test } from "@playwright/test";
import { quickAdd, signUp, taskRow } from "./helpers";

test("categories: create, rename, recolour and delete with a count in the confirmation", async ({ page }, testInfo) => {
  await signUp(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: "New category" }).click();
  await page.getByLabel("New category name").fill("Home");
  await page.getByLabel("New category name").press("Enter");
  await expect(nav.getByRole("link", { name: /^Home/ })).toBeVisible();

  await quickAdd(page, "Fix the tap tomorrow @Home", "Fix the tap");
  await quickAdd(page, "Paint the fence tomorrow @Home", "Paint the fence");
  await expect(nav.getByRole("link", { name: /^Home/ })).toContainText("2");

  await nav.getByRole("button", { name: "Actions for category Home" }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  await page.getByLabel("Rename category Home").fill("House");
  await page.getByLabel("Rename category Home").press("Enter");
  await expect(nav.getByRole("link", { name: /^House/ })).toBeVisible();
  await expect(taskRow(page, "Fix the tap")).toContainText("House");

  await nav.getByRole("button", { name: "Actions for category House" }).click();
  await page.getByRole("menuitem", { name: "Colour" }).click();
  await page.getByRole("menuitem", { name: "Colour #22C55E" }).click();

  await nav.getByRole("link", { name: /^House/ }).click();
  await expect(page.getByRole("heading", { name: /House/ })).toBeVisible();

  await nav.getByRole("button", { name: "Actions for category House" }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("2 open tasks use this category");
  await page.screenshot({ path: testInfo.outputPath("delete-confirm.png") });
  await confirm.getByRole("button", { name: "Delete category" }).click();
  await expect(nav.getByRole("link", { name: /^House/ })).toHaveCount(0);
  // Back to the inbox in-app (no reload): the rows no longer carry the deleted category.
  await nav.getByRole("link", { name: /^Inbox/ }).click();
  await expect(taskRow(page, "Fix the tap")).toBeVisible();
  await expect(taskRow(page, "Fix the tap")).not.toContainText("House");
});

test("a stale edit shows the newer version instead of overwriting it", async ({ page, context }, testInfo) => {
  await signUp(page);
  await quickAdd(page, "Shared task tomorrow", "Shared task");
  await page.getByRole("button", { name: "Shared task", exact: true }).click();
  const editor = page.getByRole("dialog", { name: "Edit task" });
  await expect(editor.getByLabel("Title")).toHaveValue("Shared task");

  // Someone else (another tab) renames it meanwhile.
  const other = await context.newPage();
  await other.goto("/");
  const otherEditor = other.getByRole("dialog", { name: "Edit task" });
  // A click that lands before hydration does nothing; retry until the editor opens.
  await expect(async () => {
    await other.getByRole("button", { name: "Shared task", exact: true }).click();
    await expect(otherEditor).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await otherEditor.getByLabel("Title").fill("Renamed elsewhere");
  await otherEditor.getByRole("button", { name: "Save" }).click();
  await expect(otherEditor).toHaveCount(0);

  await editor.getByLabel("Priority").selectOption("urgent");
  await editor.getByRole("button", { name: "Save" }).click();
  const notice = editor.getByRole("alert").filter({ hasText: "changed elsewhere" });
  await expect(notice).toContainText("Title: Shared task → Renamed elsewhere");
  await page.screenshot({ path: testInfo.outputPath("conflict.png") });
  await notice.getByRole("button", { name: "Apply my changes on top" }).click();
  await expect(editor).toHaveCount(0);
  const row = taskRow(page, "Renamed elsewhere");
  await expect(row).toContainText("Urgent");
});
