// The seventh batch (session 10), written after batch 6's tuning and before any tuning on it, without reading
// the interpreter: everyday requests as Todoist/TickTick/ChatGPT users type them — "asap", "eod", TickTick's
// "!high", "@ 4:15pm", "w/", typos that keep a word's first and last letter ("moev", "satruday"), follow-ups that
// are only the new value ("no, friday", "5pm", "i meant errands"), bulk changes after a list ("move them all to
// monday", "give them all till friday", "make those high priority"), a time on the task's own day ("remind me at 8
// that morning", "the day before at 5pm", "the night before at 9"), "undo" when nothing was changed in this
// conversation (nothing to undo: the data stays as it was), snoozing, one occurrence of a series, repetitions
// RRULE can say ("on the 20th every month", "2nd tuesday of each month", "every 6 months starting sept 1"),
// and list/search questions. Same seeded user and clock as the other batches (Wednesday 2026-03-11 11:00
// America/New_York); case i is in fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

export const SEVENTH_CORPUS: EffectCase[] = [
  // Adding, with dates, times, priorities and labels.
  A("add renew car insurance asap", { title: "renew car insurance", priority: "urgent" }),
  A("add submit my timesheet by eod", { title: "submit my timesheet", due: "2026-03-11" }),
  A("add dentist for the kids on 3/27", { title: "dentist for the kids", due: "2026-03-27" }),
  A("add pick up the suit from the tailor sat at 11", { title: "pick up the suit from the tailor", due: "2026-03-14T11:00" }),
  A("add call the vet about rex's shots next tuesday", { title: "call the vet about rex's shots", due: "2026-03-17" }),
  A("add draft the newsletter !high", { title: "draft the newsletter", priority: "high" }),
  A("add sign up for the 10k run in 3 weeks", { title: "sign up for the 10k run", due: "2026-04-01" }),
  A("add cancel the gym membership, due mar 15", { title: "cancel the gym membership", due: "2026-03-15" }),
  A("add prep the board slides p2", { title: "prep the board slides", priority: "high" }),
  A("add get a birthday present for mia under home", { title: "get a birthday present for mia", category: "Home" }),
  A("add look into new phone plans #someday", { title: "look into new phone plans", tags: ["someday"] }, { newTags: ["someday"] }),
  A("can you add a task to fix the leaky tap on saturday morning", { title: "fix the leaky tap", due: "2026-03-14T09:00" }),
  A("add hair appt 3/19 @ 4:15pm", { title: "hair appt", due: "2026-03-19T16:15" }),
  A("add order printer ink, low prio", { title: "order printer ink", priority: "low" }),
  A("i have to renew my library card this friday", { title: "renew my library card", due: "2026-03-13" }),
  A("add ask ben about the keys at 5", { title: "ask ben about the keys", due: "2026-03-11T17:00" }),
  A("add a task: pick up prescriptions, tomorrow 8:30am, tag health", { title: "pick up prescriptions", due: "2026-03-12T08:30", tags: ["health"] }),
  A("add call uncle joe in work, high priority", { title: "call uncle joe", category: "Work", priority: "high" }),
  A("need to renew the car registration asap #errands", { title: "renew the car registration", priority: "urgent", tags: ["errands"] }),
  A("remdin me to call the plumber tomorow at 10", { title: "call the plumber", due: "2026-03-12T10:00", reminders: ["2026-03-12T10:00"] }),
  A("add pay the gas bill on the 24th, remind me the day before at 5pm", { title: "pay the gas bill", due: "2026-03-24", reminders: ["2026-03-23T17:00"] }),
  A("remind me to move the car at 7:45 tmrw morning", { title: "move the car", due: "2026-03-12T07:45", reminders: ["2026-03-12T07:45"] }),
  A("add book tickets for the gallery asap, its the last week", { title: "book tickets for the gallery", priority: "urgent" }),

  // Follow-ups to a new task, and corrections that are only the new value.
  A(["add call the landlord tomorrow", "no, friday"], { title: "call the landlord", due: "2026-03-13" }),
  A(["remind me to take the pizza out at 6", "no, 6:30"], { title: "take the pizza out", due: "2026-03-11T18:30", reminders: ["2026-03-11T18:30"] }),
  A(["add haircut thursday at 10", "i meant friday"], { title: "haircut", due: "2026-03-13T10:00" }),
  A(["add order new running shoes", "make that urgent"], { title: "order new running shoes", priority: "urgent" }),
  A(["add call the accountant", "due next monday"], { title: "call the accountant", due: "2026-03-16" }),
  A(["add pay the babysitter friday", "5pm"], { title: "pay the babysitter", due: "2026-03-13T17:00" }),
  A(["new task renew the museum membership", "label it family"], { title: "renew the museum membership", tags: ["family"] }, { newTags: ["family"] }),
  A(["add plan the garden in work", "no, home"], { title: "plan the garden", category: "Home" }),
  A(["add send the invoice to dave at 3", "no 4"], { title: "send the invoice to dave", due: "2026-03-11T16:00" }),
  A(["add book the vet for rex", "on the 20th", "at 10am"], { title: "book the vet for rex", due: "2026-03-20T10:00" }),
  A(["add fix the gate", "high priority", "and due saturday"], { title: "fix the gate", priority: "high", due: "2026-03-14" }),
  A(["remind me to call the school tomorrow at 9", "8:45 instead"], { title: "call the school", due: "2026-03-12T08:45", reminders: ["2026-03-12T08:45"] }),
  A(["add job interview friday at 2pm", "remind me at 8 that morning"], { title: "job interview", due: "2026-03-13T14:00", reminders: ["2026-03-13T08:00"] }),
  A(["add buy a plunger tagged health", "sorry i meant errands"], { title: "buy a plunger", tags: ["errands"] }),
  E(["move the dentist to thursday", "no, the 26th"], "dentist", { due: "2026-03-26T14:00" }),
  E(["rename call mom to call grandma", "no, call grandpa"], "mom", { title: "call grandpa" }),
  E(["set the budget review to high priority", "no, urgent"], "budget", { priority: "urgent" }),
  E(["tag the dentist with finance", "i meant errands"], "dentist", { tags: ["errands", "health"] }),
  E(["push groceries to tmrw", "hmm no, saturday"], "groceries", { due: "2026-03-14" }),
  E(["move the budget review to thursday", "make that 2pm"], "budget", { due: "2026-03-19T14:00" }),

  // A task the conversation is about.
  E(["whats due friday", "move it to monday"], "flights", { due: "2026-03-16" }),
  C(["got anything with dentist in it", "ok mark that done"], "dentist"),
  E(["look for call mom", "make it due sunday at 2"], "mom", { due: "2026-03-15T14:00" }),
  E(["open passport", "bump it to p3"], "passport", { priority: "medium" }),
  E(["find the rent task", "add a note: autopay from checking"], "rent", { description: "autopay from checking" }),
  D(["search for lisbon", "get rid of it"], "flights"),
  E(["open dry cleaning", "tag it errands and move it to friday"], "dry", { tags: ["errands"], due: "2026-03-13" }),
  E(["whats on for today", "push it to tmrw"], "groceries", { due: "2026-03-12" }),
  C(["what do i have tomorrow", "thats done already"], "dry"),
  E(["open the dentist appointment", "remind me at 8 that morning"], "dentist", { reminders: ["2026-03-18T08:00"] }),
  E(["pull up the budget review", "it's more like a p1"], "budget", { priority: "urgent" }),

  // Many tasks at once, after a list.
  L(["what's overdue?", "move them all to monday"], { edit: { passport: { due: "2026-03-16" }, vet: { due: "2026-03-16T18:00" } } }),
  L(["any overdue tasks?", "give them all till friday"], { edit: { passport: { due: "2026-03-13" }, vet: { due: "2026-03-13T18:00" } } }),
  L(["whats overdue", "make those high priority"], { edit: { passport: { priority: "high" }, vet: { priority: "high" } } }),
  L(["show me what's due in the next 3 days", "move them all to next week"], { edit: { groceries: { due: "2026-03-16" }, dry: { due: "2026-03-16" }, flights: { due: "2026-03-16" } } }),
  L(["list high priority stuff", "set all of them to low"], { edit: { dentist: { priority: "low" } } }),
  L(["show my urgent tasks", "make them all due tomorrow"], { edit: { passport: { due: "2026-03-12" } } }),
  L(["what's overdue", "delete all of them"], { edit: { passport: { deleted: true }, vet: { deleted: true } } }),
  L(["whats late", "those can all wait until next wednesday"], { edit: { passport: { due: "2026-03-18" }, vet: { due: "2026-03-18T18:00" } } }),
  L("move everything overdue to sat", { edit: { passport: { due: "2026-03-14" }, vet: { due: "2026-03-14T18:00" } } }),

  // A reminder at a time on the task's own day, or the day before.
  E("remind me about the flights the day before at 6pm", "flights", { reminders: ["2026-03-12T18:00"] }),
  E("set a reminder for the budget review at 7am that day", "budget", { reminders: ["2026-03-20T07:00"] }),
  E("ping me the night before the dentist at 9", "dentist", { reminders: ["2026-03-17T21:00"] }),
  E("remind me about standup at 9 that morning", "standup", { reminders: ["2026-03-16T09:00"] }),

  // Undo: with nothing changed in this conversation there is nothing to undo.
  N("undo"),
  N("undo the last thing i did"),
  N(["whats overdue", "undo"]),
  N(["move all overdue tasks to friday", "undo"]),
  N(["whats overdue", "move them to saturday", "undo that"]),
  N(["mark call mom done", "nvm undo"]),
  N(["delete dry cleaning", "ugh undo"]),
  N(["make the dentist urgent", "put it back how it was"]),

  // Snooze (the vet pick-up's reminder went off yesterday evening).
  E("snooze rex 15 min", "vet", { reminders: ["2026-03-11T11:15"] }),
  E("snooze the rex reminder until 3", "vet", { reminders: ["2026-03-11T15:00"] }),
  E("remind me about the vet thing again in half an hour", "vet", { reminders: ["2026-03-11T11:30"] }),
  E("snooze vet till tmrw 8am", "vet", { reminders: ["2026-03-12T08:00"] }),
  E("hit snooze on the vet reminder for 2 hours", "vet", { reminders: ["2026-03-11T13:00"] }),

  // One occurrence of a series.
  E("i'll skip standup monday", "standup", { due: "2026-03-23T09:30" }),
  E("push the april rent to the 3rd", "rent", { due: "2026-04-03" }),
  E("skip the standup once", "standup", { due: "2026-03-23T09:30" }),
  E("move just the next rent payment to april 2", "rent", { due: "2026-04-02" }),
  E("standup's on tuesday this week", "standup", { due: "2026-03-17T09:30" }),
  E("standup next monday at 10 instead", "standup", { due: "2026-03-16T10:00" }),
  E("pass on the rent for april", "rent", { due: "2026-05-01" }),

  // Adding with repetition.
  A("add pay credit card bill on the 20th every month", { title: "pay credit card bill", due: "2026-03-20", rule: "FREQ=MONTHLY;BYMONTHDAY=20" }),
  A("add team retro every other thursday at 2pm", { title: "team retro", due: "2026-03-12T14:00", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" }),
  A("add check the smoke alarms every 6 months", { title: "check the smoke alarms", due: "2026-03-11", rule: "FREQ=MONTHLY;INTERVAL=6" }),
  A("add moms birthday every year on 7/14", { title: "moms birthday", due: "2026-07-14", rule: "FREQ=YEARLY" }),
  A("add piano lesson tuesdays and thursdays at 4:30", { title: "piano lesson", due: "2026-03-12T16:30", rule: "FREQ=WEEKLY;BYDAY=TU,TH" }),
  A("add call the bank on the last friday of every month", { title: "call the bank", due: "2026-03-27", rule: "FREQ=MONTHLY;BYDAY=-1FR" }),
  A("add dentist cleaning every 6 months starting sept 1", { title: "dentist cleaning", due: "2026-09-01", rule: "FREQ=MONTHLY;INTERVAL=6" }),
  A("add update the budget sheet every weekday morning at 8:30", { title: "update the budget sheet", due: "2026-03-12T08:30", rule: WEEKDAYS }),
  A("add book club 2nd tuesday of each month at 7pm", { title: "book club", due: "2026-04-14T19:00", rule: "FREQ=MONTHLY;BYDAY=2TU" }),
  A("remind me to take my meds every day at 9pm", { title: "take my meds", due: "2026-03-11T21:00", rule: "FREQ=DAILY", reminders: ["2026-03-11T21:00"] }),

  // Repetition of a task that exists.
  E("make the dentist repeat every 6 months", "dentist", { rule: "FREQ=MONTHLY;INTERVAL=6" }),
  E("have call mom recur every sunday", "mom", { rule: "FREQ=WEEKLY;BYDAY=SU", due: "2026-03-15" }),
  E("standup is every tuesday and thursday from now on", "standup", { rule: "FREQ=WEEKLY;BYDAY=TU,TH" }),
  E("no more repeating for rent", "rent", { rule: null }),

  // Renaming, moving and other changes to one task.
  E("rename groceries to weekly shop", "groceries", { title: "weekly shop" }),
  E("change dentist appt to dentist - cleaning", "dentist", { title: "dentist - cleaning" }),
  E("the passport one should say renew passport + visa", "passport", { title: "renew passport + visa" }),
  E("push flights back 2 days", "flights", { due: "2026-03-15" }),
  E("pull the budget review in to wed", "budget", { due: "2026-03-18T10:00" }),
  E("dentist moved to 3:30", "dentist", { due: "2026-03-18T15:30" }),
  E("move the dentist to the same time on friday", "dentist", { due: "2026-03-20T14:00" }),
  E("dentist isnt that important, make it low", "dentist", { priority: "low" }),
  E("dry cleaning p4", "dry", { priority: "low" }),
  E("tag dentist w/ errands", "dentist", { tags: ["errands", "health"] }),
  E("add to the dentist notes: ask about whitening", "dentist", { description: "ask about whitening" }),
  E("put rex pickup at 5:30 today", "vet", { due: "2026-03-11T17:30" }),
  E("moev groceries to satruday", "groceries", { due: "2026-03-14" }),
  E("set the dentsit appt to low prioirty", "dentist", { priority: "low" }),
  E("resechdule dry claening to monday", "dry", { due: "2026-03-16" }),

  // Completing and reopening.
  C("budget review: done", "budget"),
  C("called mom", "mom"),
  C("renewed my passport!", "passport"),
  E("got rex from the vet", "vet", { done: true, reminders: [] }),
  C("compelte the budget reveiw", "budget"),
  R("the expense report came back with questions, mark it not done", "expense"),

  // Deleting.
  D("scrap the dry cleaning task", "dry"),
  D("ditch the call mom task", "mom"),
  D(["whats tagged errands", "delete it"], "groceries"),
  D("delte the passport task", "passport"),

  // Labels.
  L("new tag called waiting-for", { newTags: ["waiting-for"] }),
  L("rename the errands tag to shopping", { goneTags: ["errands"], newTags: ["shopping"], edit: { groceries: { tags: ["shopping"] } } }),
  L("i dont use the health tag anymore, delete it", { goneTags: ["health"], edit: { dentist: { tags: [] } } }),

  // Questions.
  Q("anything overdue in home?", "list_tasks", { due: "overdue", category: "Home" }),
  Q("whats due this wk", "list_tasks", { due: "next7" }),
  Q("show p1 tasks", "list_tasks", { priorities: ["urgent"] }),
  Q("any errands?", "list_tasks", { tags: ["errands"] }),
  Q("search for anything mentioning lisbon", "search_tasks", { query: "lisbon" }),
  Q("whats on the agenda for the next 10 days", "get_upcoming_tasks", { days: 10 }),
  Q("show me low prio stuff", "list_tasks", { priorities: ["low"] }),
  Q("which home tasks are due this week", "list_tasks", { category: "Home", due: "next7" }),
  Q("what's undated", "list_tasks", { due: "none" }),
  Q("is there a task about the lease", "search_tasks", { query: "lease" }),
  Q("high prio work stuff", "list_tasks", { category: "Work", priorities: ["high"] }),
  Q("show urgent + high", "list_tasks", { priorities: ["urgent", "high"] }),
];
