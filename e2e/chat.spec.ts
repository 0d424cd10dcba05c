import { expect, test } from "@playwright/test";
import { signUp, taskRow } from "./helpers";
import { conversationLog, lastAnswer, openAssistant, say } from "./chat-helpers";

test("the assistant adds, finds and completes tasks, asks which one, and keeps the conversation", async ({ page }, testInfo) => {
  test.setTimeout(240_000); // eleven turns and a reload
  await signUp(page);
  const panel = await openAssistant(page);

  await say(page, "add a high priority task to finish the report by Friday 5pm", /Added "finish the report"/);
  const reportCard = conversationLog(page).getByRole("article", { name: "finish the report" });
  await expect(reportCard).toContainText("High");
  await expect(taskRow(page, "finish the report")).toBeVisible();
  await expect(taskRow(page, "finish the report")).toContainText("High");

  await say(page, "add task pay invoice yesterday", /Added "pay invoice"/);
  await say(page, "what's overdue?", /Found 1 overdue task/i);
  const overdueCard = conversationLog(page).getByRole("article", { name: "pay invoice" }).last();
  await expect(overdueCard).toContainText(/overdue \d+ d/);
  await expect(conversationLog(page).getByRole("article")).toHaveCount(3); // report, invoice added, invoice overdue

  await say(page, "mark the report task as done", /Completed "finish the report"/);
  await expect(taskRow(page, "finish the report")).toHaveCount(0); // the Inbox lists open tasks only
  await expect(taskRow(page, "pay invoice")).toBeVisible();

  await say(page, "add budget review", /Added "budget review"/);
  await say(page, "add send budget to Anna", /Added "send budget to Anna"/);
  await say(page, "complete the budget task", /I found 2 tasks matching "budget"\. Which one\?/);
  const question = (await lastAnswer(page).innerText()).split("\n");
  const second = question.find((line) => line.startsWith("2. "))?.slice(3);
  const first = question.find((line) => line.startsWith("1. "))?.slice(3);
  expect([first, second].sort()).toEqual(["budget review", "send budget to Anna"]);
  // The numbers are offered as one-tap answers too; typing works the same.
  await expect(panel.getByRole("button", { name: "2", exact: true })).toBeVisible();
  await say(page, "2", `Completed "${second}"`);
  await expect(taskRow(page, second!)).toHaveCount(0);
  await expect(taskRow(page, first!)).toBeVisible();

  // The conversation is stored: after a reload it is all there, cards included.
  await page.reload();
  await openAssistant(page);
  const log = conversationLog(page);
  await expect(log).toContainText("add a high priority task to finish the report by Friday 5pm");
  await expect(log).toContainText(`Completed "${second}"`);
  await expect(log.getByRole("article", { name: "pay invoice" })).toHaveCount(2);
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(/^add a high priority task/);

  const screenshot = await page.screenshot({ path: testInfo.outputPath("chat-end-state.png") });
  await testInfo.attach("chat-end-state", { body: screenshot, contentType: "image/png" });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the assistant fills the screen and nothing overflows", async ({ page }, testInfo) => {
    await signUp(page);
    const panel = await openAssistant(page);
    await say(page, "add a high priority task to finish the report by Friday 5pm", /Added "finish the report"/);
    await say(page, "what's due this week?", /finish the report|Found/);

    const box = await panel.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(panel.getByLabel("Message")).toBeInViewport();

    const screenshot = await page.screenshot({ path: testInfo.outputPath("chat-phone.png") });
    await testInfo.attach("chat-phone", { body: screenshot, contentType: "image/png" });
  });
});
