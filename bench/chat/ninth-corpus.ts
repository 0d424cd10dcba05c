// The ninth batch (session 12), written after batch 8's tuning and before any tuning on it, without reading the
// interpreter or quick-add (only this file's format, bench/chat/effects.ts and the earlier batches, to keep clear
// of their wordings): everyday requests as Todoist/TickTick/ChatGPT users type or dictate them — relative dates
// said other ways ("3 days from now", "in a month", "by end of the week", "next month's rent", "the 15th"), clock
// times said other ways ("half 5", "half past 3", "17:45", "around noon", "at like 10", "mornings at 7"),
// priorities ("important", "urgently", "pretty urgent", "regular priority", "any p1s"), labels ("label health",
// "with the errands label", "category work", "in the work project", "a home thing"), dictated run-ons and
// ChatGPT-style sentences, polite filler, follow-ups and corrections ("correction: 6:30", "err i meant home",
// "wait no monday is better"), a pronoun for a named thing ("cross her off", "picked him up"), the same change to a
// second task ("same for the groceries", "the flights too"), bulk changes after a list, repetitions RRULE can say
// ("every 3rd month on the 15th", "every other weekday", "last fri of each month", "mon-fri", "every other friday
// starting the 20th", "tue and thu mornings"), one occurrence ("can we skip next mondays standup"), snoozing,
// undo, renames of tags and categories, and list/search questions. Same seeded user and clock as the other
// batches (Wednesday 2026-03-11 11:00 America/New_York); case i is in fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

const EVERY_OTHER_WEEKDAY = "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR";

