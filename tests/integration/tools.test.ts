import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reminders } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { fireReminder } from "@/server/domain/reminders";
import { getTask } from "@/server/domain/tasks";
import { executeTool, TOOL_NAMES, toolJsonSchemas, type ToolError, type ToolName, type ToolResultOf } from "@/server/tools";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";

// Monday 23 Nov 2026, 07:00 in New York.
const NOW = new Date("2026-11-23T12:00:00Z");
const ZONE = "America/New_York";

let database: TestDatabase;
let alice: DomainContext;
let bob: DomainContext;

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await createTestUser(database.handle, { timeZone: ZONE, now: () => NOW });
  bob = await createTestUser(database.handle, { timeZone: ZONE, now: () => NOW });
});
afterAll(async () => {
  await database.drop();
});

async function call<N extends ToolName>(ctx: DomainContext, name: N, args: unknown): Promise<ToolResultOf<N>> {
  const outcome = await executeTool(ctx, name, args);
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
  return outcome.result;
}

async function fail(ctx: DomainContext, name: string, args: unknown): Promise<ToolError> {
  const outcome = await executeTool(ctx, name, args);
  if (outcome.ok) throw new Error(`${name} unexpectedly succeeded: ${outcome.result.summary}`);
  return outcome.error;
}

describe("tool registry: each tool with good arguments", () => {
  it("lists every tool, each with an object JSON Schema for an LLM", () => {
    const schemas = toolJsonSchemas();
    expect(schemas.map((s) => s.name).sort()).toEqual(
      [
        "add_category", "add_tag", "add_tag_to_task", "add_task", "complete_task", "delete_category", "delete_tag", "delete_task",
        "get_overdue_tasks", "reopen_task", "get_upcoming_tasks", "list_categories", "list_tags", "list_tasks", "remove_tag_from_task",
        "search_tasks", "set_reminder", "snooze_reminder", "update_task", "update_tasks", "delete_tasks", "skip_occurrence", "reschedule_occurrence", "undo_change",
        "rename_category", "rename_tag",
      ].sort(),
    );
    expect(TOOL_NAMES).toHaveLength(26);
    const addTask = schemas.find((s) => s.name === "add_task")!;
    expect(addTask.inputSchema).toMatchObject({ type: "object", required: ["title"], additionalProperties: false });
    expect(Object.keys(addTask.inputSchema.properties as object)).toEqual(
      expect.arrayContaining(["title", "description", "priority", "due_date", "category_id", "tag_ids", "recurrence_rule", "remind_before_minutes"]),
    );
  });

  it("add_task reads a natural-language due date in the user's time zone", async () => {
    const { task, summary } = await call(alice, "add_task", { title: "Call the plumber", due_date: "tomorrow 5pm", priority: "high" });
    expect(task).toMatchObject({ title: "Call the plumber", priority: "high", due_date: "2026-11-24T22:00:00.000Z", all_day: false, completed: false });
    expect(task.due_local).toBe("Tue 24 Nov 2026, 17:00");
    expect(summary).toContain("Call the plumber");
  });

  it("add_task reads a recurrence phrase and starts the series at its first occurrence", async () => {
    const { task } = await call(alice, "add_task", { title: "Stand-up", recurrence_rule: "every weekday at 9am" });
    expect(task.recurrence_rule).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(task.due_date).toBe("2026-11-23T14:00:00.000Z"); // today 09:00 in New York
    expect(task.recurrence).toMatch(/weekday/i);
  });

  it("add_task takes an ISO day as an all-day task, an RRULE, a category, tags and a reminder", async () => {
    const { category } = await call(alice, "add_category", { name: "Home", color: "#22c55e" });
    const { tag } = await call(alice, "add_tag", { name: "errand" });
    const { task } = await call(alice, "add_task", {
      title: "Pay rent",
      due_date: "2026-12-01",
      recurrence_rule: "FREQ=MONTHLY;BYMONTHDAY=1",
      category_id: category.id,
      tag_ids: [tag.id],
      remind_before_minutes: 60,
    });
    expect(task).toMatchObject({ due_date: "2026-12-01T05:00:00.000Z", all_day: true, recurrence_rule: "FREQ=MONTHLY;BYMONTHDAY=1" });
    expect(task.category).toEqual({ id: category.id, name: "Home", color: "#22C55E" });
    expect(task.tags).toEqual([{ id: tag.id, name: "errand", color: null }]);
    expect(task.reminders).toEqual([expect.objectContaining({ minutes_before: 60, remind_at: "2026-12-01T04:00:00.000Z", status: "pending" })]);
  });

  it("list_tasks filters and sorts; search_tasks finds by words", async () => {
    await call(alice, "add_task", { title: "Renew passport", priority: "urgent" });
    const urgent = await call(alice, "list_tasks", { priorities: ["urgent"] });
    expect(urgent.tasks.map((t) => t.title)).toEqual(["Renew passport"]);
    expect(urgent).toMatchObject({ total: 1, has_more: false });
    expect(urgent.summary).toContain("Renew passport");

    const byPriority = await call(alice, "list_tasks", { sort_by: "priority", limit: 2 });
    expect(byPriority.tasks[0]!.title).toBe("Renew passport");
    expect(byPriority.has_more).toBe(true);

    const found = await call(alice, "search_tasks", { query: "passport" });
    expect(found.tasks.map((t) => t.title)).toEqual(["Renew passport"]);
    expect((await call(bob, "search_tasks", { query: "passport" })).total).toBe(0);
  });

  it("update_task takes relative changes (priority_step, '+1 day'), and undo_change undoes the newest change", async () => {
    const { task } = await call(alice, "add_task", { title: "Relative", due_date: "2026-11-27T10:00", priority: "high" });
    const moved = await call(alice, "update_task", { task_id: task.id, due_date: "+1 day", priority_step: -1 });
    expect(moved.task).toMatchObject({ priority: "medium", due_date: "2026-11-28T15:00:00.000Z" });
    expect((await call(alice, "update_task", { task_id: task.id, priority_step: 3 })).task.priority).toBe("urgent");
    expect((await call(alice, "update_task", { task_id: task.id, due_date: "-90 minute" })).task.due_date).toBe("2026-11-28T13:30:00.000Z");
    expect(await fail(alice, "update_task", { task_id: task.id, priority: "low", priority_step: 1 })).toMatchObject({ code: "invalid_argument", argument: "priority_step" });
    expect((await fail(alice, "update_task", { task_id: task.id, priority_step: 4 })).argument).toBe("priority_step");
    const allDay = await call(alice, "add_task", { title: "All day", due_date: "2026-11-27" });
    expect((await fail(alice, "update_task", { task_id: allDay.task.id, due_date: "+2 hour" })).argument).toBe("due_date");
    const undated = await call(alice, "add_task", { title: "Undated" });
    expect((await fail(alice, "update_task", { task_id: undated.task.id, due_date: "+1 day" })).argument).toBe("due_date");

    const undone = await call(alice, "undo_change", {});
    expect(undone.summary).toBe('Undid the adding of "Undated".');
    await call(alice, "undo_change", {}); // the adding of "All day"
    expect((await call(alice, "undo_change", {})).summary).toBe('Undid the change of "Relative".');
    expect((await call(alice, "list_tasks", { status: "all", limit: 100 })).tasks.find((t) => t.id === task.id)?.due_date).toBe("2026-11-28T15:00:00.000Z");
    expect((await fail(alice, "undo_change", { activity_id: 1, bulk: true })).argument).toBe("bulk");
  });

  it("update_task changes fields, reads dates in words and clears with null", async () => {
    const { task } = await call(alice, "add_task", { title: "Draft report", due_date: "2026-11-25T10:00" });
    expect(task.due_date).toBe("2026-11-25T15:00:00.000Z");
    const updated = await call(alice, "update_task", { task_id: task.id, title: "Final report", due_date: "next friday 3pm", priority: "low" });
    expect(updated.task).toMatchObject({ title: "Final report", priority: "low", due_date: "2026-11-27T20:00:00.000Z" });
    // null clears a field that can be cleared, and means "not given" for one that cannot (as LLMs send it).
    const cleared = await call(alice, "update_task", { task_id: task.id, due_date: null, priority: null });
    expect(cleared.task).toMatchObject({ due_date: null, all_day: false, priority: "low" });
    const repeating = await call(alice, "update_task", { task_id: task.id, recurrence_rule: "every monday at 8am" });
    expect(repeating.task).toMatchObject({ recurrence_rule: "FREQ=WEEKLY;BYDAY=MO", due_date: "2026-11-23T13:00:00.000Z" });
  });

  it("update_task reads a lone time against the task's day, and a lone day keeps a timed task's hour", async () => {
    const { task } = await call(alice, "add_task", { title: "Dentist", due_date: "2026-11-25T14:00" });
    const later = await call(alice, "update_task", { task_id: task.id, due_date: "4pm" });
    expect(later.task).toMatchObject({ due_date: "2026-11-25T21:00:00.000Z", all_day: false });
    const friday = await call(alice, "update_task", { task_id: task.id, due_date: "friday" });
    expect(friday.task).toMatchObject({ due_date: "2026-11-27T21:00:00.000Z", all_day: false });
    // An ISO date is taken as written: all day.
    const exact = await call(alice, "update_task", { task_id: task.id, due_date: "2026-11-30" });
    expect(exact.task).toMatchObject({ due_date: "2026-11-30T05:00:00.000Z", all_day: true });
  });

  it("reopen_task makes a completed task open again", async () => {
    const { task } = await call(alice, "add_task", { title: "Expense report" });
    await call(alice, "complete_task", { task_id: task.id });
    const reopened = await call(alice, "reopen_task", { task_id: task.id });
    expect(reopened.task.completed).toBe(false);
    expect(reopened.summary).toContain("Reopened");
    expect((await call(alice, "reopen_task", { task_id: task.id })).summary).toContain("already open");
    expect(await fail(bob, "reopen_task", { task_id: task.id })).toMatchObject({ code: "not_found" });
  });

  it("complete_task and delete_task", async () => {
    const { task } = await call(alice, "add_task", { title: "Water plants" });
    const done = await call(alice, "complete_task", { task_id: task.id });
    expect(done.task.completed).toBe(true);
    expect((await call(alice, "complete_task", { task_id: task.id })).summary).toContain("already completed");
    const deleted = await call(alice, "delete_task", { task_id: task.id });
    expect(deleted.task.deleted).toBe(true);
    const all = await call(alice, "list_tasks", { status: "all", limit: 100 });
    expect(all.tasks.map((t) => t.id)).not.toContain(task.id);
  });

  it("categories and tags: list, tag a task, untag it, delete", async () => {
    const { category } = await call(alice, "add_category", { name: "Work" });
    const { tag } = await call(alice, "add_tag", { name: "urgent-ish", color: "#ff0000" });
    const { task } = await call(alice, "add_task", { title: "Ship release", category_id: category.id });

    const tagged = await call(alice, "add_tag_to_task", { task_id: task.id, tag_id: tag.id });
    expect(tagged.task.tags).toEqual([{ id: tag.id, name: "urgent-ish", color: "#FF0000" }]);
    const tags = await call(alice, "list_tags", {});
    expect(tags.tags).toContainEqual({ id: tag.id, name: "urgent-ish", color: "#FF0000", open_tasks: 1 });
    const untagged = await call(alice, "remove_tag_from_task", { task_id: task.id, tag_id: tag.id });
    expect(untagged.task.tags).toEqual([]);

    const categories = await call(alice, "list_categories", {});
    expect(categories.categories).toContainEqual({ id: category.id, name: "Work", color: null, open_tasks: 1 });
    const removed = await call(alice, "delete_category", { category_id: category.id });
    expect(removed.affected_tasks).toBe(1);
    expect((await getTask(alice, task.id)).category).toBeNull();
    await call(alice, "delete_tag", { tag_id: tag.id });
    expect((await call(alice, "list_tags", {})).tags.map((t) => t.id)).not.toContain(tag.id);
  });

  it("set_reminder adds to the task's reminders, before the due date or at a time in words", async () => {
    const { task } = await call(alice, "add_task", { title: "Dentist", due_date: "2026-11-26T15:00:00Z", remind_before_minutes: 30 });
    const before = await call(alice, "set_reminder", { task_id: task.id, remind_before_minutes: 1440 });
    expect(before.task.reminders.map((r) => r.minutes_before).sort()).toEqual([1440, 30].sort());
    const at = await call(alice, "set_reminder", { task_id: task.id, remind_at: "tomorrow 8am" });
    expect(at.task.reminders).toHaveLength(3);
    expect(at.task.reminders).toContainEqual(expect.objectContaining({ remind_at: "2026-11-24T13:00:00.000Z", minutes_before: null }));
    expect(at.summary).toContain("Tue 24 Nov 2026, 08:00");
  });

  it("set_reminder puts a reminder at a time on the due day or days before it", async () => {
    const { task } = await call(alice, "add_task", { title: "Parents evening", due_date: "2026-11-26T18:00" });
    const dayBefore = await call(alice, "set_reminder", { task_id: task.id, days_before: 1, at_time: "17:00" });
    expect(dayBefore.task.reminders).toEqual([expect.objectContaining({ remind_at: "2026-11-25T22:00:00.000Z", minutes_before: null })]);
    const sameMorning = await call(alice, "set_reminder", { task_id: task.id, days_before: 0, at_time: "08:00" });
    expect(sameMorning.task.reminders.map((r) => r.remind_at).sort()).toEqual(["2026-11-25T22:00:00.000Z", "2026-11-26T13:00:00.000Z"]);
    expect((await fail(alice, "set_reminder", { task_id: task.id, days_before: 1 })).argument).toBe("at_time");
    const undated = await call(alice, "add_task", { title: "Someday" });
    expect((await fail(alice, "set_reminder", { task_id: undated.task.id, days_before: 0, at_time: "08:00" })).argument).toBe("days_before");
  });

  it("update_tasks set_due moves many tasks to one day, each keeping its own time, as one change undone at once", async () => {
    const erin = await createTestUser(database.handle, { timeZone: ZONE, now: () => NOW });
    const timed = await call(erin, "add_task", { title: "Timed", due_date: "2026-11-20T18:00", remind_before_minutes: 30 });
    const allDay = await call(erin, "add_task", { title: "All day", due_date: "2026-11-19" });
    const moved = await call(erin, "update_tasks", { task_ids: [timed.task.id, allDay.task.id], action: "set_due", due_date: "friday" });
    expect(moved.summary).toMatch(/^Moved 2 tasks/);
    const byTitle = Object.fromEntries(moved.tasks.map((t) => [t.title, t]));
    expect(byTitle.Timed).toMatchObject({ due_date: "2026-11-27T23:00:00.000Z", all_day: false }); // 18:00 EST, Friday
    expect(byTitle.Timed!.reminders).toEqual([expect.objectContaining({ remind_at: "2026-11-27T22:30:00.000Z", minutes_before: 30 })]);
    expect(byTitle["All day"]).toMatchObject({ due_date: "2026-11-27T05:00:00.000Z", all_day: true });
    const atTime = await call(erin, "update_tasks", { task_ids: [timed.task.id, allDay.task.id], action: "set_due", due_date: "2026-11-30T09:00" });
    expect(atTime.tasks.map((t) => [t.due_date, t.all_day])).toEqual([
      ["2026-11-30T14:00:00.000Z", false],
      ["2026-11-30T14:00:00.000Z", false],
    ]);
    expect((await call(erin, "undo_change", {})).undone.action).toBe("bulk");
    expect((await call(erin, "undo_change", {})).undone.action).toBe("bulk");
    const after = await call(erin, "list_tasks", { status: "all" });
    expect(Object.fromEntries(after.tasks.map((t) => [t.title, [t.due_date, t.all_day]]))).toEqual({
      Timed: ["2026-11-20T23:00:00.000Z", false],
      "All day": ["2026-11-19T05:00:00.000Z", true],
    });
    expect((await fail(erin, "update_tasks", { task_ids: [timed.task.id], action: "set_due" })).argument).toBe("due_date");
  });

  it("undo_change with after_activity_id undoes only newer changes, and says when there is none", async () => {
    const finn = await createTestUser(database.handle, { timeZone: ZONE, now: () => NOW });
    const { task } = await call(finn, "add_task", { title: "Older change" });
    const newest = (await call(finn, "update_task", { task_id: task.id, priority: "high" })).task;
    expect(newest.priority).toBe("high");
    const { revert_activity_id: floor } = await call(finn, "undo_change", {}); // the priority back to medium
    const none = await fail(finn, "undo_change", { after_activity_id: floor });
    expect(none.message).toBe(`there is no change newer than entry ${floor} left to undo`);
    expect((await call(finn, "list_tasks", {})).tasks.map((t) => t.title)).toEqual(["Older change"]);
    await call(finn, "update_task", { task_id: task.id, title: "Newer change" });
    expect((await call(finn, "undo_change", { after_activity_id: floor })).summary).toBe('Undid the change of "Newer change".');
    expect((await call(finn, "list_tasks", {})).tasks.map((t) => t.title)).toEqual(["Older change"]);
  });

  it("snooze_reminder moves the task's reminder by a choice or to a time in words, in the user's zone", async () => {
    let clock = NOW;
    const dana = await createTestUser(database.handle, { timeZone: ZONE, now: () => clock });
    const { task } = await call(dana, "add_task", { title: "Pick up parcel", due_date: "2026-11-23T12:40:00Z", remind_before_minutes: 30 });
    const [reminder] = await database.handle.db.select().from(reminders).where(eq(reminders.taskId, task.id));
    clock = new Date("2026-11-23T12:10:00Z");
    expect((await fireReminder(database.handle.db, reminder!.id, { now: clock })).status).toBe("fired");
    const hour = await call(dana, "snooze_reminder", { task_id: task.id, for: "1h" });
    expect(hour.reminder.remind_at).toBe("2026-11-23T13:10:00.000Z");
    const tomorrow = await call(dana, "snooze_reminder", { task_id: task.id, for: "tomorrow" });
    expect(tomorrow.reminder.remind_at).toBe("2026-11-24T14:00:00.000Z");
    expect(tomorrow.summary).toBe('Snoozed the reminder for "Pick up parcel" until Tue 24 Nov 2026, 09:00.');
    const words = await call(dana, "snooze_reminder", { task_id: task.id, until: "wednesday 3pm" });
    expect(words.reminder.remind_at).toBe("2026-11-25T20:00:00.000Z");
    // Not gone off yet (Wednesday 3pm): 1h more counts from then, and an earlier time is refused, not taken.
    expect((await call(dana, "snooze_reminder", { task_id: task.id, for: "1h" })).reminder.remind_at).toBe("2026-11-25T21:00:00.000Z");
    expect((await fail(dana, "snooze_reminder", { task_id: task.id, until: "tuesday 9am" })).message).toMatch(/never brings a reminder forward/);
    expect((await fail(dana, "snooze_reminder", { task_id: task.id })).argument).toBe("for");
    const plain = await call(dana, "add_task", { title: "No reminder here" });
    expect(await fail(dana, "snooze_reminder", { task_id: plain.task.id, for: "5m" })).toMatchObject({ code: "not_found", argument: "task_id" });
  });

  it("get_overdue_tasks and get_upcoming_tasks", async () => {
    const carol = await createTestUser(database.handle, { timeZone: ZONE, now: () => NOW });
    await call(carol, "add_task", { title: "Late thing", due_date: "yesterday 3pm" });
    await call(carol, "add_task", { title: "Soon thing", due_date: "in 2 days" });
    await call(carol, "add_task", { title: "Far thing", due_date: "2027-03-01" });
    const overdue = await call(carol, "get_overdue_tasks", {});
    expect(overdue.tasks.map((t) => t.title)).toEqual(["Late thing"]);
    const upcoming = await call(carol, "get_upcoming_tasks", { days: 3 });
    expect(upcoming.tasks.map((t) => t.title)).toEqual(["Soon thing"]);
    expect((await call(carol, "get_upcoming_tasks", { days: 365 })).tasks.map((t) => t.title)).toEqual(["Soon thing", "Far thing"]);
  });
});

