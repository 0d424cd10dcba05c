import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "@/server/api/context";
import { chatRouter } from "@/server/api/routers/chat";
import { createCallerFactory } from "@/server/api/trpc";
import { bulkUpdateTasks } from "@/server/domain/tasks";
import { executeTool } from "@/server/tools";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";

// Wednesday 2026-03-11, 11:00 in New York.
const now = () => new Date("2026-03-11T15:00:00Z");
const timeZone = "America/New_York";
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function chatUser() {
  const domain = await createTestUser(db.handle, { timeZone, now });
  const caller = createCallerFactory(chatRouter)(
    createInnerContext({ db: db.handle.db, user: { id: domain.userId, email: "u@example.test", name: "U", timeZone }, now }),
  );
  const { id } = await caller.create();
  const say = (text: string) => caller.send({ conversationId: id, text });
  return { caller, domain, conversationId: id, say };
}

const titles = async (domain: Awaited<ReturnType<typeof chatUser>>["domain"], status: "open" | "done" | "all" = "all") => {
  const outcome = await executeTool(domain, "list_tasks", { status, limit: 100 });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result.tasks.map((t) => t.title).sort();
};

describe("chat assistant (interpreter engine)", () => {
  it("adds a task by chat, then lists it with a card", async () => {
    const { say } = await chatUser();
    const added = await say("add a high priority task to finish the report by Friday 5pm");
    expect(added.content).toMatch(/Added "finish the report"/);
    expect(added.cards).toEqual([
      expect.objectContaining({ title: "finish the report", priority: "high", dueAt: "2026-03-13T21:00:00.000Z", allDay: false }),
    ]);
    const listed = await say("show my tasks");
    expect(listed.content).toMatch(/1 open task/);
    expect(listed.cards.map((c) => c.title)).toEqual(["finish the report"]);
  });

  it("asks which task when several match, and acts on the chosen one", async () => {
    const { say, domain } = await chatUser();
    await say("add write report draft");
    await say("add send report to Anna");
    const question = await say("mark the report task as done");
    expect(question.content).toMatch(/2 tasks matching "report"/);
    expect(question.content).toMatch(/1\. .*report.*\n2\. .*report/);
    const chosenTitle = question.content.split("\n")[2]!.replace(/^2\. /, "");
    const done = await say("the second one");
    expect(done.content).toContain(`Completed "${chosenTitle}"`);
    expect(await titles(domain, "done")).toEqual([chosenTitle]);
  });

  it("says so when no task matches", async () => {
    const { say } = await chatUser();
    const reply = await say("complete the dentist task");
    expect(reply.content).toBe(`I couldn't find a task matching "dentist".`);
  });

  it("deletes only after yes, and 'no' cancels", async () => {
    const { say, domain } = await chatUser();
    await say("add call the dentist tomorrow");
    const ask = await say("delete the dentist task");
    expect(ask.content).toMatch(/Delete the task "call the dentist"\? Reply yes or no\./);
    expect(ask.suggestions).toEqual(["Yes", "No"]);
    expect(await titles(domain)).toEqual(["call the dentist"]);

    const cancelled = await say("no");
    expect(cancelled.content).toMatch(/cancelled/i);
    expect(await titles(domain)).toEqual(["call the dentist"]);
    // The cancelled question is gone: a later "yes" deletes nothing.
    await say("yes");
    expect(await titles(domain)).toEqual(["call the dentist"]);

    await say("delete the dentist task");
    const deleted = await say("yes");
    expect(deleted.content).toMatch(/Deleted "call the dentist"/);
    expect(await titles(domain)).toEqual([]);
  });

  it("confirms before deleting all completed tasks of a category", async () => {
    const { say, domain } = await chatUser();
    await say("add milk in the Shopping category");
    await say("add eggs in the Shopping category");
    await say("add bread in the Shopping category");
    await say("add call mom");
    await say("complete milk");
    await say("complete eggs");
    const ask = await say("delete all completed tasks in Shopping");
    expect(ask.content).toMatch(/Delete 2 tasks: .*"milk".*\? Reply yes or no\./);
    const done = await say("yes");
    expect(done.content).toBe("Deleted 2 tasks; they can be restored from the trash.");
    expect(await titles(domain)).toEqual(["bread", "call mom"]);
  });

  it("keeps conversations per user, with their messages, across reloads", async () => {
    const { caller, conversationId, say } = await chatUser();
    await say("add buy milk tomorrow");
    const messages = await caller.messages({ conversationId });
    expect(messages.map((m) => [m.role, m.content.slice(0, 12)])).toEqual([
      ["user", "add buy milk"],
      ["assistant", 'Added "buy m'],
    ]);
    expect(messages[1]!.cards[0]).toMatchObject({ title: "buy milk", allDay: true });
    const history = await caller.conversations();
    expect(history).toEqual([expect.objectContaining({ id: conversationId, title: "add buy milk tomorrow" })]);

    const stranger = await chatUser();
    await expect(stranger.caller.messages({ conversationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.caller.send({ conversationId, text: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.caller.delete({ conversationId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await caller.delete({ conversationId });
    expect(await caller.conversations()).toEqual([]);
  });

  it("renames a task whose title holds 'to', then moves 'it' (the task in focus), saying each change", async () => {
    const { say, domain } = await chatUser();
    await say("add book flights to Lisbon");
    await say("add call mom");
    const renamed = await say('rename "book flights to Lisbon" to "book flights to Porto"');
    expect(renamed.content).toBe('Updated "book flights to Porto": renamed from "book flights to Lisbon".');
    const moved = await say("move it to friday");
    expect(moved.content).toBe('Updated "book flights to Porto" (due Fri 13 Mar 2026): due Fri 13 Mar 2026.');
    expect(await titles(domain)).toEqual(["book flights to Porto", "call mom"]);
  });

  it("reopens a completed task on 'actually … is not done yet' and deletes on 'get rid of …'", async () => {
    const { say, domain } = await chatUser();
    await say("add expense report");
    await say("add dry cleaning");
    await say("complete the expense report");
    const reopened = await say("actually the expense report is not done yet");
    expect(reopened.content).toBe('Reopened "expense report"; it is open again.');
    expect(await titles(domain, "open")).toEqual(["dry cleaning", "expense report"]);
    const ask = await say("get rid of the dry cleaning task");
    expect(ask.content).toMatch(/Delete the task "dry cleaning"\?/);
    await say("yes");
    expect(await titles(domain)).toEqual(["expense report"]);
  });

  it("takes a task out of a category on 'remove X from the Y category', leaving the category", async () => {
    const { say, domain } = await chatUser();
    await say("create a category Home");
    await say("add dry cleaning to the Home category");
    const reply = await say("remove dry cleaning from the home category");
    expect(reply.content).not.toMatch(/Delete the category/);
    const outcome = await executeTool(domain, "list_categories", {});
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.result.categories.map((c) => c.name)).toEqual(["Home"]);
    const tasks = await executeTool(domain, "list_tasks", { status: "all", limit: 10 });
    if (!tasks.ok) throw new Error(tasks.error.message);
    expect(tasks.result.tasks.map((t) => [t.title, t.category])).toEqual([["dry cleaning", null]]);
  });

  it("says so when 'remind me to …' sets a reminder, and reads a repetition like 'the 15th of every third month'", async () => {
    const { say } = await chatUser();
    const reminded = await say("remind me to call the vet tomorrow at 10am");
    expect(reminded.content).toBe('Added "call the vet" (due Thu 12 Mar 2026, 10:00), reminder at Thu 12 Mar 2026, 10:00.');
    const repeating = await say("add pay credit card on the 15th of every third month");
    expect(repeating.cards[0]).toMatchObject({ title: "pay credit card", recurrence: expect.stringMatching(/3 months/) });
  });

  it("skips one occurrence of a series in words, keeping the rule", async () => {
    const { say } = await chatUser();
    await say("add standup every monday at 9:30");
    const skipped = await say("skip next monday's standup");
    expect(skipped.content).toMatch(/^Skipped the occurrence on Mon 16 Mar 2026; "standup" \(due Mon 23 Mar 2026, 09:30/);
  });

  it("asks which task 'it' is when the conversation has not named one", async () => {
    const { say } = await chatUser();
    const reply = await say("move it to friday");
    expect(reply.content).toMatch(/^Which task do you mean\?/);
  });

  it("snoozes a reminder that went off, in words: for an hour, and again tomorrow morning", async () => {
    const { say, domain } = await chatUser();
    // The reminder was set yesterday and went off at 17:30 yesterday.
    const yesterday = { ...domain, now: () => new Date("2026-03-10T15:00:00Z") };
    const added = await executeTool(yesterday, "add_task", { title: "Pick up Rex from the vet", due_date: "2026-03-10T18:00", remind_at: "2026-03-10T17:30" });
    if (!added.ok) throw new Error(added.error.message);
    const reminderAt = async () => {
      const listed = await executeTool(domain, "list_tasks", { status: "all" });
      if (!listed.ok) throw new Error(listed.error.message);
      return listed.result.tasks[0]!.reminders.map((r) => r.remind_at);
    };
    const snoozed = await say("snooze the vet reminder for an hour");
    expect(snoozed.content).toBe('Snoozed the reminder for "Pick up Rex from the vet" until Wed 11 Mar 2026, 12:00.');
    expect(await reminderAt()).toEqual(["2026-03-11T16:00:00.000Z"]);
    const again = await say("remind me again tomorrow morning");
    expect(again.content).toBe('Snoozed the reminder for "Pick up Rex from the vet" until Thu 12 Mar 2026, 09:00.');
    expect(await reminderAt()).toEqual(["2026-03-12T13:00:00.000Z"]);
  });

  it("renames a tag or a category in words, leaves a task rename alone, and undo puts the old name back", async () => {
    const { say, domain } = await chatUser();
    await say("add buy groceries tomorrow #errands");
    const tagNames = async () => {
      const outcome = await executeTool(domain, "list_tags", {});
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.result.tags.map((t) => `${t.name} (${t.open_tasks})`);
    };
    expect(await tagNames()).toEqual(["errands (1)"]);
    expect((await say("rename the errands tag to shopping")).content).toBe('Renamed the tag "errands" to "shopping".');
    expect(await tagNames()).toEqual(["shopping (1)"]);
    expect((await say("undo")).content).toMatch(/^Undid /);
    expect(await tagNames()).toEqual(["errands (1)"]);

    await say("create a category called home");
    expect((await say("call the home category house")).content).toBe('Renamed the category "home" to "house".');
    expect((await say("rename category nowhere to chores")).content).toBe('You don\'t have a category called "nowhere".');
    await say("rename buy groceries to buy food");
    expect(await titles(domain)).toEqual(["buy food"]);
  });

  it("undoes the last change in words (an activity entry like the app's Undo), and walks further back on a second undo", async () => {
    const { say, domain } = await chatUser();
    await say("add dry cleaning tomorrow");
    await say("move dry cleaning to friday");
    await say("rename dry cleaning to laundry");
    const undone = await say("undo that");
    expect(undone.content).toBe('Undid the change of "laundry".');
    expect(await titles(domain)).toEqual(["dry cleaning"]);
    await say("undo my last change");
    const listed = await executeTool(domain, "list_tasks", { status: "all" });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.result.tasks[0]).toMatchObject({ title: "dry cleaning", due_date: "2026-03-12T04:00:00.000Z" });
    expect((await say("undo")).content).toBe('Undid the adding of "dry cleaning".');
    expect(await titles(domain)).toEqual([]);
  });

  it("reverts the bulk edit as one change, and says when there is nothing to undo", async () => {
    const { say, domain } = await chatUser();
    expect((await say("undo")).content).toBe("There is nothing left to undo from this conversation.");
    await say("add one");
    await say("add two");
    await say("add three");
    const open = await executeTool(domain, "list_tasks", { status: "open" });
    if (!open.ok) throw new Error(open.error.message);
    await bulkUpdateTasks(domain, { ids: open.result.tasks.map((t) => t.id), action: { type: "complete" } });
    await say("rename one to uno");
    expect(await titles(domain, "done")).toEqual(["three", "two", "uno"]);
    const reverted = await say("revert the bulk edit");
    expect(reverted.content).toMatch(/^Undid the bulk edit of "(?:one|two|three)", "(?:one|two|three)", "(?:one|two|three)"\.$/);
    expect(await titles(domain, "open")).toEqual(["three", "two", "uno"]);
  });

  it("undoes only what this conversation changed: an earlier change stays, and the reply says there is nothing to undo", async () => {
    const { say, domain } = await chatUser();
    const earlier = await executeTool(domain, "add_task", { title: "made in the app" });
    if (!earlier.ok) throw new Error(earlier.error.message);
    await say("what's overdue"); // a question changes nothing
    expect((await say("undo")).content).toBe("There is nothing left to undo from this conversation.");
    expect(await titles(domain)).toEqual(["made in the app"]);
    await say("rename made in the app to app task");
    expect((await say("undo")).content).toBe('Undid the change of "app task".');
    expect((await say("undo")).content).toBe("There is nothing left to undo from this conversation.");
    expect(await titles(domain)).toEqual(["made in the app"]);
  });

  it("moves the tasks it just listed with one bulk change that keeps each task's time, and one undo takes it all back", async () => {
    const { say, domain } = await chatUser();
    for (const [title, due_date] of [["late call", "2026-03-09T18:00"], ["late form", "2026-03-10"]]) {
      const added = await executeTool(domain, "add_task", { title, due_date });
      if (!added.ok) throw new Error(added.error.message);
    }
    expect((await say("whats overdue")).cards.map((c) => c.title).sort()).toEqual(["late call", "late form"]);
    const moved = await say("move them all to monday");
    expect(moved.content).toMatch(/^Moved 2 tasks/);
    const due = async () => {
      const listed = await executeTool(domain, "list_tasks", { status: "all" });
      if (!listed.ok) throw new Error(listed.error.message);
      return Object.fromEntries(listed.result.tasks.map((t) => [t.title, t.due_date]));
    };
    expect(await due()).toEqual({ "late call": "2026-03-16T22:00:00.000Z", "late form": "2026-03-16T04:00:00.000Z" });
    expect((await say("undo")).content).toMatch(/^Undid the bulk edit/);
    expect(await due()).toEqual({ "late call": "2026-03-09T22:00:00.000Z", "late form": "2026-03-10T04:00:00.000Z" });
  });

  it("reads a correction that is only the new value: the meant tag, category or title replaces the one just set", async () => {
    const { say, domain } = await chatUser();
    await say("create a category called work");
    await say("create a category called home");
    await say("add plan the garden in work");
    await say("no, home");
    await say("tag plan the garden with finance");
    await say("i meant errands");
    await say("rename plan the garden to plan the patio");
    await say("no wait, plan the lawn");
    const listed = await executeTool(domain, "list_tasks", { status: "all" });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.result.tasks).toEqual([expect.objectContaining({ title: "plan the lawn", category: expect.objectContaining({ name: "home" }) })]);
    expect(listed.result.tasks[0]!.tags.map((t) => t.name)).toEqual(["errands"]);
  });

  it("sets a reminder at a time on the task's own day: the day before at 5pm, at 8 that morning", async () => {
    const { say, domain } = await chatUser();
    await say("add job interview friday at 2pm");
    await say("remind me at 8 that morning");
    await say("remind me about the job interview the day before at 5pm");
    const listed = await executeTool(domain, "list_tasks", { status: "all" });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.result.tasks[0]!.reminders.map((r) => r.remind_at).sort()).toEqual(["2026-03-12T21:00:00.000Z", "2026-03-13T12:00:00.000Z"]);
  });

  it("makes relative changes: lower the priority, push it back a day, a weekday said on that weekday is next week's", async () => {
    const { say, domain } = await chatUser();
    await say("add budget review friday at 10am high priority");
    await say("lower the priority on the budget review");
    await say("push it back a day");
    await say("move it a week later");
    const listed = await executeTool(domain, "list_tasks", { status: "all" });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.result.tasks[0]).toMatchObject({ priority: "medium", due_date: "2026-03-21T14:00:00.000Z" });
    const moved = await say("move the budget review to wednesday");
    expect(moved.content).toMatch(/due Wed 18 Mar 2026, 10:00/);
  });
});
