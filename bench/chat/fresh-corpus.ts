// The second batch of everyday requests (session 5), written before the interpreter was tuned on any
// of them, the way people type to an assistant: relative changes ("push it back a day", "lower the
// priority"), a weekday said on that weekday (Wednesday: next week's), typos, synonyms, other word
// orders, pronouns, corrections, snooze and undo. Same seeded user and clock as the first batch
// (Wednesday 2026-03-11 11:00 America/New_York); folds are counted within this batch (case i is in
// fold i % FOLDS), so a fold held out here was never seen while tuning.
import { A, C, D, E, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

export const FRESH_CORPUS: EffectCase[] = [
  // Relative priority: one step up or down from where the task is.
  E("lower the priority on budget review", "budget", { priority: "low" }),
  E("bump up the priority of call mom", "mom", { priority: "high" }),
  E("the dentist is less important now", "dentist", { priority: "medium" }),
  E("raise priority for dry cleaning", "dry", { priority: "high" }),
  E("decrease passport priority", "passport", { priority: "high" }),
  E(["find the groceries task", "bump it up"], "groceries", { priority: "high" }),
  E("make book flights a bit more important", "flights", { priority: "high" }),
  E("knock the dentist appointment down a notch", "dentist", { priority: "medium" }),
  E("deprioritise the standup", "standup", { priority: "low" }),
  E("can u make call mom less urgent", "mom", { priority: "low" }),

  // Relative dates: from the task's own due date.
  E("push the budget review back a week", "budget", { due: "2026-03-27T10:00" }),
  E("move dry cleaning a day later", "dry", { due: "2026-03-13" }),
  E("move book flights 2 days earlier", "flights", { due: "2026-03-11" }),
  E("delay the dentist by an hour", "dentist", { due: "2026-03-18T15:00" }),
  E("postpone groceries by two days", "groceries", { due: "2026-03-13" }),
  E("bring the budget review forward a day", "budget", { due: "2026-03-19T10:00" }),
  E("push flights out a week", "flights", { due: "2026-03-20" }),
  E("dentist 30 mins later pls", "dentist", { due: "2026-03-18T14:30" }),
  E(["show me dry cleaning", "push it back a day"], "dry", { due: "2026-03-13" }),
  E(["look up the budget review", "move it a week later"], "budget", { due: "2026-03-27T10:00" }),
  E("can you push the passport renewal out by 3 days", "passport", { due: "2026-03-05" }),
  E("move groceries to the day after tomorrow", "groceries", { due: "2026-03-13" }),
  E("shift the dentist appointment one day earlier", "dentist", { due: "2026-03-17T14:00" }),

  // A weekday said on that weekday (it is Wednesday): next week's.
  E("move call mom to wednesday", "mom", { due: "2026-03-18" }),
  A("add team sync on wednesday at 2pm", { title: "team sync", due: "2026-03-18T14:00" }),
  E("reschedule dry cleaning for wednesday", "dry", { due: "2026-03-18" }),
  A("remind me to water the ferns wednesday at 6pm", { title: "water the ferns", due: "2026-03-18T18:00", reminders: ["2026-03-18T18:00"] }),
  E("book flights is due wednesday", "flights", { due: "2026-03-18" }),

  // Typos.
  D("delet the dry cleaning task", "dry"),
  C("complet call mom", "mom"),
  A("remmind me to buy batteries tomorow at 6pm", { title: "buy batteries", due: "2026-03-12T18:00", reminders: ["2026-03-12T18:00"] }),
  E("reanme call mom to call mom back", "mom", { title: "call mom back" }),
  E("move the dentsit appointment to friday", "dentist", { due: "2026-03-13T14:00" }),
  E("chnage groceries priority to urgent", "groceries", { priority: "urgent" }),
  A("add pick up dry cleaning on firday", { title: "pick up dry cleaning", due: "2026-03-13" }),
  C("mark the passprot task done", "passport"),
  E("set call mom to hgih priority", "mom", { priority: "high" }),

  // Synonyms.
  D("bin the groceries task", "groceries"),
  D("kill the standup task", "standup"),
  C("tick off the dry cleaning", "dry"),
  C("strike call mom off my list", "mom"),
  E("relabel book flights as book flights to rome", "flights", { title: "book flights to rome" }),
  A("stick buy lightbulbs on my list", { title: "buy lightbulbs" }),
  A("note to self: renew the parking permit", { title: "renew the parking permit" }),
  D("get rid of that budget review", "budget"),
  C("wrapped up the budget review", "budget"),
  E("flag the dry cleaning as urgent", "dry", { priority: "urgent" }),
  R("bring back the expense report", "expense"),
  D("clear out the passport task", "passport"),

  // Other word orders.
  E("dry cleaning - move to friday", "dry", { due: "2026-03-13" }),
  C("call mom: done", "mom"),
  E("the budget review, push it to monday", "budget", { due: "2026-03-16T10:00" }),
  A("tomorrow at 9am remind me to call the garage", { title: "call the garage", due: "2026-03-12T09:00", reminders: ["2026-03-12T09:00"] }),
  A("friday: submit expenses", { title: "submit expenses", due: "2026-03-13" }),
  E("high priority for the budget review", "budget", { priority: "high" }),
  C("dentist appointment — done!", "dentist"),
  E("groceries move to tomorrow", "groceries", { due: "2026-03-12" }),

  // Pronouns.
  A(["add renew car registration", "make it due on the 19th"], { title: "renew car registration", due: "2026-03-19" }),
  D(["find call mom", "actually just delete that"], "mom"),
  C(["show the dentist appointment", "that one's done"], "dentist"),
  A(["add buy a new kettle", "tag it home"], { title: "buy a new kettle", tags: ["home"] }, { newTags: ["home"] }),
  E(["search standup", "move it to 10am"], "standup", { due: "2026-03-16T10:00" }),
  A(["add call the dentist to reschedule", "remind me about it at 3pm"], { title: "call the dentist to reschedule", reminders: ["2026-03-11T15:00"] }),
  E(["anything about passport?", "push that to tomorrow"], "passport", { due: "2026-03-12" }),
  A(["add fix the leaky tap", "put it under home"], { title: "fix the leaky tap", category: "Home" }),
  E(["find the flights task", "rename it to book flights to tokyo"], "flights", { title: "book flights to tokyo" }),
  A(["add pay the water bill", "its due on the 28th"], { title: "pay the water bill", due: "2026-03-28" }),

  // Corrections.
  N(["i finished the budget review", "actually it's not done"]),
  A(["add haircut thursday at 4pm", "no, 5pm"], { title: "haircut", due: "2026-03-12T17:00" }),
  A(["add lunch with priya on friday", "actually make that saturday"], { title: "lunch with priya", due: "2026-03-14" }),
  E(["move the dentist appointment to monday", "sorry i meant tuesday"], "dentist", { due: "2026-03-17T14:00" }),
  A(["add buy paint low priority", "actually high priority"], { title: "buy paint", priority: "high" }),
  A(["add clean the gutters", "actually call it clean the gutters and drains"], { title: "clean the gutters and drains" }),
  N(["tick off call mom", "wait no, not done yet"]),
  A(["add dinner reservation tomorrow at 7", "actually 8"], { title: "dinner reservation", due: "2026-03-12T20:00" }),

  // Snooze: the vet pick-up's reminder went off yesterday evening.
  E("snooze the vet reminder for an hour", "vet", { reminders: ["2026-03-11T12:00"] }),
  E(["show me the vet task", "remind me again tomorrow morning"], "vet", { reminders: ["2026-03-12T09:00"] }),
  E("snooze pick up rex for 5 minutes", "vet", { reminders: ["2026-03-11T11:05"] }),
  E("snooze the reminder for rex until tomorrow", "vet", { reminders: ["2026-03-12T09:00"] }),
  E("remind me about the vet again in an hour", "vet", { reminders: ["2026-03-11T12:00"] }),
  E("snooze rex reminder till 3pm", "vet", { reminders: ["2026-03-11T15:00"] }),
  E("snooze the vet pickup for 2 hours", "vet", { reminders: ["2026-03-11T13:00"] }),

  // Undo: the conversation's last change is reverted (the data ends as it started).
  N(["mark call mom as done", "undo that"]),
  N(["move dry cleaning to friday", "undo my last change"]),
  N(["rename budget review to q1 budget", "undo"]),
  N(["delete the passport task", "undo that"]),
  N(["make the dentist low priority", "oops undo"]),
  N(["add buy milk", "undo that"]),
  N(["tag dry cleaning with errands", "revert that"]),
  N(["move call mom to saturday", "take that back"]),
  N(["complete the budget review", "undo the last change"]),
  E(["move dry cleaning to friday", "rename dry cleaning to laundry", "undo"], "dry", { due: "2026-03-13" }),

  // Repetition.
  A("add bins out every thursday night at 8", { title: "bins out", due: "2026-03-12T20:00", rule: "FREQ=WEEKLY;BYDAY=TH" }),
  A("add pay the cleaner every other friday", { title: "pay the cleaner", due: "2026-03-13", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR" }),
  A("add check smoke alarms every 6 months", { title: "check smoke alarms", due: "2026-03-11", rule: "FREQ=MONTHLY;INTERVAL=6" }),
  A("add submit invoices on the 1st and 15th of every month", { title: "submit invoices", due: "2026-03-15", rule: "FREQ=MONTHLY;BYMONTHDAY=1,15" }),
  A("add standup notes every weekday at 9:15", { title: "standup notes", due: "2026-03-12T09:15", rule: WEEKDAYS }),
  A("remind me to take my pills every morning at 8", { title: "take my pills", due: "2026-03-12T08:00", rule: "FREQ=DAILY", reminders: ["2026-03-12T08:00"] }),
  A("add water the orchid every 10 days", { title: "water the orchid", due: "2026-03-11", rule: "FREQ=DAILY;INTERVAL=10" }),

  // Questions.
  Q("anything overdue", "get_overdue_tasks"),
  Q("show me whats in work", "list_tasks", { category: "Work" }),
  Q("which tasks r tagged health", "list_tasks", { tags: ["health"] }),
  Q("look for anything about the vet", "search_tasks", { query: "vet" }),
  Q("what's urgent", "list_tasks", { priorities: ["urgent"] }),
  Q("show done tasks", "list_tasks", { status: "done" }),
  Q("whats coming up next week", "get_upcoming_tasks", { days: 7 }),
  Q("what have i got today", "list_tasks", { due: "today" }),

  // Adding.
  A("add get new tyres fitted next tuesday 8am", { title: "get new tyres fitted", due: "2026-03-17T08:00" }),
  A("need to book a vet appointment for luna", { title: "book a vet appointment for luna" }),
  A("add reply to the council letter by monday", { title: "reply to the council letter", due: "2026-03-16" }),
  A("add ask sam about the keys, low priority", { title: "ask sam about the keys", priority: "low" }),
  A("add order more printer ink to work", { title: "order more printer ink", category: "Work" }),
  A("add send birthday card to gran #family tomorrow", { title: "send birthday card to gran", tags: ["family"], due: "2026-03-12" }, { newTags: ["family"] }),
  A("add pay the window cleaner on the 20th", { title: "pay the window cleaner", due: "2026-03-20" }),
  A("add quick call with ben at 4:30", { title: "quick call with ben", due: "2026-03-11T16:30" }),

  // Completing, reopening, deleting.
  C("finally booked the flights", "flights"),
  C("dentist appt done", "dentist"),
  R("expense report needs more work, reopen it", "expense"),
  R("undo complete on expense report", "expense"),
  D("please remove call mom from my list", "mom"),
  D("wipe the budget review", "budget"),

  // Reminders, labels, occurrences.
  E("remind me about call mom at 7pm", "mom", { reminders: ["2026-03-11T19:00"] }),
  E("give me a heads up 20 minutes before the budget review", "budget", { reminders: ["2026-03-20T09:40"] }),
  E("stick the dry cleaning in work", "dry", { category: "Work" }),
  E("call mom belongs in home", "mom", { category: "Home" }),
  E("tag dentist appointment with errands", "dentist", { tags: ["errands", "health"] }),
  E("drop the finance tag from the budget review", "budget", { tags: [] }),
  E("no standup next week", "standup", { due: "2026-03-23T09:30" }),
  E("skip the standup on the 16th", "standup", { due: "2026-03-23T09:30" }),
  E("move monday's standup to 11am", "standup", { due: "2026-03-16T11:00" }),
];
