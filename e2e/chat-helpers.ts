import { expect, type Page } from "@playwright/test";

/** The assistant panel, opened from its floating button. */
export async function openAssistant(page: Page) {
  await page.getByRole("button", { name: "Open assistant" }).click();
  const panel = page.getByRole("dialog", { name: "Assistant" });
  await expect(panel).toBeVisible();
  return panel;
}

export const conversationLog = (page: Page) => page.getByRole("log", { name: "Conversation" });

/** The assistant's latest message bubble (its text starts with a screen-reader "Assistant: "). */
export function lastAnswer(page: Page) {
  return conversationLog(page).locator("p").filter({ hasText: /^Assistant: / }).last();
}

/**
 * Sends a message and waits until the turn is over: the log is no longer busy (the stored
 * conversation, with its cards, has replaced the streamed draft) and the answer matches `expected`.
 */
export async function say(page: Page, text: string, expected: RegExp | string): Promise<void> {
  const panel = page.getByRole("dialog", { name: "Assistant" });
  const input = panel.getByLabel("Message");
  await expect(conversationLog(page)).toHaveAttribute("aria-busy", "false");
  await input.fill(text);
  await panel.getByRole("button", { name: "Send", exact: true }).click();
  await expect(input).toHaveValue("");
  // A turn runs tools and stores two messages; give a busy machine room.
  await expect(conversationLog(page)).toHaveAttribute("aria-busy", "false", { timeout: 45_000 });
  await expect(lastAnswer(page)).toContainText(expected);
}
