// The eighth batch (session 11), written after batch 7's tuning and before any tuning on it, without reading
// the interpreter or quick-add: everyday requests as Todoist/TickTick/ChatGPT users type or dictate them —
// relative dates said other ways ("a week from today", "in a fortnight", "a week from friday", "next month on the
// 5th", "by month end", "end of the work week"), clock times said other ways ("half past 4", "17:30", "quarter to
// 9", "8.30am", "7 in the evening", "2 in the afternoon"), priorities as "priority 1", "prio 2", "top prio",
// "normal priority", "critical", "!low", labels as "@errands", "errands tag", "to my home list", run-on dictated
// requests with several parts, ChatGPT-style full sentences with capitals and punctuation, conversations with
// pronouns and value-only corrections, bulk changes after a list ("mark them both done", "label all of them
// chores"), repetitions RRULE can say ("fortnightly on fridays", "1st monday of each month", "3rd friday of each
// month", "every 3 weeks on thursday"), one occurrence, snoozing, undo of the last of several changes, renames of
// tags and categories, and list/search questions (a day, an order, a status). Same seeded user and clock as the
// other batches (Wednesday 2026-03-11 11:00 America/New_York); case i is in fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

const HOME_TASKS = ["dry", "rent", "groceries"] as const;

export const EIGHTH_CORPUS: EffectCase[] = [
  // Adding, with dates and times said in other ways.
  A("add team call 17:30", { title: "team call", due: "2026-03-11T17:30" }),
  A("i need to pick up the kids from swimming at half past 4 today", { title: "pick up the kids from swimming", due: "2026-03-11T16:30" }),
  A("add lunch with omar at noon friday", { title: "lunch with omar", due: "2026-03-13T12:00" }),
  A("add book club prep sunday at 7 in the evening", { title: "book club prep", due: "2026-03-15T19:00" }),
  A("add call the clinic at 8.30am tommorow", { title: "call the clinic", due: "2026-03-12T08:30" }),
  A("add get a flu shot at 2 in the afternoon on monday", { title: "get a flu shot", due: "2026-03-16T14:00" }),
  A("add return the rental car a week from today", { title: "return the rental car", due: "2026-03-18" }),
  A("add renew the car lease next month on the 5th", { title: "renew the car lease", due: "2026-04-05" }),
  A("add pay the parking fine by the 15th", { title: "pay the parking fine", due: "2026-03-15" }),
  A("add submit the expense claims by end of the work week", { title: "submit the expense claims", due: "2026-03-13" }),
  A("add order the anniversary gift a week from friday", { title: "order the anniversary gift", due: "2026-03-20" }),
  A("add print the boarding passes in a fortnight", { title: "print the boarding passes", due: "2026-03-25" }),
  A("add get the bike serviced due the 3rd", { title: "get the bike serviced", due: "2026-04-03" }),
  A("remind me quarter to 9 tomorrow morning to call the clinic", { title: "call the clinic", due: "2026-03-12T08:45", reminders: ["2026-03-12T08:45"] }),

  // Adding, with priorities and labels said in other ways.
  A("add fix the garage door priority 1", { title: "fix the garage door", priority: "urgent" }),
  A("add back up my laptop, top prio", { title: "back up my laptop", priority: "urgent" }),
  A("add renew the wifi contract !low", { title: "renew the wifi contract", priority: "low" }),
  A("add file the insurance claim p2 tmrw", { title: "file the insurance claim", priority: "high", due: "2026-03-12" }),
  A("add prep questions for the interview highest priority friday", { title: "prep questions for the interview", priority: "urgent", due: "2026-03-13" }),
  A("add clean the fridge to my home list", { title: "clean the fridge", category: "Home" }),
  A("add renew the vpn subscription in work with tag finance", { title: "renew the vpn subscription", category: "Work", tags: ["finance"] }),
  A("add buy lightbulbs @errands", { title: "buy lightbulbs", tags: ["errands"] }),
  A("add dentist for luna #health #family", { title: "dentist for luna", tags: ["health", "family"] }, { newTags: ["family"] }),
  A("add pick up the photo prints, errands tag, saturday", { title: "pick up the photo prints", tags: ["errands"], due: "2026-03-14" }),

  // Dictated run-ons and full sentences.
  A("Can you create a task for me to review the Q2 roadmap by next Monday at 3pm? Thanks!", { title: "review the Q2 roadmap", due: "2026-03-16T15:00" }),
  A("Please set a reminder to call the pediatrician tomorrow at 9:15.", { title: "call the pediatrician", due: "2026-03-12T09:15", reminders: ["2026-03-12T09:15"] }),
  A("um can you add water the plants on friday", { title: "water the plants", due: "2026-03-13" }),
  A("hey add take the car for its mot on tuesday at 8 in the morning", { title: "take the car for its mot", due: "2026-03-17T08:00" }),
  A("add call the insurance company about the claim tomorrow at 10 and make it high priority", { title: "call the insurance company about the claim", due: "2026-03-12T10:00", priority: "high" }),
  A("so i need to email the teacher about the field trip by thursday", { title: "email the teacher about the field trip", due: "2026-03-12" }),
  A("remind me tomorrow at noon to renew the parking permit and tag it errands", { title: "renew the parking permit", due: "2026-03-12T12:00", reminders: ["2026-03-12T12:00"], tags: ["errands"] }),
  A("would you mind adding defrost the freezer for saturday, thank you", { title: "defrost the freezer", due: "2026-03-14" }),

  // Follow-ups to a new task, and corrections.
  A(["add book the plumber", "make it thursday at 9", "and remind me 15 min before"], { title: "book the plumber", due: "2026-03-12T09:00", reminders: ["2026-03-12T08:45"] }),
  A(["add apply for the parking permit", "put that in home", "and make it urgent"], { title: "apply for the parking permit", category: "Home", priority: "urgent" }),
  A(["add team lunch friday at 12", "no, 12:30"], { title: "team lunch", due: "2026-03-13T12:30" }),
  A(["add get the tires rotated in home", "no wait, work"], { title: "get the tires rotated", category: "Work" }),
  A(["add renew the lease #finance", "oops, i meant #home"], { title: "renew the lease", tags: ["home"] }, { newTags: ["home"] }),
  A(["new task pick up the cake saturday", "at 11am", "tag it family"], { title: "pick up the cake", due: "2026-03-14T11:00", tags: ["family"] }, { newTags: ["family"] }),
  A(["add finish the tax return", "it's due the 15th", "top priority"], { title: "finish the tax return", due: "2026-03-15", priority: "urgent" }),
  E(["move flights to monday", "hmm, tuesday"], "flights", { due: "2026-03-17" }),
  E(["tag the groceries health", "no, with finance"], "groceries", { tags: ["errands", "finance"] }),
  E(["rename groceries to big shop", "sorry, weekly big shop"], "groceries", { title: "weekly big shop" }),

  // A task the conversation is about.
  E(["show me the budget review", "push it by a week", "and add the health tag too"], "budget", { due: "2026-03-27T10:00", tags: ["finance", "health"] }),
  E(["open call mom", "make it every saturday"], "mom", { rule: "FREQ=WEEKLY;BYDAY=SA", due: "2026-03-14" }),
  E(["pull up rent", "add a note: landlord changed bank details"], "rent", { description: "landlord changed bank details" }),
  E(["look up the vet task", "move it to 6:30 today"], "vet", { due: "2026-03-11T18:30" }),
  E(["any tasks about lisbon", "make it p1 and due monday"], "flights", { priority: "urgent", due: "2026-03-16" }),
  E("okay i just got back from the dry cleaners so thats done", "dry", { done: true }),
  E("rex is home, picked him up", "vet", { done: true, reminders: [] }),

  // Many tasks at once, after a list.
  L(["show overdue", "mark them both done"], { edit: { passport: { done: true }, vet: { done: true, reminders: [] } } }),
  L(["whats in home", "make them all low prio"], { edit: Object.fromEntries(HOME_TASKS.map((key) => [key, { priority: "low" as const }])) }),
  L(["what's tagged finance", "put those in work"], { edit: { rent: { category: "Work" } } }),
  L(["anything overdue", "move both to the 20th"], { edit: { passport: { due: "2026-03-20" }, vet: { due: "2026-03-20T18:00" } } }),
  L(["show me home stuff", "label all of them chores"], { edit: { dry: { tags: ["chores"] }, rent: { tags: ["finance", "chores"] }, groceries: { tags: ["errands", "chores"] } }, newTags: ["chores"] }),
  L(["anything high or urgent", "drop them both to medium"], { edit: { dentist: { priority: "medium" }, passport: { priority: "medium" } } }),
  L(["whats tagged errands", "remove all those"], { edit: { groceries: { deleted: true } } }),
  L("move everything due today to tomorrow", { edit: { groceries: { due: "2026-03-12" } } }),
  L("complete everything tagged errands", { edit: { groceries: { done: true } } }),

  // Adding with repetition.
  A("add check the mail weekdays", { title: "check the mail", due: "2026-03-11", rule: WEEKDAYS }),
  A("add team sync every other tuesday at 11", { title: "team sync", due: "2026-03-17T11:00", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" }),
  A("add water the ferns every 4 days starting tomorrow", { title: "water the ferns", due: "2026-03-12", rule: "FREQ=DAILY;INTERVAL=4" }),
  A("add pay the cleaner fortnightly on fridays", { title: "pay the cleaner", due: "2026-03-13", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR" }),
  A("add hoa meeting 1st monday of each month at 7pm", { title: "hoa meeting", due: "2026-04-06T19:00", rule: "FREQ=MONTHLY;BYDAY=1MO" }),
  A("add renew the dog license annually on may 3", { title: "renew the dog license", due: "2026-05-03", rule: "FREQ=YEARLY" }),
  A("add lunch and learn the 3rd friday of each month at noon", { title: "lunch and learn", due: "2026-03-20T12:00", rule: "FREQ=MONTHLY;BYDAY=3FR" }),
  A("add salsa class every thursday at half past 7", { title: "salsa class", due: "2026-03-12T19:30", rule: "FREQ=WEEKLY;BYDAY=TH" }),
  A("remind me to drink water every weekday at 10:30", { title: "drink water", due: "2026-03-12T10:30", rule: WEEKDAYS, reminders: ["2026-03-12T10:30"] }),
  A("add sprint demo every 3 weeks on thursday at 3", { title: "sprint demo", due: "2026-03-12T15:00", rule: "FREQ=WEEKLY;INTERVAL=3;BYDAY=TH" }),

  // Repetition of a task that exists.
  E("call mom every other saturday from now on", "mom", { rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", due: "2026-03-14" }),
  E("the budget review should happen every quarter", "budget", { rule: "FREQ=MONTHLY;INTERVAL=3" }),
  E("rent is a one-off now", "rent", { rule: null }),
  E("dry cleaning should be fortnightly", "dry", { rule: "FREQ=WEEKLY;INTERVAL=2" }),
  E("switch standup to mondays and wendesdays", "standup", { rule: "FREQ=WEEKLY;BYDAY=MO,WE" }),

  // One occurrence of a series.
  E("this coming monday the standup starts at 10:15", "standup", { due: "2026-03-16T10:15" }),
  E("just this once, do standup on tuesday", "standup", { due: "2026-03-17T09:30" }),
  E("rent for april can go on the 4th", "rent", { due: "2026-04-04" }),
  E("there's no standup on march 16", "standup", { due: "2026-03-23T09:30" }),
  E("monday's standup is pushed to 1pm", "standup", { due: "2026-03-16T13:00" }),

  // Moving, to dates and times said in other ways.
  E("call mom should be on the 15th", "mom", { due: "2026-03-15" }),
  E("bump flights to the 1st", "flights", { due: "2026-04-01" }),
  E("move the budget review to noon", "budget", { due: "2026-03-20T12:00" }),
  E("dentist's now at 17:30", "dentist", { due: "2026-03-18T17:30" }),
  E("passport needs doing by month end", "passport", { due: "2026-03-31" }),
  E("push call mom to next month on the 5th", "mom", { due: "2026-04-05" }),
  E("do the groceries tomorrow evening at 6", "groceries", { due: "2026-03-12T18:00" }),

  // Reminders on a task.
  E("remind me 45 min before the budget review", "budget", { reminders: ["2026-03-20T09:15"] }),
  E("nudge me a day before the dentist", "dentist", { reminders: ["2026-03-17T14:00"] }),
  E("remind me at noon the day before my flights", "flights", { reminders: ["2026-03-12T12:00"] }),

  // Snooze (the vet pick-up's reminder went off yesterday evening).
  E("push the rex reminder to 5:30", "vet", { reminders: ["2026-03-11T17:30"] }),
  E("snooze rex for a couple of hrs", "vet", { reminders: ["2026-03-11T13:00"] }),
  E("snooze the vet thing until tomorrow at 7:15", "vet", { reminders: ["2026-03-12T07:15"] }),
  E("snooze rex 90 min", "vet", { reminders: ["2026-03-11T12:30"] }),
  E(["show me the vet task", "remind me again in 40 minutes"], "vet", { reminders: ["2026-03-11T11:40"] }),

  // Priorities said in other ways.
  E("make dry cleanign priority 1", "dry", { priority: "urgent" }),
  E("set call mom to prio 2", "mom", { priority: "high" }),
  E("make the dentist normal priority", "dentist", { priority: "medium" }),
  E("downgrade the pasport to low", "passport", { priority: "low" }),
  E("the dentist is critical", "dentist", { priority: "urgent" }),
  E("bump rex pickup up a level", "vet", { priority: "high" }),

  // Labels on a task.
  E("passport goes in the home list", "passport", { category: "Home" }),
  E("stick a health tag on call mom", "mom", { tags: ["health"] }),
  E("label groceries as finance too", "groceries", { tags: ["errands", "finance"] }),
  E("tag the flights travel and finance", "flights", { tags: ["finance", "travel"] }, { newTags: ["travel"] }),
  E("budget review isnt finance anymore", "budget", { tags: [] }),

  // Renaming tags and categories, and new labels.
  L("rename the finance tag to money", { goneTags: ["finance"], newTags: ["money"], edit: { rent: { tags: ["money"] }, budget: { tags: ["money"] } } }),
  L("change the health tag's name to wellbeing", { goneTags: ["health"], newTags: ["wellbeing"], edit: { dentist: { tags: ["wellbeing"] } } }),
  L("rename my home catgeory to Household", { goneCategories: ["Home"], newCategories: ["Household"], edit: Object.fromEntries(HOME_TASKS.map((key) => [key, { category: "Household" }])) }),
  L("call the work list Office instead", { goneCategories: ["Work"], newCategories: ["Office"], edit: { expense: { category: "Office" }, standup: { category: "Office" }, budget: { category: "Office" } } }),
  L("errands tag should be called chores", { goneTags: ["errands"], newTags: ["chores"], edit: { groceries: { tags: ["chores"] } } }),
  L("new project: kitchen reno", { newCategories: ["kitchen reno"] }),

  // Completing and reopening.
  C("knocked out the bugdet review", "budget"),
  C("ok the flights are sorted", "flights"),
  C("can u tick the dentist", "dentist"),
  C("done w/ groceries", "groceries"),
  C("phoned mom", "mom"),
  R("the expense report got rejected, reopen it", "expense"),
  R("move the expense report back to my todo list", "expense"),

  // Deleting.
  D("axe the budget review", "budget"),
  D("the passport task can go", "passport"),
  D("pls get rid of the rex pickup", "vet"),
  D(["search lisbon", "yeah delete that one"], "flights"),

  // Undo: the last change of the conversation, or nothing when nothing changed.
  N(["make the passport low priority", "ctrl z"]),
  N(["move the budget review to monday at 9", "nope, undo"]),
  C(["mark the passport done", "and the groceries too", "undo"], "passport"),
  N(["delete the dentist appointment", "wait no i need that, undo"]),
  N(["rename the health tag to medical", "undo"]),
  N(["overdue?", "mark both done", "undo"]),
  N(["skip the standup this monday", "actually undo that, we're having it"]),

  // Questions.
  Q("whats on for tmrw", "list_tasks", { due_on: "2026-03-12" }),
  Q("anything on the 18th?", "list_tasks", { due_on: "2026-03-18" }),
  Q("what's due on friday", "list_tasks", { due_on: "2026-03-13" }),
  Q("what do i need to do at home", "list_tasks", { category: "Home" }),
  Q("anything for work this week", "list_tasks", { category: "Work", due: "next7" }),
  Q("stuff i havent scheduled", "list_tasks", { due: "none" }),
  Q("list everything by priority", "list_tasks", { sort_by: "priority" }),
  Q("list my tasks alphabetically", "list_tasks", { sort_by: "title" }),
  Q("what's on deck for the next 4 days", "get_upcoming_tasks", { days: 4 }),
  Q("show medium priority ones", "list_tasks", { priorities: ["medium"] }),
  Q("anything high priority tagged health", "list_tasks", { priorities: ["high"], tags: ["health"] }),
  Q("is groceries on my list", "search_tasks", { query: "groceries" }),
  Q("whats due in the next fortnight", "get_upcoming_tasks", { days: 14 }),
  Q("completed work tasks", "list_tasks", { status: "done", category: "Work" }),
  Q("what am i behind on", "get_overdue_tasks"),
];