describe("tool registry: renaming a category or a tag", () => {
  let gina: DomainContext;
  beforeAll(async () => {
    gina = await createTestUser(database.handle, { timeZone: ZONE, now: () => NOW });
  });

  it("rename_tag renames the tag on its tasks, a dry run changes nothing, and undo_change takes it back", async () => {
    const { tag } = await call(gina, "add_tag", { name: "errands", color: "#22C55E" });
    const { task } = await call(gina, "add_task", { title: "Buy groceries", tag_ids: [tag.id] });

    const preview = await call(gina, "rename_tag", { tag_id: tag.id, name: "shopping", dry_run: true });
    expect(preview.summary).toMatch(/^Dry run, nothing changed: this would change 1 tag/);
    expect((await call(gina, "list_tags", {})).tags.map((t) => t.name)).toEqual(["errands"]);

    const renamed = await call(gina, "rename_tag", { tag_id: tag.id, name: "shopping" });
    expect(renamed).toMatchObject({ summary: 'Renamed the tag "errands" to "shopping".', tag: { id: tag.id, name: "shopping", color: "#22C55E" }, previous_name: "errands" });
    expect((await getTask(gina, task.id)).tags.map((t) => t.name)).toEqual(["shopping"]);

    await call(gina, "undo_change", {});
    expect((await call(gina, "list_tags", {})).tags).toEqual([expect.objectContaining({ id: tag.id, name: "errands", open_tasks: 1 })]);
  });

  it("rename_category renames and recolours a category; a colour alone is a recolour", async () => {
    const { category } = await call(gina, "add_category", { name: "Home" });
    const renamed = await call(gina, "rename_category", { category_id: category.id, name: "House", color: "#3b82f6" });
    expect(renamed.summary).toBe('Renamed the category "Home" to "House", with the colour #3B82F6.');
    expect(renamed.category).toEqual({ id: category.id, name: "House", color: "#3B82F6" });
    expect((await call(gina, "rename_category", { category_id: category.id, color: "#EF4444" })).summary).toBe('Gave the category "House" the colour #EF4444.');
    await call(gina, "undo_change", {});
    await call(gina, "undo_change", {});
    expect((await call(gina, "list_categories", {})).categories).toEqual([{ id: category.id, name: "Home", color: null, open_tasks: 0 }]);
  });

  it("refuses a taken name, an unknown id, another user's tag and a call with nothing to change", async () => {
    const { tag: work } = await call(gina, "add_tag", { name: "work" });
    await call(gina, "add_tag", { name: "office" });
    const taken = await fail(gina, "rename_tag", { tag_id: work.id, name: "OFFICE" });
    expect(taken).toMatchObject({ code: "conflict", message: 'a tag named "OFFICE" already exists' });
    const { category } = await call(gina, "add_category", { name: "Chores" });
    await call(gina, "add_category", { name: "Garden" });
    expect(await fail(gina, "rename_category", { category_id: category.id, name: "garden" })).toMatchObject({ code: "conflict" });
    expect(await fail(gina, "rename_category", { category_id: "9b2f4a6e-1d3c-4b5a-8e7f-0a1b2c3d4e5f", name: "x" })).toMatchObject({
      code: "not_found",
      argument: "category_id",
    });
    expect(await fail(bob, "rename_tag", { tag_id: work.id, name: "hacked" })).toMatchObject({ code: "not_found", argument: "tag_id" });
    expect(await fail(gina, "rename_tag", { tag_id: work.id })).toMatchObject({ code: "invalid_argument", argument: "name" });
    expect(await fail(gina, "rename_tag", { tag_id: work.id, name: " " })).toMatchObject({ code: "invalid_argument", argument: "name" });
    expect((await call(gina, "list_tags", {})).tags.map((t) => t.name)).toEqual(["errands", "office", "work"]);
  });
});

