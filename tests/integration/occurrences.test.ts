import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNextOccurrence } from "@/server/domain/recurrence-series";
import { executeTool } from "@/server/tools";
import { callerForNewUser } from "../support/caller";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

type Setup = Awaited<ReturnType<typeof callerForNewUser>>;

/** Completes the task and runs what the recurrence worker runs on task.completed. */
async function completeAndAdvance({ caller, domain }: Setup, id: string) {
  const done = await caller.task.complete({ id });
  const next = await createNextOccurrence(domain, { id, completedAt: done.completedAt!.toISOString() });
  return next.status === "created" ? next.task : null;
}

const iso = (d: Date | null | undefined) => d?.toISOString();

for (const zone of [
  { timeZone: "Europe/Berlin", nine: (day: string) => `${day}T08:00:00.000Z` },
  { timeZone: "America/New_York", nine: (day: string) => `${day}T14:00:00.000Z` },
]) {
  describe(`occurrences in ${zone.timeZone}`, () => {
    const weeklyStandup = async (setup: Setup) =>
      setup.caller.task.create({ title: "Standup", dueAt: new Date(zone.nine("2027-01-04")), recurrenceRule: "FREQ=WEEKLY;BYDAY=MO" });

    it("skips one occurrence: the preview marks it and the series passes over it", async () => {
      const setup = await callerForNewUser(testDb.handle, { timeZone: zone.timeZone });
      const task = await weeklyStandup(setup);
      await setup.caller.task.skipOccurrence({ id: task.id, date: new Date("2027-01-11") });
      const { items } = await setup.caller.task.occurrences({ id: task.id, count: 3 });
      expect(items.map((i) => [iso(i.date), i.status])).toEqual([
        [zone.nine("2027-01-04"), "scheduled"],
        [zone.nine("2027-01-11"), "skipped"],
        [zone.nine("2027-01-18"), "scheduled"],
        [zone.nine("2027-01-25"), "scheduled"],
      ]);
      const next = await completeAndAdvance(setup, task.id);
      expect(iso(next?.dueAt)).toBe(zone.nine("2027-01-18"));
      expect(next?.occurrenceIndex).toBe(3);
    });

    it("skipping the open occurrence moves the task to the next date; undo puts it back", async () => {
      const setup = await callerForNewUser(testDb.handle, { timeZone: zone.timeZone });
      const task = await weeklyStandup(setup);
      const skipped = await setup.caller.task.skipOccurrence({ id: task.id, date: new Date(zone.nine("2027-01-04")) });
      expect(iso(skipped.dueAt)).toBe(zone.nine("2027-01-11"));
      const entry = (await setup.caller.activity.list({ limit: 1 })).items[0]!;
      await setup.caller.activity.revert({ id: entry.id });
      const back = await setup.caller.task.occurrences({ id: task.id, count: 2 });
      expect(back.items.map((i) => i.status)).toEqual(["scheduled", "scheduled"]);
      expect(iso((await setup.caller.task.get({ id: task.id })).dueAt)).toBe(zone.nine("2027-01-04"));
    });

    it("moves one occurrence without touching the rule", async () => {
      const setup = await callerForNewUser(testDb.handle, { timeZone: zone.timeZone });
      const task = await weeklyStandup(setup);
      const movedTo = new Date(zone.nine("2027-01-12"));
      await setup.caller.task.rescheduleOccurrence({ id: task.id, date: new Date("2027-01-11"), to: movedTo });
      const { items } = await setup.caller.task.occurrences({ id: task.id, count: 3 });
      expect(items[1]).toMatchObject({ status: "moved" });
      expect(iso(items[1]!.dueAt)).toBe(iso(movedTo));
      const second = await completeAndAdvance(setup, task.id);
      expect(iso(second?.dueAt)).toBe(iso(movedTo));
      expect(second?.recurrenceRule).toBe("FREQ=WEEKLY;BYDAY=MO");
      const third = await completeAndAdvance(setup, second!.id);
      expect(iso(third?.dueAt)).toBe(zone.nine("2027-01-18"));
    });

    it("edits this occurrence only, or this and following (a new series)", async () => {
      const setup = await callerForNewUser(testDb.handle, { timeZone: zone.timeZone });
      const task = await weeklyStandup(setup);
      const only = await setup.caller.task.updateOccurrence({ id: task.id, version: task.version, scope: "this", title: "Standup (offsite)", priority: "high" });
      const second = await completeAndAdvance(setup, only.id);
      expect(second).toMatchObject({ title: "Standup", priority: "medium", seriesId: task.id });

      const following = await setup.caller.task.updateOccurrence({ id: second!.id, version: second!.version, scope: "following", title: "Team sync" });
      expect(following).toMatchObject({ title: "Team sync", seriesId: second!.id, occurrenceIndex: 1 });
      const third = await completeAndAdvance(setup, following.id);
      expect(third).toMatchObject({ title: "Team sync", seriesId: second!.id });
      expect(iso(third?.dueAt)).toBe(zone.nine("2027-01-18"));
      await expect(setup.caller.task.updateOccurrence({ id: third!.id, version: third!.version, scope: "this", recurrenceRule: "FREQ=DAILY" })).rejects.toThrow(
        /repeat rule applies to this and following/,
      );
    });

    it("ends a series with the open occurrence", async () => {
      const setup = await callerForNewUser(testDb.handle, { timeZone: zone.timeZone });
      const task = await weeklyStandup(setup);
      await setup.caller.task.endSeries({ id: task.id });
      expect((await setup.caller.task.occurrences({ id: task.id, count: 5 })).items).toHaveLength(1);
      expect(await completeAndAdvance(setup, task.id)).toBeNull();
    });

    it("the MCP tools skip and reschedule by day, keeping the series' time", async () => {
      const setup = await callerForNewUser(testDb.handle, { timeZone: zone.timeZone });
      const task = await weeklyStandup(setup);
      const skipped = await executeTool(setup.domain, "skip_occurrence", { task_id: task.id, date: "2027-01-18" });
      expect(skipped.ok && skipped.result.upcoming.map((u) => u.status)).toEqual(["scheduled", "scheduled", "skipped", "scheduled", "scheduled", "scheduled"]);
      const moved = await executeTool(setup.domain, "reschedule_occurrence", { task_id: task.id, date: "2027-01-11", to: "2027-01-13" });
      expect(moved.ok).toBe(true);
      const { items } = await setup.caller.task.occurrences({ id: task.id, count: 2 });
      expect(iso(items[1]!.dueAt)).toBe(zone.nine("2027-01-13"));
      const wrong = await executeTool(setup.domain, "skip_occurrence", { task_id: task.id, date: "2027-01-12" });
      expect(wrong).toMatchObject({ ok: false, error: { code: "invalid_argument", argument: "date" } });
    });
  });
}