export const NINTH_CORPUS: EffectCase[] = [
  // Adding, with dates and times said in other ways.
  A("add get an oil change 3 days from now", { title: "get an oil change", due: "2026-03-14" }),
  A("add renew my gym membership in a month", { title: "renew my gym membership", due: "2026-04-11" }),
  A("add finish the slide deck for the client by end of the week", { title: "finish the slide deck for the client", due: "2026-03-13" }),
  A("add haircut at half 5 on thursday", { title: "haircut", due: "2026-03-12T17:30" }),
  A("add ring the bank tmrw around noon", { title: "ring the bank", due: "2026-03-12T12:00" }),
  A("add pick up the dog food at 17:45", { title: "pick up the dog food", due: "2026-03-11T17:45" }),
  A("add parent teacher conference on the 24th at 6:30pm", { title: "parent teacher conference", due: "2026-03-24T18:30" }),
  A("add ship the parcel day after tmrw", { title: "ship the parcel", due: "2026-03-13" }),
  A("add dinner at moms sunday 6:30", { title: "dinner at moms", due: "2026-03-15T18:30" }),
  A("add collect the parcel at half past 3 tomorrow", { title: "collect the parcel", due: "2026-03-12T15:30" }),
  A("add book tickets for the play for the 15th", { title: "book tickets for the play", due: "2026-03-15" }),
  A("add pick up the prescription tomorrow thanks!", { title: "pick up the prescription", due: "2026-03-12" }),

  // Adding, with priorities and labels said in other ways.
  A("add fix the cracked window, important", { title: "fix the cracked window", priority: "high" }),
  A("add pay the overdue water bill p1 today", { title: "pay the overdue water bill", priority: "urgent", due: "2026-03-11" }),
  A("need to migrate the database urgently", { title: "migrate the database", priority: "urgent" }),
  A("add clean out the attic, low prio, no rush", { title: "clean out the attic", priority: "low" }),
  A("add buy new curtains and put it under home", { title: "buy new curtains", category: "Home" }),
  A("add book the team offsite, category work", { title: "book the team offsite", category: "Work" }),
  A("add get a blood test, label health", { title: "get a blood test", tags: ["health"] }),
  A("add buy dog treats with the errands label", { title: "buy dog treats", tags: ["errands"] }),
  A("add renew the car tax #finance #errands by friday", { title: "renew the car tax", tags: ["finance", "errands"], due: "2026-03-13" }),
  A("add call the accountant in the work project tagged finance", { title: "call the accountant", category: "Work", tags: ["finance"] }),
  A("add organise the garage and tag it weekend", { title: "organise the garage", tags: ["weekend"] }, { newTags: ["weekend"] }),

  // Dictated run-ons, full sentences and filler.
  A("Could you please add a task to renew my driving licence on Monday morning at 8:30? Thank you so much.", { title: "renew my driving licence", due: "2026-03-16T08:30" }),
  A("ok so tomorrow i need to call the school about the trip at like 10", { title: "call the school about the trip", due: "2026-03-12T10:00" }),
  A("hey can you remind me to grab milk on the way home at 6 tonight", { title: "grab milk on the way home", due: "2026-03-11T18:00", reminders: ["2026-03-11T18:00"] }),
  A("I'd like to add a task called Prepare slides for Monday's meeting, due Friday.", { title: "Prepare slides for Monday's meeting", due: "2026-03-13" }),
  A("so um add pay the babysitter and make it due saturday", { title: "pay the babysitter", due: "2026-03-14" }),
  A("i need to remember to buy a birthday card for dad by sunday", { title: "buy a birthday card for dad", due: "2026-03-15" }),

  // Adding with a reminder.
  A("remind me in 90 minutes to call back the plumber", { title: "call back the plumber", due: "2026-03-11T12:30", reminders: ["2026-03-11T12:30"] }),
  A("add vet appointment for milo on the 19th at 3pm and remind me 2 hrs before", { title: "vet appointment for milo", due: "2026-03-19T15:00", reminders: ["2026-03-19T13:00"] }),
  A("set a reminder for 8:15am tomorrow to water the seedlings", { title: "water the seedlings", due: "2026-03-12T08:15", reminders: ["2026-03-12T08:15"] }),

  // Follow-ups to a new task, and corrections.
  A(["add call the roofer friday", "wait no monday is better"], { title: "call the roofer", due: "2026-03-16" }),
  A(["add team drinks thursday at 6", "correction: 6:30"], { title: "team drinks", due: "2026-03-12T18:30" }),
  A(["add book the dog groomer", "for next wednesday at 10"], { title: "book the dog groomer", due: "2026-03-18T10:00" }),
  A(["add fix the bathroom light", "in home please", "and its pretty urgent"], { title: "fix the bathroom light", category: "Home", priority: "urgent" }),
  A(["add order a new passport photo", "rename that to get new passport photos"], { title: "get new passport photos" }),
  A(["add pay the gas bill #errands", "no sorry #finance"], { title: "pay the gas bill", tags: ["finance"] }),
  A(["remind me to call grandma at 3", "make it 3:30 actually"], { title: "call grandma", due: "2026-03-11T15:30", reminders: ["2026-03-11T15:30"] }),
  A(["add brunch with kate sunday 11am", "actually saturday"], { title: "brunch with kate", due: "2026-03-14T11:00" }),
  A(["new task: sign the permission slip", "due tmrw", "p2"], { title: "sign the permission slip", due: "2026-03-12", priority: "high" }),
  E(["move the dry cleaning to monday", "ugh no, tuesday"], "dry", { due: "2026-03-17" }),
  E(["set the budget review to low", "actually urgent"], "budget", { priority: "urgent" }),
  E(["put call mom in work", "err i meant home"], "mom", { category: "Home" }),
  E(["move the budget review to the 25th", "actually make it the 26th"], "budget", { due: "2026-03-26T10:00" }),

  // A task the conversation is about, and pronouns.
  E(["is there anything about my dentist appt", "move it to friday"], "dentist", { due: "2026-03-13T14:00" }),
  E(["whats the deal with my passport renewal", "push it to the 25th and make it high"], "passport", { due: "2026-03-25", priority: "high" }),
  E(["find budget", "can we do that one at 11 instead"], "budget", { due: "2026-03-20T11:00" }),
  C(["todays list?", "finished it"], "groceries"),
  E(["bring up call mom", "every sunday evening at 7 from now on"], "mom", { rule: "FREQ=WEEKLY;BYDAY=SU", due: "2026-03-15T19:00" }),
  E(["pull up pay rent", "note: ask about the deposit"], "rent", { description: "ask about the deposit" }),
  E(["search rex", "already picked him up"], "vet", { done: true, reminders: [] }),
  C("spoke to mom earlier, cross her off", "mom"),
  E(["open the flights task", "make it p1", "and move it to monday"], "flights", { priority: "urgent", due: "2026-03-16" }),

  // Many tasks at once, after a list or a first change.
  L(["what's in my home list", "bump all of those to urgent"], { edit: { dry: { priority: "urgent" }, rent: { priority: "urgent" }, groceries: { priority: "urgent" } } }),
  L(["what am i late on", "reschedule all of it for sunday"], { edit: { passport: { due: "2026-03-15" }, vet: { due: "2026-03-15T18:00" } } }),
  L(["list errands", "tag them weekend as well"], { edit: { groceries: { tags: ["errands", "weekend"] } }, newTags: ["weekend"] }),
  L(["show me anything urgent or high", "mark em all done"], { edit: { dentist: { done: true }, passport: { done: true } } }),
  L(["mark the dry cleaning done", "same for the groceries"], { edit: { dry: { done: true }, groceries: { done: true } } }),
  L(["push call mom to saturday", "the flights too"], { edit: { mom: { due: "2026-03-14" }, flights: { due: "2026-03-14" } } }),
  L("bump all of todays stuff to friday", { edit: { groceries: { due: "2026-03-13" } } }),
  L("delete everything tagged errands", { edit: { groceries: { deleted: true } } }),
  L("everything overdue is now low priority", { edit: { passport: { priority: "low" }, vet: { priority: "low" } } }),

  // Adding with repetition.
  A("add review insurance policies every 3rd month on the 15th", { title: "review insurance policies", due: "2026-03-15", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15" }),
  A("add stretch break every other weekday at 2pm", { title: "stretch break", due: "2026-03-11T14:00", rule: EVERY_OTHER_WEEKDAY }),
  A("add send the newsletter last fri of each month", { title: "send the newsletter", due: "2026-03-27", rule: "FREQ=MONTHLY;BYDAY=-1FR" }),
  A("add take out the compost every other tuesday at 7am", { title: "take out the compost", due: "2026-03-17T07:00", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" }),
  A("add check the mailbox weekdays at 5", { title: "check the mailbox", due: "2026-03-11T17:00", rule: WEEKDAYS }),
  A("add parents group first mon of every month at 6:30pm", { title: "parents group", due: "2026-04-06T18:30", rule: "FREQ=MONTHLY;BYDAY=1MO" }),
  A("add pay the bins bill every 2 months on the 10th", { title: "pay the bins bill", due: "2026-04-10", rule: "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=10" }),
  A("add yoga tue and thu mornings at 7", { title: "yoga", due: "2026-03-12T07:00", rule: "FREQ=WEEKLY;BYDAY=TU,TH" }),
  A("add payday every other friday starting the 20th", { title: "payday", due: "2026-03-20", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR" }),
  A("add pay the quarterly vat on the 7th every 3 months", { title: "pay the quarterly vat", due: "2026-04-07", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=7" }),
  A("add anniversary every year on the 9th of october", { title: "anniversary", due: "2026-10-09", rule: "FREQ=YEARLY" }),

  // Repetition of a task that exists.
  E("set call mom to repeat on the first of each month", "mom", { rule: "FREQ=MONTHLY;BYMONTHDAY=1", due: "2026-04-01" }),
  E("change the standup to mon-fri", "standup", { rule: WEEKDAYS }),
  E("make dry cleaning happen every second week", "dry", { rule: "FREQ=WEEKLY;INTERVAL=2" }),
  E("rent should stop recurring", "rent", { rule: null }),
  E("the budget review repeats every 4 weeks now", "budget", { rule: "FREQ=WEEKLY;INTERVAL=4" }),

  // One occurrence of a series.
  E("can we skip next mondays standup", "standup", { due: "2026-03-23T09:30" }),
  E("standup's cancelled this monday", "standup", { due: "2026-03-23T09:30" }),
  E("move only this monday's standup to 10:45", "standup", { due: "2026-03-16T10:45" }),
  E("next month's rent goes out on the 3rd", "rent", { due: "2026-04-03" }),
  E("the standup on the 16th is moving to 2:30", "standup", { due: "2026-03-16T14:30" }),
  E("push this mondays standup by an hour", "standup", { due: "2026-03-16T10:30" }),
  E("rent isnt going out on april 1st, skip that one", "rent", { due: "2026-05-01" }),

  // Moving, to dates and times said in other ways.
  E("make the budget review the 27th", "budget", { due: "2026-03-27T10:00" }),
  E("dry cleaning can happen on sunday", "dry", { due: "2026-03-15" }),
  E("push the lisbon flights 3 days", "flights", { due: "2026-03-16" }),
  E("schedule call mom for this evening at 7", "mom", { due: "2026-03-11T19:00" }),
  E("the budget review is now on the 23rd at 9:30", "budget", { due: "2026-03-23T09:30" }),
  E("groceries → thursday", "groceries", { due: "2026-03-12" }),
  E("move the dentist a couple days later", "dentist", { due: "2026-03-20T14:00" }),
  E("push the dentist back 45 mins", "dentist", { due: "2026-03-18T14:45" }),
  E("make call mom due in a week", "mom", { due: "2026-03-18" }),

  // Reminders on a task.
  E("remind me about the flights on thursday at 7pm", "flights", { reminders: ["2026-03-12T19:00"] }),
  E("i want a reminder 2 days before the dentist", "dentist", { reminders: ["2026-03-16T14:00"] }),
  E("remind me about groceries in 2 hours", "groceries", { reminders: ["2026-03-11T13:00"] }),

  // Snooze (the vet pick-up's reminder went off yesterday evening).
  E("snooze the rex reminder till 4:45", "vet", { reminders: ["2026-03-11T16:45"] }),
  E("snooze rex three hours", "vet", { reminders: ["2026-03-11T14:00"] }),
  E("remind me about picking up rex again at noon", "vet", { reminders: ["2026-03-11T12:00"] }),
  E("snooze the vet till monday morning", "vet", { reminders: ["2026-03-16T09:00"] }),
  E("snooze rex another 25 min", "vet", { reminders: ["2026-03-11T11:25"] }),
  E(["overdue stuff pls", "snooze the vet one an hour"], "vet", { reminders: ["2026-03-11T12:00"] }),

  // Priorities said in other ways.
  E("the dry cleaning can be low priority", "dry", { priority: "low" }),
  E("passport back to regular priority", "passport", { priority: "medium" }),
  E("mark rent as p1", "rent", { priority: "urgent" }),
  E("up the priority on groceries", "groceries", { priority: "high" }),
  E("the budget review is really urgent", "budget", { priority: "urgent" }),

  // Labels on a task.
  E("add errands to the dry cleaning tags", "dry", { tags: ["errands"] }),
  E("tag the dentist appointment as finance too", "dentist", { tags: ["health", "finance"] }),
  E("call mom is a home thing", "mom", { category: "Home" }),
  E("get rid of the errands tag on groceries", "groceries", { tags: [] }),
  E("take the budget review out of work", "budget", { category: null }),
  E("label the flights #travel", "flights", { tags: ["travel"] }, { newTags: ["travel"] }),

  // Renaming tags and categories, and new labels.
  L("can the errands label be called shopping instead", { goneTags: ["errands"], newTags: ["shopping"], edit: { groceries: { tags: ["shopping"] } } }),
  L("change the name of my work category to job", { goneCategories: ["Work"], newCategories: ["job"], edit: { expense: { category: "job" }, standup: { category: "job" }, budget: { category: "job" } } }),
  L("health tag should be wellness from now on", { goneTags: ["health"], newTags: ["wellness"], edit: { dentist: { tags: ["wellness"] } } }),
  L("rename my Home list to Personal", { goneCategories: ["Home"], newCategories: ["Personal"], edit: { dry: { category: "Personal" }, rent: { category: "Personal" }, groceries: { category: "Personal" } } }),
  L("add a new label called reading", { newTags: ["reading"] }),
  L("make a project for wedding planning", { newCategories: ["wedding planning"] }),

  // Completing, reopening and deleting.
  C("the flights are done and dusted", "flights"),
  C("groceries are bought", "groceries"),
  R("un-tick the expense report", "expense"),
  R("turns out the expense report needs redoing", "expense"),
  D("toss the dry cleaning task", "dry"),
  D("pls delete the thing about lisbon", "flights"),
  D(["what's due friday", "scrap it"], "flights"),

  // Undo: the last change of the conversation.
  N(["delete the call mom task", "oh no, undo!!"]),
  N(["rename errands tag to shops", "hmm undo that"]),
  E(["make the dentist low", "tag the dentist finance", "undo"], "dentist", { priority: "low" }),
  N(["skip the next rent", "undo that"]),
  N(["snooze rex 30 min", "revert"]),
  N(["lower everything overdue to low priority", "scratch that"]),
  N(["add pick up stamps", "nah forget it, undo"]),

  // Questions.
  Q("what do i have on monday", "list_tasks", { due_on: "2026-03-16" }),
  Q("any p1s?", "list_tasks", { priorities: ["urgent"] }),
  Q("what's in errands", "list_tasks", { tags: ["errands"] }),
  Q("what've i got over the next 5 days", "get_upcoming_tasks", { days: 5 }),
  Q("find anything with budget in the name", "search_tasks", { query: "budget" }),
  Q("list stuff i've already done", "list_tasks", { status: "done" }),
  Q("whats due this coming week", "list_tasks", { due: "next7" }),
  Q("show low and medium priority stuff", "list_tasks", { priorities: ["low", "medium"] }),
  Q("any tasks tagged health or finance", "list_tasks", { tags: ["health", "finance"] }),
  Q("do i have a task for the passport", "search_tasks", { query: "passport" }),
  Q("show me everything thats late", "get_overdue_tasks"),
];
