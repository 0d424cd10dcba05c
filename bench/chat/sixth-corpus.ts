// The sixth batch (session 8), written after batch 5's tuning and before any tuning on it, without reading
// the interpreter: every operation again as a Todoist/TickTick user would type it — Todoist priorities ("p1",
// "p2"), "tonight at 9", "in two weeks", US dates ("due 4/15"), "starting april 1", "the first wednesday of every
// month", "the last weekday of the month", "mon wed fri", a second turn that adds to the task just made ("put it in
// home", "its due on the 30th"), "them all" after a list, "remind me again about rex in 20 mins", bulk changes to a
// tag and to overdue tasks, "clear completed tasks". Same seeded user and clock as the other batches (Wednesday
// 2026-03-11 11:00 America/New_York); case i is in fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

export const SIXTH_CORPUS: EffectCase[] = [
  // Adding, with dates, times, priorities and labels.
  A("add get the car washed sat", { title: "get the car washed", due: "2026-03-14" }),
  A("need to book a haircut on tues", { title: "book a haircut", due: "2026-03-17" }),
  A("Add Send birthday card to Jake by Thursday", { title: "Send birthday card to Jake", due: "2026-03-12" }),
  A("add call the insurance guy tomorrow morning at 9", { title: "call the insurance guy", due: "2026-03-12T09:00" }),
  A("add finish the report tonight at 9", { title: "finish the report", due: "2026-03-11T21:00" }),
  A("add buy a gift for sarahs birthday on the 28th", { title: "buy a gift for sarahs birthday", due: "2026-03-28" }),
  A("add review the lease next monday", { title: "review the lease", due: "2026-03-16" }),
  A("add fix the login bug p1", { title: "fix the login bug", priority: "urgent" }),
  A("add schedule the boiler service in two weeks", { title: "schedule the boiler service", due: "2026-03-25" }),
  A("add buy milk and eggs #errands", { title: "buy milk and eggs", tags: ["errands"] }),
  A("add pick up the cake on march 21st at 2:30pm", { title: "pick up the cake", due: "2026-03-21T14:30" }),
  A("add write the cover letter to my work list", { title: "write the cover letter", category: "Work" }),
  A("add return the library books by the 18th low priority", { title: "return the library books", due: "2026-03-18", priority: "low" }),
  A("new task - order contact lenses", { title: "order contact lenses" }),
  A("add submit the grant application due 4/15", { title: "submit the grant application", due: "2026-04-15" }),
  A("i should clean the oven on sunday", { title: "clean the oven", due: "2026-03-15" }),
  A("add pay the electricity bill in home #finance due the 25th", { title: "pay the electricity bill", category: "Home", tags: ["finance"], due: "2026-03-25" }),
  A("put 'call the bank' on my list for monday 9am", { title: "call the bank", due: "2026-03-16T09:00" }),
  A("add meeting with hr at 3 tomorrow", { title: "meeting with hr", due: "2026-03-12T15:00" }),
  A(["add buy a new kettle", "put it in home"], { title: "buy a new kettle", category: "Home" }),
  A(["add email the school", "and tag it family"], { title: "email the school", tags: ["family"] }, { newTags: ["family"] }),
  A(["add renew the domain name", "its due on the 30th"], { title: "renew the domain name", due: "2026-03-30" }),

  // Adding with a reminder.
  A("remind me to call the pharmacy at 2", { title: "call the pharmacy", due: "2026-03-11T14:00", reminders: ["2026-03-11T14:00"] }),
  A("remind me in an hour to check the oven", { title: "check the oven", due: "2026-03-11T12:00", reminders: ["2026-03-11T12:00"] }),
  A("remind me tomorrow morning at 7 to defrost the chicken", { title: "defrost the chicken", due: "2026-03-12T07:00", reminders: ["2026-03-12T07:00"] }),
  A("set a reminder for 5:30 to leave for the train", { title: "leave for the train", due: "2026-03-11T17:30", reminders: ["2026-03-11T17:30"] }),
  A("add dinner with alex friday 7:30pm, remind me an hour before", { title: "dinner with alex", due: "2026-03-13T19:30", reminders: ["2026-03-13T18:30"] }),

  // Adding with repetition.
  A("add take vitamins every day at 8am", { title: "take vitamins", due: "2026-03-12T08:00", rule: "FREQ=DAILY" }),
  A("add clean the bathroom every saturday", { title: "clean the bathroom", due: "2026-03-14", rule: "FREQ=WEEKLY;BYDAY=SA" }),
  A("add pay the cleaner every 2 weeks on thursday", { title: "pay the cleaner", due: "2026-03-12", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" }),
  A("add book club on the first wednesday of every month at 7pm", { title: "book club", due: "2026-04-01T19:00", rule: "FREQ=MONTHLY;BYDAY=1WE" }),
  A("add back up the photos monthly", { title: "back up the photos", due: "2026-03-11", rule: "FREQ=MONTHLY" }),
  A("add water the cactus every 10 days", { title: "water the cactus", due: "2026-03-11", rule: "FREQ=DAILY;INTERVAL=10" }),
  A("add gym mon wed fri at 6pm", { title: "gym", due: "2026-03-11T18:00", rule: "FREQ=WEEKLY;BYDAY=MO,WE,FR" }),
  A("add pay the mortgage on the 1st of every month", { title: "pay the mortgage", due: "2026-04-01", rule: "FREQ=MONTHLY;BYMONTHDAY=1" }),
  A("add change the hvac filter every 3 months starting april 1", { title: "change the hvac filter", due: "2026-04-01", rule: "FREQ=MONTHLY;INTERVAL=3" }),
  A("add weekly review every friday at 4pm", { title: "weekly review", due: "2026-03-13T16:00", rule: "FREQ=WEEKLY;BYDAY=FR" }),
  A("add take the bins out every tues and fri", { title: "take the bins out", due: "2026-03-13", rule: "FREQ=WEEKLY;BYDAY=TU,FR" }),
  A("add call grandma every sunday evening at 6", { title: "call grandma", due: "2026-03-15T18:00", rule: "FREQ=WEEKLY;BYDAY=SU" }),
  A("add send invoices on the last weekday of the month", { title: "send invoices", due: "2026-03-31", rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1" }),
  A("add journal every night at 10pm", { title: "journal", due: "2026-03-11T22:00", rule: "FREQ=DAILY" }),
  A("remind me to stand up and stretch every weekday at 3pm", { title: "stand up and stretch", due: "2026-03-11T15:00", rule: WEEKDAYS, reminders: ["2026-03-11T15:00"] }),

  // Renaming.
  E("rename the dentist thing to dentist checkup", "dentist", { title: "dentist checkup" }),
  E("change the title of call mom to call mom about easter", "mom", { title: "call mom about easter" }),
  E(["find the lisbon flights", "call it book flights to porto"], "flights", { title: "book flights to porto" }),
  E("rename 'Buy groceries' to 'Costco run'", "groceries", { title: "Costco run" }),
  E("edit the passport task title to renew passport asap", "passport", { title: "renew passport asap" }),

  // Completing and reopening.
  C("dry cleaning's done", "dry"),
  E("picked up rex", "vet", { done: true, reminders: [] }),
  C("mark call mom as complete", "mom"),
  C("finished the budget review", "budget"),
  C("got the groceries", "groceries"),
  C("tick off renew passport", "passport"),
  C(["whats overdue", "the passport one is done"], "passport"),
  C("mark the standup done", "standup"),
  R("mark the expense report as not done", "expense"),
  R("expense report needs another look, reopen it", "expense"),
  N(["complete dry cleaning", "wait no, i didnt do that yet"]),

  // Deleting.
  D("remove the lisbon flights task", "flights"),
  D("trash the groceries", "groceries"),
  D("i dont need the dry cleaning task anymore", "dry"),
  D(["show me call mom", "delete that one"], "mom"),
  D("erase the budget review", "budget"),
  D("delete teh vet task", "vet"),
  D("clear completed tasks", "expense"),

  // Moving, with pronouns.
  E("move the flights to next wed", "flights", { due: "2026-03-18" }),
  E("reschedule dry cleaning for saturday morning at 10", "dry", { due: "2026-03-14T10:00" }),
  E("postpone the budget review by a week", "budget", { due: "2026-03-27T10:00" }),
  E("dentist is actually on the 19th", "dentist", { due: "2026-03-19T14:00" }),
  E("set call mom for tonight at 8", "mom", { due: "2026-03-11T20:00" }),
  L(["show overdue tasks", "move them all to tomorrow"], { edit: { passport: { due: "2026-03-12" }, vet: { due: "2026-03-12T18:00" } } }),
  E("groceries can wait till friday", "groceries", { due: "2026-03-13" }),
  E("give me till monday for the passport", "passport", { due: "2026-03-16" }),
  E("move the dentist an hour later", "dentist", { due: "2026-03-18T15:00" }),
  E("remove the due date from the flights", "flights", { due: null }),
  E("budget review at 2pm instead of 10", "budget", { due: "2026-03-20T14:00" }),

  // Corrections.
  A(["add call the electrician thursday", "sorry, friday"], { title: "call the electrician", due: "2026-03-13" }),
  A(["remind me to stretch at 4", "no make it 4:15"], { title: "stretch", due: "2026-03-11T16:15", reminders: ["2026-03-11T16:15"] }),
  E(["move groceries to saturday", "actually sunday"], "groceries", { due: "2026-03-15" }),
  A(["add buy stamps tagged errands", "i meant tagged finance"], { title: "buy stamps", tags: ["finance"] }),
  E(["rename call mom to call dad", "no wait, call mom and dad"], "mom", { title: "call mom and dad" }),
  A(["add order pizza at 7", "make it high priority too"], { title: "order pizza", due: "2026-03-11T19:00", priority: "high" }),

  // One occurrence of a series.
  E("no standup this monday, we're offsite", "standup", { due: "2026-03-23T09:30" }),
  E("push just this week's standup to wednesday", "standup", { due: "2026-03-18T09:30" }),
  E("skip rent in april", "rent", { due: "2026-05-01" }),
  E("standup on the 16th at 11 instead", "standup", { due: "2026-03-16T11:00" }),
  E("move only the next standup to 9am", "standup", { due: "2026-03-16T09:00" }),
  E("skip the next rent payment", "rent", { due: "2026-05-01" }),

  // Snooze (the vet pick-up's reminder went off yesterday evening).
  E("snooze the vet reminder for an hour", "vet", { reminders: ["2026-03-11T12:00"] }),
  E("snooze rex till tonight at 7", "vet", { reminders: ["2026-03-11T19:00"] }),
  E("remind me again about rex in 20 mins", "vet", { reminders: ["2026-03-11T11:20"] }),
  E("snooze the pick up rex reminder to tomorrow morning", "vet", { reminders: ["2026-03-12T09:00"] }),
  E("snoze vet 10 min", "vet", { reminders: ["2026-03-11T11:10"] }),

  // Undo, of one change, of a bulk change, of a skipped occurrence and of a snooze.
  N(["mark the budget review done", "undo"]),
  N(["tag groceries with health", "oops undo"]),
  N(["move everything in work to home", "undo"]),
  N(["skip monday's standup", "undo that please"]),
  N(["snooze rex for an hour", "never mind, undo"]),
  N(["rename the dentist to ortho", "undo the rename"]),

  // Many tasks at once.
  L("mark everything tagged finance as low priority", { edit: { rent: { priority: "low" }, budget: { priority: "low" } } }),
  L("tag all my home tasks with weekend", { edit: { dry: { tags: ["weekend"] }, rent: { tags: ["finance", "weekend"] }, groceries: { tags: ["errands", "weekend"] } }, newTags: ["weekend"] }),
  L("mark all overdue stuff as done", { edit: { passport: { done: true }, vet: { done: true, reminders: [] } } }),
  L("put all the finance stuff in work", { edit: { rent: { category: "Work" } } }),

  // Labels.
  E("add the errands tag to dry cleaning", "dry", { tags: ["errands"] }),
  E("untag health from the dentist", "dentist", { tags: [] }),
  E("put the passport task in work", "passport", { category: "Work" }),
  L("make a new category called side projects", { newCategories: ["side projects"] }),
  L("delete the errands tag", { goneTags: ["errands"], edit: { groceries: { tags: [] } } }),
  L("create tag: someday", { newTags: ["someday"] }),
  E("groceries dont belong in home", "groceries", { category: null }),

  // Priority, repetition and notes on a task.
  E("lower the dentist to medium", "dentist", { priority: "medium" }),
  E("call mom is top priority", "mom", { priority: "urgent" }),
  E("set flights to p2", "flights", { priority: "high" }),
  E("add a note to the dentist: bring insurance card", "dentist", { description: "bring insurance card" }),
  E("the flights task needs a description: check baggage allowance", "flights", { description: "check baggage allowance" }),
  E("make pay rent repeat every 2 months", "rent", { rule: "FREQ=MONTHLY;INTERVAL=2" }),
  E("set call mom to repeat weekly on sundays", "mom", { rule: "FREQ=WEEKLY;BYDAY=SU", due: "2026-03-15" }),
  E("the standup is now daily on weekdays", "standup", { rule: WEEKDAYS }),
  E("make groceries a weekly thing", "groceries", { rule: "FREQ=WEEKLY" }),
  E("remind me about the budget review the day before at 5pm", "budget", { reminders: ["2026-03-19T17:00"] }),
  E("set a reminder for the flights task tomorrow at noon", "flights", { reminders: ["2026-03-12T12:00"] }),
  E("ping me 1 hour before the dentist", "dentist", { reminders: ["2026-03-18T13:00"] }),
  E(["search dentist", "remind me about it at 9 that morning"], "dentist", { reminders: ["2026-03-18T09:00"] }),

  // Questions.
  Q("what do i have today", "list_tasks", { due: "today" }),
  Q("what's coming up in the next 2 weeks", "get_upcoming_tasks", { days: 14 }),
  Q("show my high priority tasks", "list_tasks", { priorities: ["high"] }),
  Q("whats late", "get_overdue_tasks"),
  Q("anything for the dentist?", "search_tasks", { query: "dentist" }),
  Q("list everything in home", "list_tasks", { category: "Home" }),
  Q("show me stuff tagged finance sorted by due date", "list_tasks", { tags: ["finance"] }),
  Q("what have i finished", "list_tasks", { status: "done" }),
  Q("any tasks without a date?", "list_tasks", { due: "none" }),
  Q("look for passport", "search_tasks", { query: "passport" }),
  Q("what's due in the next 3 days", "get_upcoming_tasks", { days: 3 }),
];