describe("repeat from completion (every!)", () => {
  const monthly = async (setup: Setup, due: string, rule: string) =>
    setup.caller.task.create({ title: "Pay card", dueAt: new Date(due), recurrenceRule: rule, recurrenceBasis: "completion" });

  it("counts from the completion day and ends short months on their last day (31st → 28th, 29 Feb → 28 Feb)", async () => {
    let now = new Date("2027-01-31T18:00:00Z");
    const setup = await callerForNewUser(testDb.handle, { timeZone: "Europe/Berlin", now: () => now });
    const task = await monthly(setup, "2027-01-31T08:00:00Z", "FREQ=MONTHLY");
    const feb = await completeAndAdvance(setup, task.id);
    expect(iso(feb?.dueAt)).toBe("2027-02-28T08:00:00.000Z");
    now = new Date("2027-04-30T10:00:00Z");
    const may = await completeAndAdvance(setup, feb!.id);
    expect(iso(may?.dueAt)).toBe("2027-05-30T07:00:00.000Z"); // 09:00 in Berlin summer time

    now = new Date("2028-02-29T12:00:00Z");
    const leap = await monthly(setup, "2028-02-29T08:00:00Z", "FREQ=YEARLY");
    expect(iso((await completeAndAdvance(setup, leap.id))?.dueAt)).toBe("2029-02-28T08:00:00.000Z");
  });

  it("keeps the time of day across a DST change in New York", async () => {
    const now = new Date("2027-03-13T23:30:00Z"); // Sat 13 Mar 2027, 18:30 EST; clocks spring forward that night
    const setup = await callerForNewUser(testDb.handle, { timeZone: "America/New_York", now: () => now });
    const task = await monthly(setup, "2027-03-12T13:00:00Z", "FREQ=DAILY");
    const next = await completeAndAdvance(setup, task.id);
    expect(iso(next?.dueAt)).toBe("2027-03-14T12:00:00.000Z"); // 08:00 EDT
  });
});
