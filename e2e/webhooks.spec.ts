import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/webhooks-helpers";
import { quickAdd, shot, signUp } from "./helpers";

/**
 * Settings → Webhooks against a receiver on loopback that verifies every message with the `standardwebhooks`
 * package (the server under test runs with WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true, see playwright.config.ts).
 */
let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await startReceiver();
});
test.afterEach(async () => {
  await receiver.close();
});

async function addEndpoint(page: Page, description: string): Promise<string> {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
  await expect(page.getByText("No webhook endpoints yet.")).toBeVisible();
  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByLabel("Description (optional)").fill(description);
  await expect(page.getByRole("checkbox", { name: "Task created" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Task updated" }).uncheck();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const notice = page.getByRole("status", { name: "New signing secret" });
  await expect(notice).toContainText("it will not be shown again");
  const secret = await notice.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  receiver.secrets = [secret];
  return secret;
}

test("add an endpoint, send a test event, see it delivered in the log, resend it, receive real events", async ({ page }, testInfo) => {
  await signUp(page);
  const secret = await addEndpoint(page, "Team dashboard");
  const card = page.getByRole("listitem", { name: "Endpoint Team dashboard" });
  await expect(card).toContainText("Task created, Task completed");
  await expect(card).toContainText("Active");

  await card.getByRole("button", { name: "Send test event" }).click();
  const log = card.getByRole("table", { name: "Delivery log of Team dashboard" });
  const testRow = log.getByRole("row").filter({ hasText: "Test event" });
  await expect(testRow).toContainText("Delivered");
  await expect(testRow).toContainText("HTTP 204");
  await expect(testRow).toContainText(/\d+ ms/);
  expect(receiver.processed.map((p) => p.event.type)).toEqual(["cadence.webhook.test.v1"]);
  await shot(page, testInfo, "test-delivered");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await testRow.getByRole("button", { name: /^Resend Test event/ }).first().click();
  await expect(log.getByRole("row").filter({ hasText: "Test event" })).toHaveCount(2);
  await expect.poll(() => receiver.requests.length).toBe(2);
  expect(receiver.requests[1]!.id).toBe(receiver.requests[0]!.id); // same webhook-id: the receiver saw it once
  expect(receiver.processed).toHaveLength(1);

  // A real change reaches the endpoint as its CloudEvent.
  await page.goto("/");
  await quickAdd(page, "Webhook me", "Webhook me");
  await expect.poll(() => receiver.processed.map((p) => p.event.type)).toContain("cadence.task.created.v1");

  // Rotating shows a new secret once; both secrets verify during the overlap.
  await page.goto("/settings");
  await card.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await page.getByRole("status", { name: "New signing secret" }).getByLabel("Signing secret").inputValue();
  expect(rotated).not.toBe(secret);
  await expect(card).toContainText("previous secret still signing");
  receiver.secrets = [rotated];
  await card.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => receiver.requests.at(-1)?.verified).toEqual([true]);

  await card.getByRole("button", { name: "Disable" }).click();
  await expect(card).toContainText("Disabled");
  await card.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page.getByText("No webhook endpoints yet.")).toBeVisible();
  await shot(page, testInfo, "deleted");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("add an endpoint and read its delivery log", async ({ page }, testInfo) => {
    await signUp(page);
    await addEndpoint(page, "Phone hook");
    const card = page.getByRole("listitem", { name: "Endpoint Phone hook" });
    await card.getByRole("button", { name: "Send test event" }).click();
    const log = card.getByRole("table", { name: "Delivery log of Phone hook" });
    await expect(log.getByRole("row").filter({ hasText: "Test event" })).toContainText("Delivered");
    await expect(card.getByRole("button", { name: /^Resend Test event/ })).toBeVisible();
    // Each delivery is a card that fits the screen instead of a table scrolling sideways.
    const box = await log.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await shot(page, testInfo, "phone-log");
    await log.screenshot({ path: testInfo.outputPath("phone-log-cards.png") });
  });
});
