import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { openAssistant, say } from "./chat-helpers";
import { shot, signUp, taskRow } from "./helpers";

// Everyday requests phrased freshly (not lines of the accuracy corpus), each checked where a person
// would look: the task list. On a phone the assistant fills the screen, so the list is checked with
// the panel closed and the panel opened again for the next request.

const DAY = 86_400_000;

async function inList(page: Page, phone: boolean, check: () => Promise<void>) {
  if (phone) await page.getByRole("button", { name: "Close assistant" }).click();
  await check();
  if (phone) await openAssistant(page);
}

const dueOf = async (row: Locator) => Date.parse((await row.locator("time").first().getAttribute("datetime")) ?? "");
const reminderOf = (row: Locator) => row.locator("[title^='Reminder ']");

async function phrasings(page: Page, testInfo: TestInfo, phone: boolean) {
  test.setTimeout(300_000); // ten turns on a loaded machine
  await signUp(page);
  await openAssistant(page);

  // A task with a reminder: the reply names the reminder, the list shows it.
  await say(page, "remind me to water the basil tomorrow at 6pm", /Added "water the basil" \(due .*18:00\), reminder at .*18:00\./);
  await inList(page, phone, async () => {
    await expect(reminderOf(taskRow(page, "water the basil"))).toBeVisible();
  });

  await say(page, "rename water the basil to water the herbs", /renamed from "water the basil"/);
  await inList(page, phone, async () => {
    await expect(taskRow(page, "water the herbs")).toBeVisible();
    await expect(taskRow(page, "water the basil")).toHaveCount(0);
  });

  // Done, then "actually it's not done": the task leaves the list and comes back.
  await say(page, "water the herbs is done", /Completed "water the herbs"/);
  await inList(page, phone, async () => {
    await expect(taskRow(page, "water the herbs")).toHaveCount(0);
  });
  await say(page, "actually it's not done", /Reopened "water the herbs"/);
  await inList(page, phone, async () => {
    await expect(taskRow(page, "water the herbs")).toBeVisible();
  });

  // Snooze the reminder for an hour: the list shows the new reminder time.
  let reminderBefore = "";
  await inList(page, phone, async () => {
    reminderBefore = (await reminderOf(taskRow(page, "water the herbs")).getAttribute("title")) ?? "";
  });
  await say(page, "snooze the herbs reminder for an hour", /Snoozed the reminder for "water the herbs" until /);
  await inList(page, phone, async () => {
    await expect(reminderOf(taskRow(page, "water the herbs"))).not.toHaveAttribute("title", reminderBefore);
  });

  // A change and its undo, in words.
  await say(page, "bump the herbs task up", /Updated "water the herbs".*high/);
  await inList(page, phone, async () => {
    await expect(taskRow(page, "water the herbs")).toContainText("High");
  });
  await say(page, "undo that", /^Assistant: Undid the change of "water the herbs"\./);
  await inList(page, phone, async () => {
    await expect(taskRow(page, "water the herbs")).not.toContainText("High");
  });

  // Skip the next occurrence of a series: the task moves on by a week.
  await say(page, "add pilates every thursday at 7am", /Added "pilates"/);
  let first = 0;
  await inList(page, phone, async () => {
    await expect(taskRow(page, "pilates")).toBeVisible();
    first = await dueOf(taskRow(page, "pilates"));
  });
  await say(page, "skip the next pilates", /Skipped the occurrence on /);
  await inList(page, phone, async () => {
    await expect.poll(() => dueOf(taskRow(page, "pilates"))).toBe(first + 7 * DAY);
  });
  await shot(page, testInfo, phone ? "chat-phrasings-phone" : "chat-phrasings-desktop");
}

test.describe("desktop", () => {
  test("fresh phrasings in the assistant: reminder, rename, not done after all, snooze, undo, skip next", ({ page }, testInfo) =>
    phrasings(page, testInfo, false));
});

test.describe("phone 390x844", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("fresh phrasings in the assistant: reminder, rename, not done after all, snooze, undo, skip next", ({ page }, testInfo) =>
    phrasings(page, testInfo, true));
});
