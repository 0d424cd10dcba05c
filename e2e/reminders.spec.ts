import { expect, test } from "@playwright/test";
import { shot, signUp, taskRow } from "./helpers";

test("a reminder due in a few seconds reaches the notification centre and the desktop", async ({ page, context }, testInfo) => {
  await context.grantPermissions(["notifications"]);
  // Record desktop notifications instead of showing them.
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class RecordingNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      constructor(title: string) {
        shown.push(title);
      }
    }
    Object.defineProperty(window, "Notification", { value: RecordingNotification, configurable: true });
  });
  await signUp(page);
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  const at = new Date(Date.now() + 8_000).toISOString();
  const dueAt = new Date(Date.now() + 3_600_000).toISOString();
  const res = await page.request.post("/api/trpc/task.create", {
    data: { json: { title: "Call mom", dueAt, reminders: [{ at }] }, meta: { values: { "reminders.0.at": ["Date"], dueAt: ["Date"] } } },
  });
  expect(res.ok()).toBe(true);
  // Created elsewhere right after the page loaded: it arrives live, then its reminder fires into the open page.
  await expect(taskRow(page, "Call mom")).toBeVisible();

  const bell = page.getByRole("button", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toEqual([
    expect.stringContaining("Call mom"),
  ]);
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel).toContainText("Call mom");
  await shot(page, testInfo, "notification-centre");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
});
