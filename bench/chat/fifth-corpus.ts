// The fifth batch (session 7), written after batch 4's tuning and before any tuning on it, without reading
// the interpreter: every operation again as a new user would type it — abbreviations ("tmr", "fri", "2 hrs"),
// "i gotta", "its urgent", "the 2nd and 4th monday of the month", "each quarter", "every nite", "this time
// the standup is on tuesday", bulk changes to a category ("make everything in home high priority") and
// undoing them, "health stuff". Same seeded user and clock as the other batches (Wednesday 2026-03-11 11:00
// America/New_York); case i is in fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, type EffectCase } from "./effect-corpus";

const EVERY_OTHER_WEEKDAY = "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR";
const HOME_TASKS = ["dry", "rent", "groceries"] as const;
const eachHomeTask = (fields: { priority?: "high"; category?: string }) => Object.fromEntries(HOME_TASKS.map((key) => [key, fields]));

export const FIFTH_CORPUS: EffectCase[] = [
  // Adding, with dates, times, priorities and labels.
  A("add call the vet about luna's shots tomorrow", { title: "call the vet about luna's shots", due: "2026-03-12" }),
  A("new task: fix the leaking tap on monday", { title: "fix the leaking tap", due: "2026-03-16" }),
  A("add email the accountant by fri", { title: "email the accountant", due: "2026-03-13" }),
  A("add renew the parking permit on the 3rd of april", { title: "renew the parking permit", due: "2026-04-03" }),
  A("add buy batteries tmr", { title: "buy batteries", due: "2026-03-12" }),
  A("add prepare the quarterly slides for the 19th, high prio", { title: "prepare the quarterly slides", due: "2026-03-19", priority: "high" }),
  A("add book physio appointment, its urgent", { title: "book physio appointment", priority: "urgent" }),
  A("add water the plants at 6pm today", { title: "water the plants", due: "2026-03-11T18:00" }),
  A("add low prio: sort out the garage", { title: "sort out the garage", priority: "low" }),
  A("add buy printer ink to work", { title: "buy printer ink", category: "Work" }),
  A("add pay the window cleaner #finance friday", { title: "pay the window cleaner", tags: ["finance"], due: "2026-03-13" }),
  A("add hand in the timesheet in work for tomorrow at 5pm", { title: "hand in the timesheet", category: "Work", due: "2026-03-12T17:00" }),
  A("i gotta call the landlord on thursday at 10", { title: "call the landlord", due: "2026-03-12T10:00" }),
  A("add grab coffee beans in 3 days", { title: "grab coffee beans", due: "2026-03-14" }),
  A("add apply for the visa before may 1st, high priority", { title: "apply for the visa", due: "2026-05-01", priority: "high" }),
  A("add order new running shoes tagged health and errands", { title: "order new running shoes", tags: ["health", "errands"] }),
  A("add tidy the garden in home low priority saturday", { title: "tidy the garden", category: "Home", priority: "low", due: "2026-03-14" }),
  A("add taxi to the airport on march 27 at 6:15am", { title: "taxi to the airport", due: "2026-03-27T06:15" }),
  A(["add call the garage", "make it tomorrow at 11"], { title: "call the garage", due: "2026-03-12T11:00" }),

  // Adding with a reminder.
  A("remind me to take my meds at 8pm", { title: "take my meds", due: "2026-03-11T20:00", reminders: ["2026-03-11T20:00"] }),
  A("remind me in 45 minutes to check the washing", { title: "check the washing", due: "2026-03-11T11:45", reminders: ["2026-03-11T11:45"] }),
  A("remind me friday at 4 to send the timesheet", { title: "send the timesheet", due: "2026-03-13T16:00", reminders: ["2026-03-13T16:00"] }),
  A("add call with the bank thursday 2pm, remind me 15 min before", { title: "call with the bank", due: "2026-03-12T14:00", reminders: ["2026-03-12T13:45"] }),
  A("add pay the plumber friday at noon and remind me the day before", { title: "pay the plumber", due: "2026-03-13T12:00", reminders: ["2026-03-12T12:00"] }),
  A("pls remind me tmrw at 7:30am to put the bins out", { title: "put the bins out", due: "2026-03-12T07:30", reminders: ["2026-03-12T07:30"] }),
  A("dont let me forget to read the gas meter on the 20th at 9am", { title: "read the gas meter", due: "2026-03-20T09:00", reminders: ["2026-03-20T09:00"] }),

  // Adding with repetition.
  A("add pay the water bill on the 15th of every third month", { title: "pay the water bill", due: "2026-03-15", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15" }),
  A("add yoga every other weekday at 7:30am", { title: "yoga", due: "2026-03-12T07:30", rule: EVERY_OTHER_WEEKDAY }),
  A("add pay the nursery fees last friday of the month", { title: "pay the nursery fees", due: "2026-03-27", rule: "FREQ=MONTHLY;BYDAY=-1FR" }),
  A("add check smoke alarms every 6 months", { title: "check smoke alarms", due: "2026-03-11", rule: "FREQ=MONTHLY;INTERVAL=6" }),
  A("add sprint planning every other tuesday at 10am", { title: "sprint planning", due: "2026-03-17T10:00", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" }),
  A("add mow the lawn every weekend", { title: "mow the lawn", due: "2026-03-14", rule: "FREQ=WEEKLY;BYDAY=SA,SU" }),
  A("add parents call on the 2nd and 4th monday of the month", { title: "parents call", due: "2026-03-23", rule: "FREQ=MONTHLY;BYDAY=2MO,4MO" }),
  A("add pay the phone bill every month on the 10th", { title: "pay the phone bill", due: "2026-04-10", rule: "FREQ=MONTHLY;BYMONTHDAY=10" }),
  A("add garden club the third thursday of every month at 7pm", { title: "garden club", due: "2026-03-19T19:00", rule: "FREQ=MONTHLY;BYDAY=3TH" }),
  A("add renew car tax every year on april 30", { title: "renew car tax", due: "2026-04-30", rule: "FREQ=YEARLY" }),
  A("add submit expenses on the last day of each month", { title: "submit expenses", due: "2026-03-31", rule: "FREQ=MONTHLY;BYMONTHDAY=-1" }),
  A("add clean the gutters each quarter", { title: "clean the gutters", due: "2026-03-11", rule: "FREQ=MONTHLY;INTERVAL=3" }),
  A("remind me to take the pill every morning at 8", { title: "take the pill", due: "2026-03-12T08:00", rule: "FREQ=DAILY", reminders: ["2026-03-12T08:00"] }),
  A("add team lunch every 4 weeks on friday", { title: "team lunch", due: "2026-03-13", rule: "FREQ=WEEKLY;INTERVAL=4;BYDAY=FR" }),
  A("add floss every nite", { title: "floss", due: "2026-03-11", rule: "FREQ=DAILY" }),

  // Renaming.
  E("rename groceries to weekly food shop", "groceries", { title: "weekly food shop" }),
  E("can the budget review be called budget review and forecast", "budget", { title: "budget review and forecast" }),
  E("retitle the vet task to collect rex", "vet", { title: "collect rex" }),
  E(["look up the passport one", "rename to renew passport and id card"], "passport", { title: "renew passport and id card" }),
  E("the dry cleaning task should be named pick up suits", "dry", { title: "pick up suits" }),
  E("change book flights to lisbon to say book flights to faro", "flights", { title: "book flights to faro" }),

  // Completing and reopening.
  C("bought the groceries", "groceries"),
  C("done with the budget review", "budget"),
  C("i called mom", "mom"),
  C("check off the dry cleaning", "dry"),
  C("finally renewed my passport", "passport"),
  // Completing a task cancels its reminder (the domain's rule), so the vet's is gone too.
  E(["search for rex", "that's done"], "vet", { done: true, reminders: [] }),
  C("flights are booked", "flights"),
  R("reopen the expense report", "expense"),
  R("expense report isnt actually finished", "expense"),
  R("uncheck the expense report", "expense"),
  N(["mark groceries done", "oops, not yet"]),

  // Deleting.
  D("delete the rent task", "rent"),
  D("pls remove call mom", "mom"),
  D("get rid of the vet thing", "vet"),
  D(["find flights", "actually just delete it"], "flights"),
  D("bin the dry cleaning", "dry"),
  D("the budget review was cancelled, delete it", "budget"),
  D("delet renew passport", "passport"),

  // Moving, with pronouns.
  E("move dry cleaning to monday", "dry", { due: "2026-03-16" }),
  E("call mom sunday at 3 instead", "mom", { due: "2026-03-15T15:00" }),
  E(["show me the dentist", "move that to thursday"], "dentist", { due: "2026-03-12T14:00" }),
  E("push groceries to tomorrow", "groceries", { due: "2026-03-12" }),
  E("push the budget review back 2 days", "budget", { due: "2026-03-22T10:00" }),
  E("bring the dentist forward to monday", "dentist", { due: "2026-03-16T14:00" }),
  E("flights need to be done by tuesday", "flights", { due: "2026-03-17" }),
  E("make the passport due the end of the month", "passport", { due: "2026-03-31" }),
  E("dentist at 3:15 instead", "dentist", { due: "2026-03-18T15:15" }),
  E("clear the date on groceries", "groceries", { due: null }),

  // Corrections.
  A(["add pick up mum from the station at 5pm", "actually 5:30"], { title: "pick up mum from the station", due: "2026-03-11T17:30" }),
  A(["add book the venue for friday", "no, saturday"], { title: "book the venue", due: "2026-03-14" }),
  E(["move call mom to friday", "sorry i meant thursday"], "mom", { due: "2026-03-12" }),
  A(["add buy paint in work", "oops i meant home"], { title: "buy paint", category: "Home" }),
  E(["make the budget review low priority", "actually high"], "budget", { priority: "high" }),
  A(["remind me to call the dentist at 3", "make that 3:30"], { title: "call the dentist", due: "2026-03-11T15:30", reminders: ["2026-03-11T15:30"] }),

  // One occurrence of a series.
  E("skip this weeks standup", "standup", { due: "2026-03-23T09:30" }),
  E("cancel just monday's standup, not the whole thing", "standup", { due: "2026-03-23T09:30" }),
  E("move monday's standup to 10am", "standup", { due: "2026-03-16T10:00" }),
  E("this time the standup is on tuesday", "standup", { due: "2026-03-17T09:30" }),
  E("we're skipping april's rent", "rent", { due: "2026-05-01" }),
  E("pay april rent on the 2nd instead", "rent", { due: "2026-04-02" }),

  // Snooze (the vet pick-up's reminder went off yesterday evening).
  E("snooze rex 45 min", "vet", { reminders: ["2026-03-11T11:45"] }),
  E("snooze the vet reminder till 3", "vet", { reminders: ["2026-03-11T15:00"] }),
  E("hit snooze on the rex one for 5 minutes", "vet", { reminders: ["2026-03-11T11:05"] }),
  E("snooze pick up rex until tomorrow", "vet", { reminders: ["2026-03-12T09:00"] }),
  E(["find the vet task", "snooze it 2 hrs"], "vet", { reminders: ["2026-03-11T13:00"] }),

  // Undo, of one change, of the last of several, and of a bulk change.
  N(["make groceries low priority", "undo"]),
  N(["delete call mom", "wait, bring it back"]),
  N(["rename the flights task to trip", "revert that"]),
  N(["move the dentist to friday", "nah undo that"]),
  N(["take the health tag off the dentist", "undo pls"]),
  E(["make call mom urgent", "move dry cleaning to friday", "undo"], "mom", { priority: "urgent" }),
  N(["make everything in home urgent", "undo that"]),

  // Many tasks at once.
  L("make everything in home high priority", { edit: eachHomeTask({ priority: "high" }) }),
  L("move all my home tasks to the work category", { edit: eachHomeTask({ category: "Work" }) }),

  // Labels.
  E("tag the dentist appointment with family", "dentist", { tags: ["health", "family"] }, { newTags: ["family"] }),
  E("remove the finance tag from rent", "rent", { tags: [] }),
  E("move call mom to the home list", "mom", { category: "Home" }),
  E("take dry cleaning out of home", "dry", { category: null }),
  L("new tag: waiting", { newTags: ["waiting"] }),
  L("delete the work category", { goneCategories: ["Work"], edit: { expense: { category: null }, standup: { category: null }, budget: { category: null } } }),
  L("create a travel category", { newCategories: ["travel"] }),

  // Priority, reminders, repetition and notes on a task.
  E("groceries arent urgent, make them low", "groceries", { priority: "low" }),
  E("bump call mom to high", "mom", { priority: "high" }),
  E("dentist is low priority now", "dentist", { priority: "low" }),
  E("remind me about dry cleaning tomorrow at 8am", "dry", { reminders: ["2026-03-12T08:00"] }),
  E("remind me 30 mins before the dentist", "dentist", { reminders: ["2026-03-18T13:30"] }),
  E("call mom should repeat every sunday", "mom", { rule: "FREQ=WEEKLY;BYDAY=SU", due: "2026-03-15" }),
  E("make the standup every other monday", "standup", { rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO" }),
  E("stop rent repeating", "rent", { rule: null }),
  E("note on the budget review: bring last years numbers", "budget", { description: "bring last years numbers" }),

  // Questions.
  Q("whats due today", "list_tasks", { due: "today" }),
  Q("anything overdue?", "get_overdue_tasks"),
  Q("show me my work stuff", "list_tasks", { category: "Work" }),
  Q("what's tagged errands", "list_tasks", { tags: ["errands"] }),
  Q("what do i have in the next 10 days", "get_upcoming_tasks", { days: 10 }),
  Q("find the thing about lisbon", "search_tasks", { query: "lisbon" }),
  Q("do i have anything with rex in it", "search_tasks", { query: "rex" }),
  Q("show done tasks", "list_tasks", { status: "done" }),
  Q("stuff with no due date", "list_tasks", { due: "none" }),
  Q("my urgent things", "list_tasks", { priorities: ["urgent"] }),
  Q("list home tasks by priority", "list_tasks", { category: "Home", sort_by: "priority" }),
  Q("what's overdue at work", "list_tasks", { due: "overdue", category: "Work" }),
  Q("serach for budget", "search_tasks", { query: "budget" }),
  Q("show everything incl completed", "list_tasks", { status: "all" }),
  Q("health stuff", "list_tasks", { tags: ["health"] }),
];
