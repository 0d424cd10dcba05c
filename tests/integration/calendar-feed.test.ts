import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCalendarFeed, regenerateCalendarFeed, revokeCalendarFeed } from "@/server/domain/calendar/service";
import { skipOccurrence } from "@/server/domain/occurrences";
import { completeTask, createTask, getTask, updateTask } from "@/server/domain/tasks";
import { createCategory } from "@/server/domain/categories";
import { serveCalendarFeed } from "@/server/http/calendar-feed";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const fileOf = (path: string) => path.slice("/api/calendar/".length);
const get = (path: string, headers: Record<string, string> = {}) => serveCalendarFeed(db.handle.db, fileOf(path), new Headers(headers));

function events(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
}

describe("calendar feed over HTTP", () => {
  it("serves the person's open dated tasks with their series and skipped dates; 304 while nothing changed; a change shows", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const ctx = await createTestUser(db.handle, { timeZone: "Europe/Lisbon", now: () => now });
    const work = await createCategory(ctx, { name: "Work" });
    const standup = await createTask(ctx, { title: "Standup", dueAt: new Date("2026-12-07T09:30:00Z"), recurrenceRule: "FREQ=WEEKLY;BYDAY=MO", categoryId: work.id, priority: "high" });
    await createTask(ctx, { title: "Undated idea" });
    const done = await createTask(ctx, { title: "Already done", dueAt: new Date("2026-12-03T10:00:00Z") });
    await completeTask(ctx, done.id);
    await skipOccurrence(ctx, { id: standup.id, date: new Date("2026-12-14T09:30:00Z") });

    const { path } = await regenerateCalendarFeed(ctx);
    expect((await getCalendarFeed(ctx)).path).toBe(path);
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await first.text();
    const parsed = events(text);
    expect(parsed.map((e) => e.summary)).toEqual(["Standup"]);
    const series = parsed[0]!;
    expect(series.component.getFirstPropertyValue("priority")).toBe(3);
    expect(series.component.getAllProperties("categories").flatMap((p) => p.getValues())).toEqual(["Work"]);
    const it = series.iterator();
    const dates: string[] = [];
    for (let next = it.next(); next && dates.length < 3; next = it.next()) dates.push(next.toJSDate().toISOString());
    expect(dates).toEqual(["2026-12-07T09:30:00.000Z", "2026-12-21T09:30:00.000Z", "2026-12-28T09:30:00.000Z"]);

    const etag = first.headers.get("etag")!;
    expect((await get(path, { "if-none-match": etag })).status).toBe(304);
    expect((await get(path, { "if-modified-since": first.headers.get("last-modified")! })).status).toBe(304);

    await new Promise((resolve) => setTimeout(resolve, 1_100)); // Last-Modified has whole seconds
    const later = new Date();
    const edited = await updateTask({ ...ctx, now: () => later }, { id: standup.id, version: (await getTask(ctx, standup.id)).version, title: "Daily standup" });
    expect(edited.title).toBe("Daily standup");
    const changed = await get(path, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(events(await changed.text()).map((e) => e.summary)).toEqual(["Daily standup"]);
    expect((await get(path, { "if-modified-since": first.headers.get("last-modified")! })).status).toBe(200);
  });

  it("revoking or regenerating the link stops the old URL; another person's token shows only their tasks", async () => {
    const ana = await createTestUser(db.handle);
    const bo = await createTestUser(db.handle);
    await createTask(ana, { title: "Ana's task", dueAt: new Date(Date.now() + 86_400_000) });
    await createTask(bo, { title: "Bo's task", dueAt: new Date(Date.now() + 86_400_000) });
    const first = await regenerateCalendarFeed(ana);
    const second = await regenerateCalendarFeed(ana);
    expect(second.path).not.toBe(first.path);
    expect((await get(first.path)).status).toBe(404);
    expect(events(await (await get(second.path)).text()).map((e) => e.summary)).toEqual(["Ana's task"]);
    await revokeCalendarFeed(ana);
    expect((await get(second.path)).status).toBe(404);
    expect((await getCalendarFeed(ana)).path).toBeNull();
    expect((await serveCalendarFeed(db.handle.db, "not-a-token.ics", new Headers())).status).toBe(404);
  });
});
