import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTasks } from "@/server/domain/tasks/list";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createTasks, listTitles, newUser, titles } from "./task-list-helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const user = () => newUser(database.handle);

describe("task list search", () => {
  it("ranks a title match above a description match", async () => {
    const ctx = await user();
    await createTasks(ctx, [
      { title: "Call the plumber", description: "ask about the invoice" },
      { title: "Invoice for March", description: "send to accounting" },
      { title: "Unrelated chore" },
    ]);
    const result = await listTasks(ctx, { search: "invoice" });
    expect(titles(result.items)).toEqual(["Invoice for March", "Call the plumber"]);
    expect(result.total).toBe(2);
    expect(result.items[0]!.rank!).toBeGreaterThan(result.items[1]!.rank!);
  });

  it("matches quoted phrases only in that word order", async () => {
    const ctx = await user();
    await createTasks(ctx, [{ title: "Team meeting notes" }, { title: "Notes from the meeting with the team" }]);
    expect(await listTitles(ctx, { search: '"team meeting"' })).toEqual(["Team meeting notes"]);
  });

  it("supports OR and -exclusion", async () => {
    const ctx = await user();
    await createTasks(ctx, [
      { title: "Buy apples" },
      { title: "Buy pears" },
      { title: "Buy apples and pears" },
      { title: "Sell bananas" },
      { title: "Buy cherries" },
      { title: "Buy plums" },
    ]);
    expect((await listTitles(ctx, { search: "apples OR bananas", sort: { by: "title", dir: "asc" } }))).toEqual([
      "Buy apples",
      "Buy apples and pears",
      "Sell bananas",
    ]);
    expect(await listTitles(ctx, { search: "buy -pears -apples", sort: { by: "title", dir: "asc" } })).toEqual([
      "Buy cherries",
      "Buy plums",
    ]);
  });

  it("treats the last word as a prefix while typing", async () => {
    const ctx = await user();
    await createTasks(ctx, [
      { title: "Write quarterly report" },
      { title: "Repaint the fence" },
      { title: "Quarterly taxes" },
      { title: "Read a book" },
      { title: "Reply to Anna" },
      { title: "Renew passport" },
    ]);
    expect(await listTitles(ctx, { search: "repo" })).toEqual(["Write quarterly report"]);
    expect((await listTitles(ctx, { search: "quarterly rep" }))[0]).toBe("Write quarterly report");
    expect(await listTitles(ctx, { search: "quarterly rep" })).not.toContain("Read a book");
    expect(await listTitles(ctx, { search: "taxes OR repo", sort: { by: "title", dir: "asc" } })).toEqual([
      "Quarterly taxes",
      "Write quarterly report",
    ]);
  });

  it("falls back to look-alike titles when a misspelt search finds little", async () => {
    const ctx = await user();
    await createTasks(ctx, [{ title: "Team meeting" }, { title: "Buy groceries" }, { title: "Walk the dog" }]);
    expect(await listTitles(ctx, { search: "meetign" })).toEqual(["Team meeting"]);
    expect(await listTitles(ctx, { search: "grocerys" })).toEqual(["Buy groceries"]);
  });

  it("does not add look-alikes when the search already finds plenty", async () => {
    const ctx = await user();
    await createTasks(ctx, [
      ...Array.from({ length: 6 }, (_, i) => ({ title: `Meeting ${i + 1}` })),
      { title: "Meating the butcher" },
    ]);
    const result = await listTasks(ctx, { search: "meeting" });
    expect(result.total).toBe(6);
    expect(titles(result.items)).not.toContain("Meating the butcher");
  });

  it("returns highlights in which only <mark> is HTML", async () => {
    const ctx = await user();
    await createTasks(ctx, [
      { title: "<script>alert('report')</script> & report", description: 'The "report" is <b>due</b> soon' },
    ]);
    const [item] = (await listTasks(ctx, { search: "report" })).items;
    expect(item!.title).toBe("<script>alert('report')</script> & report");
    expect(item!.titleHighlight).toContain("&lt;script&gt;");
    expect(item!.titleHighlight).toContain("&amp; <mark>report</mark>");
    expect(item!.titleHighlight).not.toMatch(/<(?!\/?mark>)/);
    expect(item!.snippet).toContain("<mark>report</mark>");
    expect(item!.snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  it("never lets a user forge <mark> with the marker characters", async () => {
    const ctx = await user();
    await createTasks(ctx, [{ title: "plan \u0001evil\u0002 trip" }]);
    const [item] = (await listTasks(ctx, { search: "plan" })).items;
    expect(item!.titleHighlight).toBe("<mark>plan</mark> evil trip");
  });

  it("answers odd search syntax with results, not an error", async () => {
    const ctx = await user();
    await createTasks(ctx, [{ title: "Fix the router" }]);
    for (const search of ['"', "-", "OR", "a & b | !c", "':* ( )", "\\'; DROP TABLE tasks; --", "router'", '"fix the']) {
      const result = await listTasks(ctx, { search });
      expect(result.items.length).toBeLessThanOrEqual(1);
    }
    expect(await listTitles(ctx, { search: "router" })).toEqual(["Fix the router"]);
  });

  it("without a search there are no highlights or ranks", async () => {
    const ctx = await user();
    await createTasks(ctx, [{ title: "Plain" }]);
    const [item] = (await listTasks(ctx, {})).items;
    expect(item).not.toHaveProperty("titleHighlight");
    expect(item).not.toHaveProperty("rank");
  });
});
