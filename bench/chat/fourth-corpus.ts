// The fourth batch (session 6), written after batch 3's tuning and before any tuning on it, to measure the
// interpreter as it stands on words it has never seen: every operation again, typed the way people type.
// Same seeded user and clock as the other batches (Wednesday 2026-03-11 11:00 America/New_York); case i is
// in fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

const EVERY_OTHER_WEEKDAY = "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR";

export const FOURTH_CORPUS: EffectCase[] = [
  A("add get the car washed sunday", { title: "get the car washed", due: "2026-03-15" }),
  A("add send mum flowers on the 22nd #family", { title: "send mum flowers", due: "2026-03-22", tags: ["family"] }, { newTags: ["family"] }),
  A("new todo: book hotel for the conference, high priority", { title: "book hotel for the conference", priority: "high" }),
  A("add lunch with dan at 1", { title: "lunch with dan", due: "2026-03-11T13:00" }),
  A("add finish the slides by thursday at 5", { title: "finish the slides", due: "2026-03-12T17:00" }),
  A("add return the parcel in work", { title: "return the parcel", category: "Work" }),
  A("add pay council tax urgent tomorrow", { title: "pay council tax", priority: "urgent", due: "2026-03-12" }),
  A("i should call the optician", { title: "call the optician" }),
  A("add renew the insurance before april 10", { title: "renew the insurance", due: "2026-04-10" }),
  A("add order contacts in 2 weeks", { title: "order contacts", due: "2026-03-25" }),

  A("remind me to defrost the chicken at 5", { title: "defrost the chicken", due: "2026-03-11T17:00", reminders: ["2026-03-11T17:00"] }),
  A("remind me tomorrow at 9 to ring the school", { title: "ring the school", due: "2026-03-12T09:00", reminders: ["2026-03-12T09:00"] }),
  A("add vet appointment for luna friday 10am, remind me an hour before", { title: "vet appointment for luna", due: "2026-03-13T10:00", reminders: ["2026-03-13T09:00"] }),
  A("remind me in 20 mins to check the oven", { title: "check the oven", due: "2026-03-11T11:20", reminders: ["2026-03-11T11:20"] }),

  A("add pay the cleaner on the 15th of every other month", { title: "pay the cleaner", due: "2026-03-15", rule: "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15" }),
  A("add walk every other weekday at 7am", { title: "walk", due: "2026-03-12T07:00", rule: EVERY_OTHER_WEEKDAY }),
  A("add send the invoice the last friday of every month", { title: "send the invoice", due: "2026-03-27", rule: "FREQ=MONTHLY;BYDAY=-1FR" }),
  A("add take out the bins every monday evening at 8", { title: "take out the bins", due: "2026-03-16T20:00", rule: "FREQ=WEEKLY;BYDAY=MO" }),
  A("add clean the oven every 2 months", { title: "clean the oven", due: "2026-03-11", rule: "FREQ=MONTHLY;INTERVAL=2" }),
  A("add team standup prep every weekday at 9", { title: "team standup prep", due: "2026-03-12T09:00", rule: WEEKDAYS }),
  A("add water the lawn every saturday and sunday", { title: "water the lawn", due: "2026-03-14", rule: "FREQ=WEEKLY;BYDAY=SA,SU" }),
  A("add book review on the 2nd tuesday of every month", { title: "book review", due: "2026-04-14", rule: "FREQ=MONTHLY;BYDAY=2TU" }),

  E("rename the dentist appointment to dentist cleaning and checkup", "dentist", { title: "dentist cleaning and checkup" }),
  E("change the name of call mom to phone mom", "mom", { title: "phone mom" }),
  E(["show me the standup", "rename it to daily sync"], "standup", { title: "daily sync" }),
  E("book flights should be called book flights and hotel", "flights", { title: "book flights and hotel" }),

  C("finished groceries", "groceries"),
  C("passport sorted", "passport"),
  C(["find dry cleaning", "done"], "dry"),
  R("i need to redo the expense report", "expense"),
  N(["complete the dentist appointment", "no that was a mistake"]),

  D("delete flights", "flights"),
  D("remove the dentist thing", "dentist"),
  D(["what's overdue", "delete the passport one"], "passport"),
  D("i don't need the budget review any more, delete it", "budget"),

  E(["find call mom", "do it on friday"], "mom", { due: "2026-03-13" }),
  E(["search budget", "move it to the 25th at 3"], "budget", { due: "2026-03-25T15:00" }),
  E("change the dentist to 10:30", "dentist", { due: "2026-03-18T10:30" }),
  E("dry cleaning on saturday instead", "dry", { due: "2026-03-14" }),
  E("push the budget review to next week", "budget", { due: "2026-03-16T10:00" }),
  E("postpone passport by a week", "passport", { due: "2026-03-09" }),

  A(["add call the electrician at 3", "actually 4"], { title: "call the electrician", due: "2026-03-11T16:00" }),
  A(["add haircut next tuesday", "wait, wednesday"], { title: "haircut", due: "2026-03-18" }),
  E(["make groceries urgent", "actually just high"], "groceries", { priority: "high" }),
  A(["add pick up the dry cleaning tomorrow", "sorry, make that friday at 5"], { title: "pick up the dry cleaning", due: "2026-03-13T17:00" }),

  E("skip this monday's standup", "standup", { due: "2026-03-23T09:30" }),
  E("no rent next month", "rent", { due: "2026-05-01" }),
  E("move the standup on the 16th to 2pm", "standup", { due: "2026-03-16T14:00" }),
  E("standup on monday is moved to tuesday", "standup", { due: "2026-03-17T09:30" }),

  E("snooze rex for an hour", "vet", { reminders: ["2026-03-11T12:00"] }),
  E("snooze the vet reminder till tomorrow morning", "vet", { reminders: ["2026-03-12T09:00"] }),
  E("remind me again about the vet in 10 minutes", "vet", { reminders: ["2026-03-11T11:10"] }),

  N(["move the dentist to friday", "wait undo that"]),
  N(["add buy bread", "scratch that"]),

  Q("show me whats tagged health", "list_tasks", { tags: ["health"] }),
  Q("list home stuff", "list_tasks", { category: "Home" }),
  Q("find dry cleaning", "search_tasks", { query: "dry cleaning" }),
  Q("what's coming up in the next 2 weeks", "get_upcoming_tasks", { days: 14 }),
  Q("show overdue stuff", "get_overdue_tasks"),
  Q("high priority stuff", "list_tasks", { priorities: ["high"] }),

  E("make the budget review top priority", "budget", { priority: "urgent" }),
  E("tag groceries with weekly", "groceries", { tags: ["errands", "weekly"] }, { newTags: ["weekly"] }),
  E("take the health tag off the dentist appointment", "dentist", { tags: [] }),
  E("put call mom in the home category", "mom", { category: "Home" }),
  E("remind me about the standup 5 minutes before", "standup", { reminders: ["2026-03-16T09:25"] }),
  E("make book flights repeat every year", "flights", { rule: "FREQ=YEARLY" }),
  E("the standup doesnt repeat anymore", "standup", { rule: null }),
  E("add a note to groceries: oat milk, eggs, bread", "groceries", { description: "oat milk, eggs, bread" }),
  L("create a category called health", { newCategories: ["health"] }),
];
