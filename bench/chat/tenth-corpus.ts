// The tenth batch (session 13), written after batch 9's tuning and before any tuning on it, without reading the
// interpreter or quick-add (only this file's format, bench/chat/effects.ts and the earlier batches, to keep clear of
// their wordings): everyday requests as Todoist/TickTick/ChatGPT users type or dictate them — dates said other ways
// ("in three days", "in 2 wks", "2moro", "5 days from today", "end of this week", "the 2nd of april", "thursday the
// 19th"), clock times ("thurs at 12:30", "at 4 30" as dictated, "by 10 am", "saturday night at 8"), priorities ("top
// priority", "super urgent", ", not important", "high pri", "prio low", "asap pls", "up one level", "more of a p3"),
// labels ("for the home list", "file under finance", "tagged with errands", "in the work category:", ", health tag"),
// ChatGPT-style sentences and dictated run-ons, follow-ups and corrections ("make it the day before", "hmm no make it
// 10", "sorry, finance not health", "oops, work"), pronouns after a question, bulk changes after a list ("push those
// back a day", "both of those are high priority", "tag every one of them errands", "do the same with …"),
// repetitions RRULE can say ("on the 15th, every three months", "every second weekday", "the final friday of every
// month", "every other tues", "3rd thursday of every month", "every workday", "saturdays and sundays", "every month on
// the 1st and the 15th", "the 1st sun of each month"), one occurrence ("no stand up this coming monday pls", "bump
// monday's standup to 11 just this once", "we're skipping rent in april"), snoozes, undo, renames of tags and
// categories, and list/search questions. Same seeded user and clock as the other batches (Wednesday 2026-03-11 11:00
// America/New_York); case i is in fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

const EVERY_OTHER_WEEKDAY = "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR";

