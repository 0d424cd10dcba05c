import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { shot, signUp } from "./helpers";

/**
 * Agent tokens as a person sets them up: a read-only token limited to one category with an expiry, a
 * writing token an MCP client then uses, and the activity log naming that client ("by Claude Desktop").
 */

async function mcpCall(request: APIRequestContext, token: string, name: string, args: Record<string, unknown>) {
  // A fresh connection, as an MCP client would open: a pooled socket the server closed while idle resets the call.
  const response = await request.post("/api/mcp", {
    headers: { Connection: "close", Authorization: `Bearer ${token}`, Accept: "application/json, text/event-stream", "MCP-Protocol-Version": "2025-06-18" },
    data: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { isError?: boolean; structuredContent: Record<string, unknown> } }).result;
}

async function openSettings(page: Page) {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
}

async function createToken(page: Page, name: string, setUp: (form: ReturnType<Page["getByRole"]>) => Promise<void>): Promise<string> {
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill(name);
  await setUp(form);
  await form.getByRole("button", { name: "Create token" }).click();
  const notice = page.getByRole("status", { name: "New token" });
  await expect(notice).toContainText(name);
  const token = await notice.getByLabel("New API token").inputValue();
  await notice.getByRole("button", { name: "I have saved it" }).click();
  return token;
}

async function flow(page: Page, testInfo: TestInfo) {
  await signUp(page);
  const created = await page.request.post("/api/trpc/category.create", { data: { json: { name: "Work" } } });
  expect(created.ok(), await created.text()).toBe(true);
  await openSettings(page);

  // A read-only token for one category, expiring in 7 days.
  const reader = await createToken(page, "Calendar bot", async (form) => {
    await form.getByRole("checkbox", { name: /^Write/ }).uncheck();
    await form.getByRole("checkbox", { name: "All categories" }).uncheck();
    await form.getByRole("group", { name: "Only these categories" }).getByRole("checkbox", { name: "Work" }).check();
    await form.getByLabel("Expires").selectOption({ label: "In 7 days" });
  });
  const table = page.getByRole("table", { name: "API tokens" });
  const readerRow = table.getByRole("row").filter({ hasText: "Calendar bot" });
  await expect(readerRow).toContainText("Read");
  await expect(readerRow).not.toContainText("Write");
  await expect(readerRow).toContainText("Only Work");
  const inSevenDays = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", dateStyle: "medium" }).format(new Date(Date.now() + 7 * 86_400_000));
  await expect(readerRow).toContainText(inSevenDays);

  // The default token reads and writes everything; it is what the agent uses.
  const writer = await createToken(page, "Claude Desktop", async (form) => {
    await expect(form.getByRole("checkbox", { name: /^Read/ })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /^Write/ })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /^Delete/ })).not.toBeChecked();
  });
  await expect(table.getByRole("row").filter({ hasText: "Claude Desktop" })).toContainText("All categories");
  await shot(page, testInfo, "tokens");
  // On a phone the rows stack as cards: the table fits the screen instead of scrolling sideways.
  const box = await table.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  const refused = await mcpCall(page.request, reader, "add_task", { title: "Not allowed" });
  expect(refused).toMatchObject({ isError: true, structuredContent: { error: { code: "forbidden", missing_scope: "write" } } });
  const added = await mcpCall(page.request, writer, "add_task", { title: "Draft the quarterly report" });
  expect(added.isError).toBeFalsy();

  // The last-used time shows up once the token has been used.
  await page.reload();
  await expect(table.getByRole("row").filter({ hasText: "Claude Desktop" }).getByRole("cell").nth(4)).not.toHaveText("Never");

  await page.goto("/activity");
  const entry = page.getByRole("listitem").filter({ hasText: "Draft the quarterly report" });
  await expect(entry).toContainText("by Claude Desktop");
  await shot(page, testInfo, "activity");
  // The app's own change (the category) names no token.
  await expect(page.getByRole("listitem").filter({ hasText: "category “Work”" })).not.toContainText("by ");

  // The agent also raised the priority of the person's own task; then the person reverts everything it did.
  const own = await page.request.post("/api/trpc/task.create", { data: { json: { title: "Renew passport", priority: "low" } } });
  expect(own.ok(), await own.text()).toBe(true);
  const ownId = ((await own.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
  const changed = await mcpCall(page.request, writer, "update_task", { task_id: ownId, priority: "urgent" });
  expect(changed.isError).toBeFalsy();
  await openSettings(page);
  await table.getByRole("button", { name: "Revert changes by Claude Desktop" }).click();
  const dialog = page.getByRole("dialog", { name: "Revert changes by “Claude Desktop”" });
  await expect(dialog.getByRole("status")).toContainText("2 changes since");
  await shot(page, testInfo, "revert-token");
  await dialog.getByRole("button", { name: "Revert 2 changes" }).click();
  await expect(page.getByText("Reverted 2 changes by “Claude Desktop”")).toBeVisible();
  await expect(dialog).toBeHidden();
  // The agent's task is gone, the person's task is back to low.
  const left = await mcpCall(page.request, writer, "list_tasks", { status: "all" });
  expect((left.structuredContent.tasks as { title: string; priority: string }[]).map((t) => [t.title, t.priority])).toEqual([["Renew passport", "low"]]);
  // Nothing left to revert, and the revert itself is in the activity log (where it can be undone).
  await table.getByRole("button", { name: "Revert changes by Claude Desktop" }).click();
  await expect(dialog.getByRole("status")).toContainText("changed nothing since then");
  await expect(dialog.getByRole("button", { name: "Revert changes" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.goto("/activity");
  await expect(page.getByRole("listitem").filter({ hasText: "Undid 2 changes" }).getByRole("button", { name: /Undo/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Changed task: priority" })).toContainText("Undone");
  await shot(page, testInfo, "activity-after-revert");
}

test("token scopes, category limit and expiry in Settings; agent changes labelled in the activity log", async ({ page }, testInfo) => {
  await flow(page, testInfo);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("the same flow at 390x844", async ({ page }, testInfo) => {
    await flow(page, testInfo);
  });
});
