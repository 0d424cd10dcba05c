// The third batch of everyday requests (session 6), written before the interpreter was tuned on any of
// them and measured held out first: every operation the assistant has — adding with dates, times,
// priorities, labels, reminders and repetition ("on the 15th of every third month", "every other
// weekday", "last friday of the month"), renaming, completing and reopening, deleting, moving with
// pronouns, corrections, one occurrence of a series, snooze, undo, questions — typed the way people
// type: lower case, no quotes, typos, a bare hour ("at 4:30") meaning the sensible one. Same seeded
// user and clock as the other batches (Wednesday 2026-03-11 11:00 America/New_York); case i is in
// fold i % FOLDS of this batch.
import { A, C, D, E, L, N, Q, R, WEEKDAYS, type EffectCase } from "./effect-corpus";

const EVERY_OTHER_WEEKDAY = "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR";

export const THIRD_CORPUS: EffectCase[] = [
  // Adding, with dates, times, priorities and labels.
  A("add renew drivers licence next tuesday", { title: "renew drivers licence", due: "2026-03-17" }),
  A("add call the bank about the loan at 4:30", { title: "call the bank about the loan", due: "2026-03-11T16:30" }),
  A("new task email sarah the slides by friday noon", { title: "email sarah the slides", due: "2026-03-13T12:00" }),
  A("add book the car service for the 23rd, high priority", { title: "book the car service", due: "2026-03-23", priority: "high" }),
  A("add renew gym pass #health", { title: "renew gym pass", tags: ["health"] }),
  A("add order team lunch in work for thursday", { title: "order team lunch", category: "Work", due: "2026-03-12" }),
  A("add fix the shelf urgent", { title: "fix the shelf", priority: "urgent" }),
  A("i need to send the contract back to legal by monday 5pm", { title: "send the contract back to legal", due: "2026-03-16T17:00" }),
  A("add buy a gift for jess tagged family and birthday", { title: "buy a gift for jess", tags: ["family", "birthday"] }, { newTags: ["family", "birthday"] }),
  A("add clean out the shed to home, low priority", { title: "clean out the shed", category: "Home", priority: "low" }),
  A("add vaccinate the cat on april 2", { title: "vaccinate the cat", due: "2026-04-02" }),
  A("add call the plumber in 3 days", { title: "call the plumber", due: "2026-03-14" }),
  A("add pick up kids at 3", { title: "pick up kids", due: "2026-03-11T15:00" }),
  A("add submit the grant report on the 31st", { title: "submit the grant report", due: "2026-03-31" }),
  A("put buy new headphones on the list for saturday", { title: "buy new headphones", due: "2026-03-14" }),

  // Adding with a reminder.
  A("remind me to take the bins out tonight at 9", { title: "take the bins out", due: "2026-03-11T21:00", reminders: ["2026-03-11T21:00"] }),
  A("remind me in an hour to call the garage back", { title: "call the garage back", due: "2026-03-11T12:00", reminders: ["2026-03-11T12:00"] }),
  A("add team dinner friday 7pm and remind me 2 hours before", { title: "team dinner", due: "2026-03-13T19:00", reminders: ["2026-03-13T17:00"] }),
  A("remind me on monday at 10 to chase the invoice", { title: "chase the invoice", due: "2026-03-16T10:00", reminders: ["2026-03-16T10:00"] }),
  A("add parents evening thursday 6pm remind me 30 mins before", { title: "parents evening", due: "2026-03-12T18:00", reminders: ["2026-03-12T17:30"] }),
  A("dont let me forget to move the car tomorrow at 8am", { title: "move the car", due: "2026-03-12T08:00", reminders: ["2026-03-12T08:00"] }),

  // Adding with repetition.
  A("add pay the gardener on the 15th of every third month", { title: "pay the gardener", due: "2026-03-15", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15" }),
  A("add run 5k every other weekday", { title: "run 5k", due: "2026-03-11", rule: EVERY_OTHER_WEEKDAY }),
  A("add board meeting last friday of the month at 2pm", { title: "board meeting", due: "2026-03-27T14:00", rule: "FREQ=MONTHLY;BYDAY=-1FR" }),
  A("add water the herbs every 3 days", { title: "water the herbs", due: "2026-03-11", rule: "FREQ=DAILY;INTERVAL=3" }),
  A("add swimming lessons every tuesday and thursday at 5pm", { title: "swimming lessons", due: "2026-03-12T17:00", rule: "FREQ=WEEKLY;BYDAY=TU,TH" }),
  A("add pay the credit card bill monthly on the 28th", { title: "pay the credit card bill", due: "2026-03-28", rule: "FREQ=MONTHLY;BYMONTHDAY=28" }),
  A("add backup the nas every first sunday of the month", { title: "backup the nas", due: "2026-04-05", rule: "FREQ=MONTHLY;BYDAY=1SU" }),
  A("add anniversary dinner every year on june 12", { title: "anniversary dinner", due: "2026-06-12", rule: "FREQ=YEARLY" }),
  A("remind me to stretch every weekday at 3pm", { title: "stretch", due: "2026-03-11T15:00", rule: WEEKDAYS, reminders: ["2026-03-11T15:00"] }),
  A("add review the budget every 2 weeks on monday", { title: "review the budget", due: "2026-03-16", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO" }),
  A("add bins every wed night at 7", { title: "bins", due: "2026-03-11T19:00", rule: "FREQ=WEEKLY;BYDAY=WE" }),
  A("add check the boiler pressure on the 1st of every month", { title: "check the boiler pressure", due: "2026-04-01", rule: "FREQ=MONTHLY;BYMONTHDAY=1" }),
  A("add service the boiler every third month on the 20th", { title: "service the boiler", due: "2026-03-20", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20" }),
  A("add practice piano every other weekday at 6pm", { title: "practice piano", due: "2026-03-11T18:00", rule: EVERY_OTHER_WEEKDAY }),
  A("remind me to submit timesheets on the last friday of each month at 4pm", { title: "submit timesheets", due: "2026-03-27T16:00", rule: "FREQ=MONTHLY;BYDAY=-1FR", reminders: ["2026-03-27T16:00"] }),

  // Renaming.
  E("rename call mom to call mom about easter", "mom", { title: "call mom about easter" }),
  E("change dry cleaning to collect dry cleaning", "dry", { title: "collect dry cleaning" }),
  E("the flights task should say book flights to lisbon and porto", "flights", { title: "book flights to lisbon and porto" }),
  E("retitle passport to renew passport before the trip", "passport", { title: "renew passport before the trip" }),
  E("can you rename the budget review to budget review q2", "budget", { title: "budget review q2" }),
  E(["find the groceries task", "call it weekly shop"], "groceries", { title: "weekly shop" }),

  // Completing and reopening.
  C("groceries done", "groceries"),
  C("i've booked the flights", "flights"),
  C("mark call mom complete", "mom"),
  C("just finished the dry cleaning", "dry"),
  C(["show me the passport task", "i did it"], "passport"),
  R("oh the expense report still isnt finished", "expense"),
  R("mark expense report as open again", "expense"),
  N(["tick off dry cleaning", "no wait it isnt done"]),

  // Deleting.
  D("delete the vet task", "vet"),
  D("remove pay rent from my tasks", "rent"),
  D("get rid of groceries", "groceries"),
  D("can u delete the passport one", "passport"),
  D(["look up call mom", "bin it"], "mom"),
  D("i dont need to call mom anymore", "mom"),

  // Moving, with pronouns.
  A(["add book a haircut", "move it to friday"], { title: "book a haircut", due: "2026-03-13" }),
  E(["find the dentist appointment", "move it to next monday at 9"], "dentist", { due: "2026-03-16T09:00" }),
  E(["show me call mom", "put it on saturday"], "mom", { due: "2026-03-14" }),
  E(["search flights", "can you move that to the 20th"], "flights", { due: "2026-03-20" }),
  E(["open the budget review", "push it to thursday next week"], "budget", { due: "2026-03-19T10:00" }),
  E("move the dentist appointment to 4:30", "dentist", { due: "2026-03-18T16:30" }),
  E("reschedule call mom for tomorrow at 6", "mom", { due: "2026-03-12T18:00" }),
  E("dry cleaning can wait until next week", "dry", { due: "2026-03-16" }),
  E("move the budget review up by 2 days", "budget", { due: "2026-03-18T10:00" }),
  E("give me one more day for dry cleaning", "dry", { due: "2026-03-13" }),

  // Corrections.
  A(["add coffee with tom tomorrow at 10am", "actually make it 11"], { title: "coffee with tom", due: "2026-03-12T11:00" }),
  A(["remind me to call the vet at 2pm", "no sorry 2:30"], { title: "call the vet", due: "2026-03-11T14:30", reminders: ["2026-03-11T14:30"] }),
  E(["move groceries to thursday", "actually friday"], "groceries", { due: "2026-03-13" }),
  A(["add buy tiles in home", "actually put it in work"], { title: "buy tiles", category: "Work" }),
  A(["add take the recycling out", "oh and make it high priority"], { title: "take the recycling out", priority: "high" }),
  E(["rename dry cleaning to laundry", "actually call it pick up laundry"], "dry", { title: "pick up laundry" }),
  A(["add plan the party for saturday", "no wait, sunday at 3pm"], { title: "plan the party", due: "2026-03-15T15:00" }),

  // One occurrence of a series.
  E("skip standup next monday", "standup", { due: "2026-03-23T09:30" }),
  E("we dont have standup on the 16th", "standup", { due: "2026-03-23T09:30" }),
  E("skip the april rent payment", "rent", { due: "2026-05-01" }),
  E("move the standup on monday to 11", "standup", { due: "2026-03-16T11:00" }),
  E("push next week's standup to wednesday", "standup", { due: "2026-03-18T09:30" }),
  E("skip the next standup", "standup", { due: "2026-03-23T09:30" }),
  E("move april's rent to april 3", "rent", { due: "2026-04-03" }),

  // Snooze (the vet pick-up's reminder went off yesterday evening).
  E("snooze the rex reminder 15 min", "vet", { reminders: ["2026-03-11T11:15"] }),
  E("snooze the vet one until 4pm", "vet", { reminders: ["2026-03-11T16:00"] }),
  E(["show the vet task", "snooze it for half an hour"], "vet", { reminders: ["2026-03-11T11:30"] }),
  E("remind me about rex again in 2 hours", "vet", { reminders: ["2026-03-11T13:00"] }),
  E("snooze pick up rex till tomorrow at 8am", "vet", { reminders: ["2026-03-12T08:00"] }),

  // Undo.
  N(["get rid of the groceries task", "put it back"]),
  N(["make call mom urgent", "undo that change"]),
  N(["move the budget review to monday", "never mind, change it back"]),
  N(["rename the standup to team sync", "revert"]),
  N(["tick off groceries", "oops, undo"]),

  // Questions.
  Q("show me everything in home", "list_tasks", { category: "Home" }),
  Q("anything tagged finance?", "list_tasks", { tags: ["finance"] }),
  Q("search for rent", "search_tasks", { query: "rent" }),
  Q("whats late", "get_overdue_tasks"),
  Q("list my urgent tasks", "list_tasks", { priorities: ["urgent"] }),
  Q("what have i completed", "list_tasks", { status: "done" }),
  Q("show upcoming for the next 5 days", "get_upcoming_tasks", { days: 5 }),
  Q("do i have anything about the dentist", "search_tasks", { query: "dentist" }),
  Q("work tasks sorted by priority", "list_tasks", { category: "Work", sort_by: "priority" }),
  Q("which tasks have no date", "list_tasks", { due: "none" }),
  Q("urgent or high priority tasks", "list_tasks", { priorities: ["urgent", "high"] }),

  // Priority, labels, reminders, repetition and notes on a task.
  E("make groceries high prio", "groceries", { priority: "high" }),
  E("call mom is not that important", "mom", { priority: "low" }),
  E("bump the standup up to urgent", "standup", { priority: "urgent" }),
  E("move groceries to the work category", "groceries", { category: "Work" }),
  E("tag call mom family", "mom", { tags: ["family"] }, { newTags: ["family"] }),
  E("untag errands from groceries", "groceries", { tags: [] }),
  E("put the passport renewal under home", "passport", { category: "Home" }),
  L("create a new tag called someday", { newTags: ["someday"] }),
  L("make a category named garden projects", { newCategories: ["garden projects"] }),
  E("remind me about the budget review an hour before", "budget", { reminders: ["2026-03-20T09:00"] }),
  E("set a reminder for call mom at 6pm", "mom", { reminders: ["2026-03-11T18:00"] }),
  E("ping me about groceries at 5", "groceries", { reminders: ["2026-03-11T17:00"] }),
  E("standup should repeat every monday and thursday", "standup", { rule: "FREQ=WEEKLY;BYDAY=MO,TH" }),
  E("rent no longer repeats", "rent", { rule: null }),
  E("make call mom repeat every other sunday", "mom", { rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", due: "2026-03-15" }),
  E("add a note to the dentist: bring insurance card", "dentist", { description: "bring insurance card" }),
  E("dry cleaning doesnt need a date", "dry", { due: null }),
];
