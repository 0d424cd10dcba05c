import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test as base, type Page } from "@playwright/test";
import { freePort } from "../scripts/free-port";
import { startOpenAiDouble, type OpenAiDouble } from "../tests/support/openai-double/server";
import { conversationLog, lastAnswer, openAssistant, say } from "./chat-helpers";
import { signUp, taskRow } from "./helpers";

/**
 * The LLM engine in the browser: this file runs its own app server (from the same production
 * build) with OPENAI_BASE_URL pointing at the local OpenAI-compatible double, so the shared
 * server of the other flows keeps the interpreter engine.
 */
type LlmApp = { url: string; llm: OpenAiDouble };

async function waitForHealth(url: string, app: ChildProcess): Promise<void> {
  for (;;) {
    if (app.exitCode !== null) throw new Error(`the LLM app server exited with ${app.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const test = base.extend<object, { llmApp: LlmApp }>({
  llmApp: [
    async ({}, use) => {
      const llm = await startOpenAiDouble();
      const port = await freePort();
      const url = `http://localhost:${port}`;
      // The production build the shared server uses (playwright.config's webServer builds it first);
      // never a second build of our own next to it.
      if (!existsSync(".next/BUILD_ID")) throw new Error("no production build in .next: run `npx next build` first");
      // Like `npm start` without its build step; its own process group, so stopping it stops tsx's child too.
      const app = spawn("node_modules/.bin/tsx", ["src/server/http/server.ts"], {
        detached: true,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          DATA_DIR: mkdtempSync(path.join(tmpdir(), "cadence-e2e-llm-")),
          LOG_LEVEL: "error",
          OPENAI_API_KEY: "e2e-key",
          OPENAI_BASE_URL: llm.baseURL,
          OPENAI_MODEL: "double",
        },
      });
      try {
        await waitForHealth(url, app);
        await use({ url, llm });
      } finally {
        if (app.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
        await llm.close();
      }
    },
    { scope: "worker", timeout: 240_000 },
  ],
  baseURL: async ({ llmApp }, use) => use(llmApp.url),
});

// One app server for the file: its tests run one after another in one worker.
test.describe.configure({ mode: "default" });

/** Records every text the latest assistant bubble shows, from now on, as the DOM changes. */
async function recordAnswers(page: Page): Promise<() => Promise<string[]>> {
  await conversationLog(page).evaluate((log) => {
    const seen: string[] = [];
    (window as unknown as { __answers: string[] }).__answers = seen;
    const answers = () => [...log.querySelectorAll("p")].filter((p) => p.textContent?.startsWith("Assistant: "));
    const before = answers().length;
    new MutationObserver(() => {
      const all = answers();
      if (all.length <= before) return;
      const text = (all.at(-1)?.textContent ?? "").replace(/^Assistant: /, "");
      if (seen.at(-1) !== text) seen.push(text);
    }).observe(log, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __answers: string[] }).__answers);
}

const REPLY = "Added pack the camping gear for Saturday morning, so you will not forget it before the trip.";

test("the assistant's reply grows word by word while the model writes it", async ({ page, llmApp }, testInfo) => {
  await signUp(page);
  await openAssistant(page);
  llmApp.llm.script(
    { toolCalls: [{ name: "add_task", arguments: { title: "pack the camping gear", due_date: "Saturday 9am" } }] },
    { content: REPLY, tokenDelayMs: 150 },
  );
  const answers = await recordAnswers(page);
  await say(page, "remind me to pack the camping gear on Saturday morning", REPLY);

  const seen = await answers();
  const partial = seen.filter((text) => text.length > 0 && text !== "…" && text !== REPLY);
  // Part of the reply was on screen before all of it, and every part was a beginning of it.
  expect(partial.length).toBeGreaterThan(2);
  for (const text of partial) expect(REPLY.startsWith(text)).toBe(true);
  expect(seen.at(-1)).toBe(REPLY);
  // The tool call did its work: the task is in the list and on a card under the answer.
  await expect(taskRow(page, "pack the camping gear")).toBeVisible();
  await expect(conversationLog(page).getByRole("article", { name: "pack the camping gear" })).toBeVisible();
  await testInfo.attach("streamed-texts", { body: seen.join("\n"), contentType: "text/plain" });
});

test("the interpreter answers when the model service fails", async ({ page, llmApp }) => {
  await signUp(page);
  await openAssistant(page);
  llmApp.llm.script({ status: 500 });
  await say(page, "add pay rent on April 1", /^Assistant: Added "pay rent"/);
  await expect(taskRow(page, "pay rent")).toBeVisible();
});

test("a reply cut off midway is replaced by the interpreter's answer", async ({ page, llmApp }) => {
  await signUp(page);
  await openAssistant(page);
  llmApp.llm.script({ content: "Sure, let me think about the plumber for a moment.", tokenDelayMs: 150, dropAfterWords: 4 });
  const answers = await recordAnswers(page);
  await say(page, "add call the plumber tomorrow", /^Assistant: Added "call the plumber"/);

  const seen = await answers();
  // The model's first words were shown as they came, then gave way to the stored answer.
  expect(seen.some((text) => text.startsWith("Sure, let"))).toBe(true);
  await expect(lastAnswer(page)).not.toContainText("Sure, let me");
  await expect(taskRow(page, "call the plumber")).toBeVisible();
});