export const TENTH_CORPUS: EffectCase[] = [
  // Adding, with dates and times said in other ways.
  A("add renew the parking permit in three days", { title: "renew the parking permit", due: "2026-03-14" }),
  A("add pay the window cleaner in 2 wks", { title: "pay the window cleaner", due: "2026-03-25" }),
  A("add bring back the library books 2moro", { title: "bring back the library books", due: "2026-03-12" }),
  A("add file the insurance claim 5 days from today", { title: "file the insurance claim", due: "2026-03-16" }),
  A("add submit the grant application end of this week", { title: "submit the grant application", due: "2026-03-13" }),
  A("add book a flu jab for the 2nd of april", { title: "book a flu jab", due: "2026-04-02" }),
  A("add lunch with priya thurs at 12:30", { title: "lunch with priya", due: "2026-03-12T12:30" }),
  A("add return the rental car by 10 am on the 19th", { title: "return the rental car", due: "2026-03-19T10:00" }),
  A("add pick up dad from the airport at 17:30 on saturday", { title: "pick up dad from the airport", due: "2026-03-14T17:30" }),
  A("add ring the pension people on the 17th at 3", { title: "ring the pension people", due: "2026-03-17T15:00" }),
  A("add grab coffee with tom on thursday the 19th at 10am", { title: "grab coffee with tom", due: "2026-03-19T10:00" }),
  A("add phone the council at half past 4 tomorrow", { title: "phone the council", due: "2026-03-12T16:30" }),

  // Adding, with priorities said in other ways.
  A("add update the wifi password - top priority", { title: "update the wifi password", priority: "urgent" }),
  A("add fix the leaking tap its super urgent", { title: "fix the leaking tap", priority: "urgent" }),
  A("add back up the photos, not important", { title: "back up the photos", priority: "low" }),
  A("add renew the domain name high pri", { title: "renew the domain name", priority: "high" }),
  A("add chase the unpaid invoice asap pls", { title: "chase the unpaid invoice", priority: "urgent" }),
  A("add order printer ink, prio low", { title: "order printer ink", priority: "low" }),

  // Adding, with labels said in other ways.
  A("add buy lightbulbs for the home list", { title: "buy lightbulbs", category: "Home" }),
  A("add book the physio, health tag", { title: "book the physio", tags: ["health"] }),
  A("add pay the council tax, file under finance", { title: "pay the council tax", tags: ["finance"] }),
  A("add pick up the stamps tagged with errands", { title: "pick up the stamps", tags: ["errands"] }),
  A("add new task in the work category: book a meeting room for monday", { title: "book a meeting room", category: "Work", due: "2026-03-16" }),
  A("add schedule the car mot, put it in home and tag errands", { title: "schedule the car mot", category: "Home", tags: ["errands"] }),

  // Adding with a reminder.
  A("remind me tmrw morning to call the bank", { title: "call the bank", due: "2026-03-12T09:00", reminders: ["2026-03-12T09:00"] }),
  A("can you remind me to check the oven in 40 mins", { title: "check the oven", due: "2026-03-11T11:40", reminders: ["2026-03-11T11:40"] }),
  A("remind me on friday at 5:30 to book the restaurant", { title: "book the restaurant", due: "2026-03-13T17:30", reminders: ["2026-03-13T17:30"] }),
  A("add swim lesson on saturday at 10am, remind me 30 min before", { title: "swim lesson", due: "2026-03-14T10:00", reminders: ["2026-03-14T09:30"] }),
  A("remind me to move the laundry to the dryer in an hour", { title: "move the laundry to the dryer", due: "2026-03-11T12:00", reminders: ["2026-03-11T12:00"] }),

  // Dictated run-ons, full sentences and filler.
  A("hey so i need to book a table for mums birthday on saturday night at 8 can you add that", { title: "book a table for mums birthday", due: "2026-03-14T20:00" }),
  A("Please create a task titled Review the Q2 roadmap for Thursday at 11am. Thanks in advance!", { title: "Review the Q2 roadmap", due: "2026-03-12T11:00" }),
  A("okay add get new tyres for the car and make it due the 20th", { title: "get new tyres for the car", due: "2026-03-20" }),
  A("i should probably call the plumber about the boiler tomorrow afternoon at 2", { title: "call the plumber about the boiler", due: "2026-03-12T14:00" }),
  A("Could you put send the receipts to my accountant on my list for Monday, please?", { title: "send the receipts to my accountant", due: "2026-03-16" }),
  A("um put down pick up the kids from football at 4 30 on thursday", { title: "pick up the kids from football", due: "2026-03-12T16:30" }),
  A("add a to do for me to renew the tv licence before the 31st", { title: "renew the tv licence", due: "2026-03-31" }),

  // Follow-ups to a new task, and corrections.
  A(["add farewell lunch for jo friday at 12", "actually 1pm"], { title: "farewell lunch for jo", due: "2026-03-13T13:00" }),
  A(["add buy paint for the fence", "tag it errands", "and high priority"], { title: "buy paint for the fence", tags: ["errands"], priority: "high" }),
  A(["add email sarah the contract at 3pm", "no sorry 4"], { title: "email sarah the contract", due: "2026-03-11T16:00" }),
  A(["remind me to check the parking permit tomorrow at 9", "hmm no make it 10"], { title: "check the parking permit", due: "2026-03-12T10:00", reminders: ["2026-03-12T10:00"] }),
  A(["add finish the quarterly report", "its due the 18th", "oh and it's for work"], { title: "finish the quarterly report", due: "2026-03-18", category: "Work" }),
  A(["add hire a plumber", "call it hire an electrician instead"], { title: "hire an electrician" }),
  A(["add buy balloons for the party thursday", "no, make it the day before"], { title: "buy balloons for the party", due: "2026-03-11" }),
  A(["add pay the cleaner", "every other friday"], { title: "pay the cleaner", due: "2026-03-13", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR" }),
  A(["add check in with the new hire", "for monday 10am", "put it in work"], { title: "check in with the new hire", due: "2026-03-16T10:00", category: "Work" }),
  A(["remind me to call the vet about rex's jab at 3", "wait, 3:15"], { title: "call the vet about rex's jab", due: "2026-03-11T15:15", reminders: ["2026-03-11T15:15"] }),

  // A task the conversation is about, and pronouns.
  E(["when is my dentist thing", "can you move it to the 19th"], "dentist", { due: "2026-03-19T14:00" }),
  E(["what's the status of the budget review", "bump it up to urgent"], "budget", { priority: "urgent" }),
  C(["anything for the dry cleaning?", "ok thats sorted now"], "dry"),
  E(["where's the passport one", "give it a due date of april 10"], "passport", { due: "2026-04-10" }),
  E(["show the lisbon flights", "label it travel"], "flights", { tags: ["travel"] }, { newTags: ["travel"] }),
  D(["pull up the vet task", "yeah get rid of it"], "vet"),
  E(["check on the rent task", "drop the finance tag from it"], "rent", { tags: [] }),
  E(["open the dentist", "add a note saying bring the insurance card"], "dentist", { description: "bring the insurance card" }),

  // Corrections of a change just made.
  E(["move the flights to tuesday", "no i mean thursday"], "flights", { due: "2026-03-12" }),
  E(["make the budget review urgent", "hmm no just high"], "budget", { priority: "high" }),
  E(["give groceries the health tag", "sorry, finance not health"], "groceries", { tags: ["errands", "finance"] }),
  E(["put the flights in home", "oops, work"], "flights", { category: "Work" }),
  E(["retitle dry cleaning as laundry", "actually make it collect laundry"], "dry", { title: "collect laundry" }),

  // Many tasks at once, after a list or a first change.
  L(["what's past due", "push all of them to tomorrow"], { edit: { passport: { due: "2026-03-12" }, vet: { due: "2026-03-12T18:00" } } }),
  L(["show my work stuff", "move them all to low priority"], { edit: { standup: { priority: "low" }, budget: { priority: "low" } } }),
  L(["show finance tagged stuff", "both of those are high priority"], { edit: { rent: { priority: "high" }, budget: { priority: "high" } } }),
  L(["list my home tasks", "tag every one of them errands"], { edit: { dry: { tags: ["errands"] }, rent: { tags: ["finance", "errands"] } } }),
  L(["which ones are overdue", "finish them all off"], { edit: { passport: { done: true }, vet: { done: true, reminders: [] } } }),
  L(["stuff due within 3 days?", "push those back a day"], { edit: { groceries: { due: "2026-03-12" }, dry: { due: "2026-03-13" }, flights: { due: "2026-03-14" } } }),
  L(["shift the dentist to friday", "do the same with the budget review"], { edit: { dentist: { due: "2026-03-13T14:00" }, budget: { due: "2026-03-13T10:00" } } }),

  // Adding with repetition.
  A("add service the boiler on the 15th, every three months", { title: "service the boiler", due: "2026-03-15", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15" }),
  A("add practice spanish every second weekday", { title: "practice spanish", due: "2026-03-11", rule: EVERY_OTHER_WEEKDAY }),
  A("add submit timesheets on the final friday of every month", { title: "submit timesheets", due: "2026-03-27", rule: "FREQ=MONTHLY;BYDAY=-1FR" }),
  A("add feed the sourdough starter every 4 days", { title: "feed the sourdough starter", due: "2026-03-11", rule: "FREQ=DAILY;INTERVAL=4" }),
  A("add team sync every other tues at 11", { title: "team sync", due: "2026-03-17T11:00", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" }),
  A("add pay the car loan on the 28th monthly", { title: "pay the car loan", due: "2026-03-28", rule: "FREQ=MONTHLY;BYMONTHDAY=28" }),
  A("add book club 3rd thursday of every month at 7pm", { title: "book club", due: "2026-03-19T19:00", rule: "FREQ=MONTHLY;BYDAY=3TH" }),
  A("add take the bins out every thurs night at 8", { title: "take the bins out", due: "2026-03-12T20:00", rule: "FREQ=WEEKLY;BYDAY=TH" }),
  A("add write standup notes every workday at 9:15", { title: "write standup notes", due: "2026-03-12T09:15", rule: WEEKDAYS }),
  A("add renew the car registration every june 30th", { title: "renew the car registration", due: "2026-06-30", rule: "FREQ=YEARLY" }),
  A("add water the lawn saturdays and sundays at 8am", { title: "water the lawn", due: "2026-03-14T08:00", rule: "FREQ=WEEKLY;BYDAY=SA,SU" }),
  A("add pay the gardener every month on the 1st and the 15th", { title: "pay the gardener", due: "2026-03-15", rule: "FREQ=MONTHLY;BYMONTHDAY=1,15" }),
  A("add car boot sale on the 1st sun of each month", { title: "car boot sale", due: "2026-04-05", rule: "FREQ=MONTHLY;BYDAY=1SU" }),

  // Repetition of a task that exists.
  E("do the groceries every week from now on", "groceries", { rule: "FREQ=WEEKLY" }),
  E("set call mom to every other sunday", "mom", { rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", due: "2026-03-15" }),
  E("standup is only tuesdays and thursdays now", "standup", { rule: "FREQ=WEEKLY;BYDAY=TU,TH" }),
  E("rent goes quarterly from now on", "rent", { rule: "FREQ=MONTHLY;INTERVAL=3" }),
  E("make the standup a one-time thing", "standup", { rule: null }),

  // One occurrence of a series.
  E("no stand up this coming monday pls", "standup", { due: "2026-03-23T09:30" }),
  E("i'm off monday so skip the standup that day", "standup", { due: "2026-03-23T09:30" }),
  E("bump monday's standup to 11 just this once", "standup", { due: "2026-03-16T11:00" }),
  E("the april rent is going out on the 2nd this time", "rent", { due: "2026-04-02" }),
  E("can monday's standup happen tuesday at 2pm instead", "standup", { due: "2026-03-17T14:00" }),
  E("we're skipping rent in april", "rent", { due: "2026-05-01" }),

  // Snooze (the vet pick-up's reminder went off yesterday evening).
  E("snooze the vet reminder for 2 hrs", "vet", { reminders: ["2026-03-11T13:00"] }),
  E("give me 10 more minutes on the rex reminder", "vet", { reminders: ["2026-03-11T11:10"] }),
  E("snooze rex till 2:30", "vet", { reminders: ["2026-03-11T14:30"] }),
  E("snooze the vet reminder to tomorrow at 8am", "vet", { reminders: ["2026-03-12T08:00"] }),
  E("can you snooze that vet reminder an hour and a half", "vet", { reminders: ["2026-03-11T12:30"] }),
  E(["overdue list pls", "snooze the rex one until tonight at 8"], "vet", { reminders: ["2026-03-11T20:00"] }),

  // Priorities said in other ways.
  E("passport is more of a p3", "passport", { priority: "medium" }),
  E("the groceries aren't a big deal, low prio", "groceries", { priority: "low" }),
  E("bump the budget review up one level", "budget", { priority: "high" }),
  E("flights are top priority now", "flights", { priority: "urgent" }),
  E("take the dentist down to medium", "dentist", { priority: "medium" }),

  // Labels on a task.
  E("put the dentist under work", "dentist", { category: "Work" }),
  E("tag call mom family and health", "mom", { tags: ["family", "health"] }, { newTags: ["family"] }),
  E("dentist doesnt need the health tag", "dentist", { tags: [] }),
  E("the standup belongs in home now", "standup", { category: "Home" }),
  E("add the errands tag to the rex pickup", "vet", { tags: ["errands"] }),

  // Renaming tags and categories, and new labels.
  L("rename tag finance to bills", { goneTags: ["finance"], newTags: ["bills"], edit: { rent: { tags: ["bills"] }, budget: { tags: ["bills"] } } }),
  L("i want the errands tag renamed to outings", { goneTags: ["errands"], newTags: ["outings"], edit: { groceries: { tags: ["outings"] } } }),
  L("switch the name of the home category to house", { goneCategories: ["Home"], newCategories: ["house"], edit: { dry: { category: "house" }, rent: { category: "house" }, groceries: { category: "house" } } }),
  L("rename Work → Office", { goneCategories: ["Work"], newCategories: ["Office"], edit: { expense: { category: "Office" }, standup: { category: "Office" }, budget: { category: "Office" } } }),
  L("start a new list called garden projects", { newCategories: ["garden projects"] }),
  L("i dont use the health tag anymore, remove it", { goneTags: ["health"], edit: { dentist: { tags: [] } } }),

  // Completing, reopening and deleting.
  C("finally booked the lisbon flights", "flights"),
  C("passport renewal ✅", "passport"),
  C("check the budget review off my list", "budget"),
  C("the groceries r done", "groceries"),
  R("open the expense report back up", "expense"),
  R("unfinish the expense report", "expense"),
  D("ditch the dry cleaning", "dry"),
  D("i no longer need to renew my passport, delete it", "passport"),
  D("remove rex from my list", "vet"),

  // Undo: the last change of the conversation.
  N(["mark the flights as done", "undo that pls"]),
  N(["move groceries to friday", "undo the last thing"]),
  N(["tag the rent errands", "oops, take that back"]),
  N(["rename the finance tag to payments", "reverse that"]),
  E(["push the dentist to friday", "mark it urgent", "undo the priority change"], "dentist", { due: "2026-03-13T14:00" }),

  // Questions.
  Q("what have i got on thursday", "list_tasks", { due_on: "2026-03-12" }),
  Q("whats due on the 20th", "list_tasks", { due_on: "2026-03-20" }),
  Q("have i missed any deadlines", "get_overdue_tasks"),
  Q("whats left for today", "list_tasks", { due: "today" }),
  Q("gimme the work tasks", "list_tasks", { category: "Work" }),
  Q("what needs doing in the next 10 days", "get_upcoming_tasks", { days: 10 }),
  Q("any finance things", "list_tasks", { tags: ["finance"] }),
  Q("is there a task about lisbon", "search_tasks", { query: "lisbon" }),
  Q("which of my tasks are urgent", "list_tasks", { priorities: ["urgent"] }),
  Q("tasks without a date?", "list_tasks", { due: "none" }),
  Q("search my list for rex", "search_tasks", { query: "rex" }),

  // Moving, to dates and times said in other ways.
  E("move the dentist appt to the 25th same time", "dentist", { due: "2026-03-25T14:00" }),
  E("the flights can slip by a week", "flights", { due: "2026-03-20" }),
  E("bring the budget review forward to tuesday", "budget", { due: "2026-03-17T10:00" }),
  E("reschedule the passport thing to end of month", "passport", { due: "2026-03-31" }),
  E("dry cleaning: friday 4pm", "dry", { due: "2026-03-13T16:00" }),
  E("can we do the budget review at 2 instead", "budget", { due: "2026-03-20T14:00" }),
  E("set call mom for tmrw at 12:15", "mom", { due: "2026-03-12T12:15" }),
  E("push the dentist out by two weeks", "dentist", { due: "2026-04-01T14:00" }),

  // Reminders on a task.
  E("remind me about the budget review an hour ahead", "budget", { reminders: ["2026-03-20T09:00"] }),
  E("set a reminder for the dry cleaning on thursday at 6pm", "dry", { reminders: ["2026-03-12T18:00"] }),
  E("ping me at 8am on the day of the dentist", "dentist", { reminders: ["2026-03-18T08:00"] }),
  E("notify me 3 days before the budget review", "budget", { reminders: ["2026-03-17T10:00"] }),
];