describe("tool registry: bad arguments come back as structured errors", () => {
  it("names a missing, unknown or malformed argument", async () => {
    expect(await fail(alice, "add_task", {})).toMatchObject({ code: "invalid_argument", argument: "title", message: "title: is required" });
    expect(await fail(alice, "add_task", { title: "x", due: "tomorrow" })).toMatchObject({ code: "invalid_argument", argument: "due" });
    expect(await fail(alice, "add_task", { title: "x", priority: "critical" })).toMatchObject({ code: "invalid_argument", argument: "priority" });
    expect(await fail(alice, "complete_task", { task_id: "42" })).toMatchObject({ code: "invalid_argument", argument: "task_id" });
    expect(await fail(alice, "add_task", { title: "x", tag_ids: ["nope"] })).toMatchObject({ argument: "tag_ids", message: expect.stringContaining("tag_ids[0]") });
    expect(await fail(alice, "list_tasks", "not an object")).toMatchObject({ code: "invalid_argument" });
  });

  it("explains dates and repetitions it cannot read", async () => {
    const date = await fail(alice, "add_task", { title: "x", due_date: "when pigs fly" });
    expect(date).toMatchObject({ code: "invalid_argument", argument: "due_date" });
    expect(date.message).toContain("when pigs fly");
    expect(await fail(alice, "add_task", { title: "x", due_date: "2026-02-30" })).toMatchObject({ argument: "due_date" });
    const rule = await fail(alice, "add_task", { title: "x", due_date: "tomorrow", recurrence_rule: "FREQ=BOGUS" });
    expect(rule).toMatchObject({ code: "invalid_argument", argument: "recurrence_rule" });
    expect(rule.message).toContain("FREQ=WEEKLY");
    expect(await fail(alice, "add_task", { title: "x", recurrence_rule: "every weekday until march" })).toMatchObject({ argument: "recurrence_rule" });
  });

  it("refuses rule-breaking requests, naming the argument", async () => {
    const { task } = await call(alice, "add_task", { title: "No date" });
    expect(await fail(alice, "set_reminder", { task_id: task.id, remind_before_minutes: 10 })).toMatchObject({ argument: "remind_before_minutes" });
    expect(await fail(alice, "update_task", { task_id: task.id })).toMatchObject({ code: "invalid_argument" });
    expect(await fail(alice, "update_task", { task_id: task.id, recurrence_rule: "FREQ=DAILY", due_date: null })).toMatchObject({ argument: "due_date" });
    await call(alice, "add_tag", { name: "dup" });
    expect(await fail(alice, "add_tag", { name: "DUP" })).toMatchObject({ code: "conflict" });
    expect(await fail(alice, "no_such_tool", {})).toMatchObject({ code: "unknown_tool" });
  });

  it("another user's task, tag or category is not found and stays unchanged", async () => {
    const { task } = await call(alice, "add_task", { title: "Alice's secret" });
    const { tag } = await call(alice, "add_tag", { name: "alice-only" });
    expect(await fail(bob, "complete_task", { task_id: task.id })).toMatchObject({ code: "not_found", argument: "task_id" });
    expect(await fail(bob, "update_task", { task_id: task.id, title: "hacked" })).toMatchObject({ code: "not_found", argument: "task_id" });
    expect(await fail(bob, "delete_task", { task_id: task.id })).toMatchObject({ code: "not_found" });
    expect(await fail(bob, "delete_tag", { tag_id: tag.id })).toMatchObject({ code: "not_found", argument: "tag_id" });
    const { task: bobs } = await call(bob, "add_task", { title: "Bob's" });
    expect(await fail(bob, "add_tag_to_task", { task_id: bobs.id, tag_id: tag.id })).toMatchObject({ code: "not_found", argument: "tag_id" });
    expect(await getTask(alice, task.id)).toMatchObject({ title: "Alice's secret", completed: false, deletedAt: null });
  });
});
