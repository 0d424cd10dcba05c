// The effect corpus as a regression test: every request of every batch (bench/chat/, the same cases
// `npm run chat:accuracy` measures) goes through the chat engine, and the user's data afterwards is read
// back through the tools and compared with what the request should have done — never the reply text.
// One database and one seeded user for all of them; each case runs in a transaction that is rolled back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BATCHES } from "../../bench/chat/accuracy";
import { EffectRunner } from "../../bench/chat/effects";
import { KNOWN_MISSES } from "../../bench/chat/known-misses";

let runner: EffectRunner;

beforeAll(async () => {
  runner = await EffectRunner.open();
});

afterAll(async () => {
  await runner?.close();
});

describe("the assistant's effect on the data, over the whole corpus", () => {
  it("holds at least 300 requests, none twice within a batch", () => {
    const all = Object.values(BATCHES).flat();
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const corpus of Object.values(BATCHES)) expect(new Set(corpus.map((c) => c.say.join(" / "))).size).toBe(corpus.length);
  });

  it("lists only known misses that are in the corpus", () => {
    for (const [batch, misses] of Object.entries(KNOWN_MISSES)) {
      const said = new Set(BATCHES[Number(batch)]!.map((c) => c.say[0]));
      for (const first of misses) expect(said.has(first), `batch ${batch}: "${first}"`).toBe(true);
    }
  });

  for (const [batch, corpus] of Object.entries(BATCHES)) {
    describe(`batch ${batch}`, () => {
      const misses = new Set(KNOWN_MISSES[Number(batch)] ?? []);
      corpus.forEach((entry, index) => {
        const known = misses.has(entry.say[0]!);
        const test = known ? it.fails : it;
        test(`${known ? "(known miss) " : ""}${entry.say.join(" → ")}`, async () => {
          const result = await runner.run(index, entry);
          expect(result.problems, `replies: ${result.replies.join(" | ")}`).toEqual([]);
        });
      });
    });
  }
});
