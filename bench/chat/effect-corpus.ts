// Everyday requests to the assistant, written the way people type them, each with the effect it must
// have on the user's data (checked through the tools after the turn, never through the reply text).
// Every case starts from the same seeded user (see SEEDS in effects.ts) on a fixed clock:
// Wednesday 2026-03-11 11:00 in America/New_York. Earlier strings in `say` are context turns
// (for pronouns and corrections); the effect is measured over the whole conversation.
//
// Folds: case i belongs to fold i % FOLDS. The phrasings were written before the interpreter was tuned
// on any of them; see bench/results/chat-accuracy-holdout.json for which folds were held out when.

export const FOLDS = 5;

export type SeedKey = "flights" | "expense" | "dry" | "standup" | "dentist" | "mom" | "rent" | "passport" | "groceries" | "budget" | "vet";
export type Priority = "low" | "medium" | "high" | "urgent";

/** A task as the corpus describes it: local dates ("2026-03-13" all day, "2026-03-13T17:00" timed). */
export interface TaskFields {
  title?: string;
  description?: string;
  due?: string | null;
  priority?: Priority;
  /** Compared by the dates it produces, so equivalent rules match. */
  rule?: string | null;
  done?: boolean;
  deleted?: boolean;
  category?: string | null;
  tags?: string[];
  /** Local times of the task's reminders. */
  reminders?: string[];
}

/** The tasks a reply must show as cards: the result of this tool call (labels by name). */
export interface ShownQuery {
  tool: "list_tasks" | "search_tasks" | "get_overdue_tasks" | "get_upcoming_tasks";
  args: Record<string, unknown>;
}

export interface Effect {
  /** New tasks (fields not given take the defaults of a new task). */
  add?: TaskFields[];
  /** Seeded tasks and the fields that changed; every other seeded task stays as it was. */
  edit?: Partial<Record<SeedKey, TaskFields>>;
  shows?: ShownQuery;
  newTags?: string[];
  newCategories?: string[];
  goneTags?: string[];
  goneCategories?: string[];
}

export interface EffectCase {
  say: string[];
  expect: Effect;
}

const turns = (say: string | string[]) => (Array.isArray(say) ? say : [say]);
export const A = (say: string | string[], task: TaskFields, extra: Effect = {}): EffectCase => ({ say: turns(say), expect: { add: [task], ...extra } });
export const E = (say: string | string[], key: SeedKey, fields: TaskFields, extra: Effect = {}): EffectCase => ({ say: turns(say), expect: { edit: { [key]: fields }, ...extra } });
export const C = (say: string | string[], key: SeedKey) => E(say, key, { done: true });
export const R = (say: string | string[], key: SeedKey) => E(say, key, { done: false });
export const D = (say: string | string[], key: SeedKey) => E(say, key, { deleted: true });
export const Q = (say: string | string[], tool: ShownQuery["tool"], args: Record<string, unknown> = {}): EffectCase => ({ say: turns(say), expect: { shows: { tool, args } } });
export const N = (say: string | string[]): EffectCase => ({ say: turns(say), expect: {} });
export const L = (say: string | string[], effect: Effect): EffectCase => ({ say: turns(say), expect: effect });

export const WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

export const EFFECT_CORPUS: EffectCase[] = [
  // Adding tasks.
  A("add buy milk tomorrow", { title: "buy milk", due: "2026-03-12" }),
  A("new task pick up the kids friday at 3pm", { title: "pick up the kids", due: "2026-03-13T15:00" }),
  A("i need to email the landlord", { title: "email the landlord" }),
  A("put get a haircut on my list for saturday", { title: "get a haircut", due: "2026-03-14" }),
  A("create task fix bike tire", { title: "fix bike tire" }),
  A("add urgent task file taxes by march 20", { title: "file taxes", due: "2026-03-20", priority: "urgent" }),
  A("add 'order new glasses' high priority", { title: "order new glasses", priority: "high" }),
  A("todo: clean the garage sunday", { title: "clean the garage", due: "2026-03-15" }),
  A("add a task to return library books in the Home category", { title: "return library books", category: "Home" }),
  A("add send invoice to acme tagged finance", { title: "send invoice to acme", tags: ["finance"] }),
  A("ad call the plumber tmrw at 10am", { title: "call the plumber", due: "2026-03-12T10:00" }),
  A("jot down buy a birthday gift for anna", { title: "buy a birthday gift for anna" }),
  A("add low priority task organize photos", { title: "organize photos", priority: "low" }),
  A("add book a table at luigis for friday 7pm", { title: "book a table at luigis", due: "2026-03-13T19:00" }),
  A("i have to renew the car insurance by the 25th", { title: "renew the car insurance", due: "2026-03-25" }),
  A("add pay electricity bill on march 15 #finance", { title: "pay electricity bill", due: "2026-03-15", tags: ["finance"] }),
  A("add a task: call grandma on sunday", { title: "call grandma", due: "2026-03-15" }),
  A("create a new task called prepare presentation due thursday", { title: "prepare presentation", due: "2026-03-12" }),
  A("add walk the dog today at 6pm", { title: "walk the dog", due: "2026-03-11T18:00" }),
  A("new todo schedule car service in 2 days", { title: "schedule car service", due: "2026-03-13" }),
  A("add write thank you notes to Work", { title: "write thank you notes", category: "Work" }),
  A("add submit report at 4pm tomorrow high priority", { title: "submit report", due: "2026-03-12T16:00", priority: "high" }),
  A("please add get passport photos", { title: "get passport photos" }),
  A("gotta buy concert tickets before friday", { title: "buy concert tickets", due: "2026-03-13" }),
  A("add check tire pressure on the 20th", { title: "check tire pressure", due: "2026-03-20" }),
  A("add Meal prep sunday 4pm #home", { title: "Meal prep", due: "2026-03-15T16:00", tags: ["home"] }, { newTags: ["home"] }),
  A("crate a task to reply to jenny", { title: "reply to jenny" }),
  A("add pick up prescription tomorrow urgent", { title: "pick up prescription", due: "2026-03-12", priority: "urgent" }),
  A("add a high prio task review contract", { title: "review contract", priority: "high" }),
  A("add buy flowers for mom tagged family", { title: "buy flowers for mom", tags: ["family"] }, { newTags: ["family"] }),
  A("make a task to clean the fridge", { title: "clean the fridge" }),
  A("add task to backup laptop on friday at noon", { title: "backup laptop", due: "2026-03-13T12:00" }),
  A("need to cancel the gym membership", { title: "cancel the gym membership" }),
  A("add 'read chapter 4' for tomorrow in Work", { title: "read chapter 4", due: "2026-03-12", category: "Work" }),
  A("add: mow the lawn saturday at 9", { title: "mow the lawn", due: "2026-03-14T09:00" }),
  A("add buy stamps @Home", { title: "buy stamps", category: "Home" }),
  A("add get oil change on tuesday", { title: "get oil change", due: "2026-03-17" }),
  A("new reminder: call the insurance company at 11:30 tomorrow", { title: "call the insurance company", due: "2026-03-12T11:30", reminders: ["2026-03-12T11:30"] }),
  A("add buy birthday card for tom, due friday", { title: "buy birthday card for tom", due: "2026-03-13" }),
  A("add pick up package from post office today", { title: "pick up package from post office", due: "2026-03-11" }),
  A("could you add 'Prepare agenda' to Work for tomorrow 9am", { title: "Prepare agenda", category: "Work", due: "2026-03-12T09:00" }),
  A("add task defrost freezer with low priority", { title: "defrost freezer", priority: "low" }),
  A("add a task to ring the landlord re heating tomorrow", { title: "ring the landlord re heating", due: "2026-03-12" }),
  A("add prep for interview on thursday at 1pm high priority #career", { title: "prep for interview", due: "2026-03-12T13:00", priority: "high", tags: ["career"] }, { newTags: ["career"] }),
  A("add cancel netflix subscription before the 20th", { title: "cancel netflix subscription", due: "2026-03-20" }),
  A("schedule a call with the bank tomorrow at 2pm", { title: "call with the bank", due: "2026-03-12T14:00" }),

  // Repeating tasks.
  A("add water the plants every other day", { title: "water the plants", due: "2026-03-11", rule: "FREQ=DAILY;INTERVAL=2" }),
  A("add pay credit card on the 15th of every third month", { title: "pay credit card", due: "2026-03-15", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15" }),
  A("add team retro last friday of the month", { title: "team retro", due: "2026-03-27", rule: "FREQ=MONTHLY;BYDAY=-1FR" }),
  A("add stretch every other weekday", { title: "stretch", due: "2026-03-11", rule: "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR" }),
  A("add take out recycling every tuesday", { title: "take out recycling", due: "2026-03-17", rule: "FREQ=WEEKLY;BYDAY=TU" }),
  A("add gym every monday wednesday and friday at 7am", { title: "gym", due: "2026-03-13T07:00", rule: "FREQ=WEEKLY;BYDAY=MO,WE,FR" }),
  A("add review finances every month on the 1st", { title: "review finances", due: "2026-04-01", rule: "FREQ=MONTHLY;BYMONTHDAY=1" }),
  A("add change furnace filter every 3 months", { title: "change furnace filter", due: "2026-03-11", rule: "FREQ=MONTHLY;INTERVAL=3" }),
  A("add call dad every sunday at 6pm", { title: "call dad", due: "2026-03-15T18:00", rule: "FREQ=WEEKLY;BYDAY=SU" }),
  A("add 1:1 with manager every two weeks on thursday", { title: "1:1 with manager", due: "2026-03-12", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" }),
  A("add book club on the first tuesday of every month", { title: "book club", due: "2026-04-07", rule: "FREQ=MONTHLY;BYDAY=1TU" }),
  A("add daily standup notes every weekday at 9", { title: "daily standup notes", due: "2026-03-12T09:00", rule: WEEKDAYS }),
  A("add renew domain every year on march 30", { title: "renew domain", due: "2026-03-30", rule: "FREQ=YEARLY" }),
  A("add vacuum every saturday at 10am", { title: "vacuum", due: "2026-03-14T10:00", rule: "FREQ=WEEKLY;BYDAY=SA" }),
  A("add payroll on the last day of every month", { title: "payroll", due: "2026-03-31", rule: "FREQ=MONTHLY;BYMONTHDAY=-1" }),
  A("add piano lesson every other thursday at 4pm", { title: "piano lesson", due: "2026-03-12T16:00", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" }),
  A("add newsletter on the second monday of each month", { title: "newsletter", due: "2026-04-13", rule: "FREQ=MONTHLY;BYDAY=2MO" }),
  A("add weekly review every friday 5pm", { title: "weekly review", due: "2026-03-13T17:00", rule: "FREQ=WEEKLY;BYDAY=FR" }),
  A("add pay quarterly taxes on the 15th every 3 months", { title: "pay quarterly taxes", due: "2026-03-15", rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15" }),
  A("add team lunch every last thursday", { title: "team lunch", due: "2026-03-26", rule: "FREQ=MONTHLY;BYDAY=-1TH" }),
  A("add journal every night at 10pm", { title: "journal", due: "2026-03-11T22:00", rule: "FREQ=DAILY" }),
  A("add take vitamins daily at 8am", { title: "take vitamins", due: "2026-03-12T08:00", rule: "FREQ=DAILY" }),
  A("add mop floors every 2 weeks", { title: "mop floors", due: "2026-03-11", rule: "FREQ=WEEKLY;INTERVAL=2" }),
  A("add pay the nanny every friday", { title: "pay the nanny", due: "2026-03-13", rule: "FREQ=WEEKLY;BYDAY=FR" }),
  A("add read a book every evening at 9pm", { title: "read a book", due: "2026-03-11T21:00", rule: "FREQ=DAILY" }),

  // "Remind me to …": a task and a reminder.
  A("remind me to call the vet tomorrow at 10am", { title: "call the vet", due: "2026-03-12T10:00", reminders: ["2026-03-12T10:00"] }),
  A("remind me to take the chicken out of the freezer at 4pm", { title: "take the chicken out of the freezer", due: "2026-03-11T16:00", reminders: ["2026-03-11T16:00"] }),
  A("remind me in 30 minutes to check the laundry", { title: "check the laundry", due: "2026-03-11T11:30", reminders: ["2026-03-11T11:30"] }),
  A("remind me to pay the phone bill friday at 9am", { title: "pay the phone bill", due: "2026-03-13T09:00", reminders: ["2026-03-13T09:00"] }),
  A("dont forget to water the tomatoes at 7pm", { title: "water the tomatoes", due: "2026-03-11T19:00", reminders: ["2026-03-11T19:00"] }),
  A("remind me to submit the timesheet every friday at 3pm", { title: "submit the timesheet", due: "2026-03-13T15:00", rule: "FREQ=WEEKLY;BYDAY=FR", reminders: ["2026-03-13T15:00"] }),
  A("add dentist checkup march 24 at 2pm and remind me 1 hour before", { title: "dentist checkup", due: "2026-03-24T14:00", reminders: ["2026-03-24T13:00"] }),
  A("add flight to berlin on march 19 at 8am remind me 2 hours before", { title: "flight to berlin", due: "2026-03-19T08:00", reminders: ["2026-03-19T06:00"] }),
  A("remind me tomorrow at 8 to move the car", { title: "move the car", due: "2026-03-12T08:00", reminders: ["2026-03-12T08:00"] }),
  A("remind me to buy bread", { title: "buy bread" }),
  A("remind me at 5pm to call sam", { title: "call sam", due: "2026-03-11T17:00", reminders: ["2026-03-11T17:00"] }),
  A("remind me to stretch in 2 hours", { title: "stretch", due: "2026-03-11T13:00", reminders: ["2026-03-11T13:00"] }),
  A("pls remind me to send the rsvp by thursday 6pm", { title: "send the rsvp", due: "2026-03-12T18:00", reminders: ["2026-03-12T18:00"] }),

  // Reminders on existing tasks.
  E("remind me about the dentist 30 minutes before", "dentist", { reminders: ["2026-03-18T13:30"] }),
  E("set a reminder for the dentist appointment 1 day before", "dentist", { reminders: ["2026-03-17T14:00"] }),
  E("remind me 2 hours before the budget review", "budget", { reminders: ["2026-03-20T08:00"] }),
  E("remind me about booking flights tomorrow at 9am", "flights", { reminders: ["2026-03-12T09:00"] }),
  E("add a reminder to the standup 15 min before", "standup", { reminders: ["2026-03-16T09:15"] }),
  E("remind me of the passport renewal tomorrow at noon", "passport", { reminders: ["2026-03-12T12:00"] }),
  E("ping me an hour before the dentist", "dentist", { reminders: ["2026-03-18T13:00"] }),
  E("set reminder on buy groceries for 5pm", "groceries", { reminders: ["2026-03-11T17:00"] }),
  E("remind me about dry cleaning tomorrow at 8am", "dry", { reminders: ["2026-03-12T08:00"] }),
  E("remind me 10 minutes before standup", "standup", { reminders: ["2026-03-16T09:20"] }),
  E("alert me about the budget review the day before", "budget", { reminders: ["2026-03-19T10:00"] }),

  // Completing.
  C("mark book flights to lisbon as done", "flights"),
  C("i bought the groceries", "groceries"),
  C("done with the dry cleaning", "dry"),
  C("check off call mom", "mom"),
  C("finished renewing my passport", "passport"),
  C("the dentist appointment is done", "dentist"),
  C("complete the budget review", "budget"),
  C("mark dry cleaning complete", "dry"),
  C("dry cleaning is finished", "dry"),
  C("i called mom", "mom"),
  C("close the passport task", "passport"),
  C("flights to lisbon are booked", "flights"),
  C("cross off buy groceries", "groceries"),
  C("set the budget review to done", "budget"),
  C("mark groceries as completed", "groceries"),
  C("completed: call mom", "mom"),
  C("got the dry cleaning done", "dry"),
  C("I've done the dentist appointment", "dentist"),
  C("mrak the passport one done", "passport"),
  C("finish book flights", "flights"),
  C("mark as done: dry cleaning", "dry"),
  C("dentist is done", "dentist"),
  C("ticked off buy groceries", "groceries"),
  C("finished the budget review, finally", "budget"),

  // Reopening a completed task.
  R("actually the expense report is not done yet", "expense"),
  R("reopen the expense report", "expense"),
  R("mark the expense report as not done", "expense"),
  R("uncheck expense report", "expense"),
  R("the expense report isn't finished", "expense"),
  R("mark expense report incomplete", "expense"),
  R("expense report still needs doing", "expense"),
  R("set expense report back to open", "expense"),
  R("un-complete the expense report", "expense"),
  R("oops expense report is not done", "expense"),
  R("put the expense report back on my list", "expense"),
  R("mark expense report as undone", "expense"),

  // Deleting (the runner answers "yes" when the assistant asks to confirm).
  D("get rid of the dry cleaning task", "dry"),
  D("delete call mom", "mom"),
  D("remove the passport task", "passport"),
  D("trash buy groceries", "groceries"),
  D("delete the task about flights", "flights"),
  D("can you remove dentist appointment", "dentist"),
  D("i dont need the dry cleaning task anymore", "dry"),
  D("erase the budget review", "budget"),
  D("delete book flights to lisbon", "flights"),
  D("cancel the dentist appointment", "dentist"),
  D("scrap the groceries task", "groceries"),
  D("remove expense report", "expense"),
  D("delte the call mom task", "mom"),
  D("drop renew passport", "passport"),
  D("get rid of pay rent", "rent"),
  D("nuke the standup", "standup"),
  D("delete the budget task", "budget"),
  D("please delete the standup task", "standup"),

  // Renaming.
  E('rename "book flights to Lisbon" to "book flights to Porto"', "flights", { title: "book flights to Porto" }),
  E("rename book flights to lisbon to book flights to porto", "flights", { title: "book flights to porto" }),
  E("change the title of call mom to call mom and dad", "mom", { title: "call mom and dad" }),
  E("rename dry cleaning to pick up dry cleaning", "dry", { title: "pick up dry cleaning" }),
  E("call the passport task renew passport and visa", "passport", { title: "renew passport and visa" }),
  E("change buy groceries to buy groceries and wine", "groceries", { title: "buy groceries and wine" }),
  E("retitle the budget review as Q1 budget review", "budget", { title: "Q1 budget review" }),
  E("rename the dentist appointment task: dentist cleaning", "dentist", { title: "dentist cleaning" }),
  E("dentist appointment should be called dentist checkup", "dentist", { title: "dentist checkup" }),
  E("update the name of pay rent to pay april rent", "rent", { title: "pay april rent" }),
  E("rename standup to daily standup", "standup", { title: "daily standup" }),
  E("renmae call mom to call mum", "mom", { title: "call mum" }),
  E("change the name of the expense report to march expense report", "expense", { title: "march expense report" }),
  E("edit the title of buy groceries: buy groceries for the party", "groceries", { title: "buy groceries for the party" }),
  E("let's call the flights task book flights to madrid", "flights", { title: "book flights to madrid" }),
  E("rename buy groceries → buy groceries at aldi", "groceries", { title: "buy groceries at aldi" }),

  // Moving due dates.
  E("move the dentist appointment to friday at 3pm", "dentist", { due: "2026-03-13T15:00" }),
  E("push dry cleaning to saturday", "dry", { due: "2026-03-14" }),
  E("reschedule book flights to monday", "flights", { due: "2026-03-16" }),
  E("reschedule book flights to lisbon to monday", "flights", { due: "2026-03-16" }),
  E("postpone the passport renewal until next week", "passport", { due: "2026-03-16" }),
  E("move groceries to tomorrow", "groceries", { due: "2026-03-12" }),
  E("change the due date of call mom to sunday", "mom", { due: "2026-03-15" }),
  E("call mom is due thursday", "mom", { due: "2026-03-12" }),
  E("set budget review for march 27 at 10am", "budget", { due: "2026-03-27T10:00" }),
  E("bump the dry cleaning to next monday", "dry", { due: "2026-03-16" }),
  E("push dry cleaning back a day", "dry", { due: "2026-03-13" }),
  E("make call mom due tomorrow", "mom", { due: "2026-03-12" }),
  E("move buy groceries to the 14th", "groceries", { due: "2026-03-14" }),
  E("do the dry cleaning on friday instead", "dry", { due: "2026-03-13" }),
  E("schedule call mom for saturday at 11am", "mom", { due: "2026-03-14T11:00" }),
  E("book flights is now due on the 25th", "flights", { due: "2026-03-25" }),
  E("move passport to tmrw", "passport", { due: "2026-03-12" }),
  E("resched the dry cleaning for thursday", "dry", { due: "2026-03-12" }),
  E("remove the due date from buy groceries", "groceries", { due: null }),
  E("clear the date on book flights", "flights", { due: null }),
  E("call mom needs to happen by friday", "mom", { due: "2026-03-13" }),
  E("mvoe dry cleaning to friday", "dry", { due: "2026-03-13" }),
  E("reschedule the budget review to monday 11am", "budget", { due: "2026-03-16T11:00" }),
  E("move book flights to lisbon to the 18th", "flights", { due: "2026-03-18" }),
  E("put dry cleaning off until monday", "dry", { due: "2026-03-16" }),
  E("change standup time to 10am", "standup", { due: "2026-03-16T10:00" }),
  E("move the dentist to 3pm", "dentist", { due: "2026-03-18T15:00" }),
  E("due date for book flights: march 16", "flights", { due: "2026-03-16" }),
  E("the passport renewal can wait till april 5", "passport", { due: "2026-04-05" }),

  // Priorities.
  E("make the passport task low priority", "passport", { priority: "low" }),
  E("set call mom to high priority", "mom", { priority: "high" }),
  E("mark the budget review as urgent", "budget", { priority: "urgent" }),
  E("bump priority of dry cleaning to high", "dry", { priority: "high" }),
  E("lower the priority of the dentist appointment", "dentist", { priority: "medium" }),
  E("book flights is urgent", "flights", { priority: "urgent" }),
  E("change groceries priority to low", "groceries", { priority: "low" }),
  E("make buy groceries important", "groceries", { priority: "high" }),
  E("prioritize the budget review", "budget", { priority: "high" }),
  E("dentist appointment isn't urgent, make it low", "dentist", { priority: "low" }),
  E("set priority high on call mom", "mom", { priority: "high" }),
  E("raise book flights to top priority", "flights", { priority: "urgent" }),
  E("p1 for the dry cleaning", "dry", { priority: "urgent" }),
  E("make dentist appointment urgent", "dentist", { priority: "urgent" }),
  E("give dry cleaning a low priority", "dry", { priority: "low" }),

  // Categories and tags on a task.
  E("move call mom to the Home category", "mom", { category: "Home" }),
  E("put the dentist appointment in Work", "dentist", { category: "Work" }),
  E("tag call mom with family", "mom", { tags: ["family"] }, { newTags: ["family"] }),
  E("add the finance tag to book flights", "flights", { tags: ["finance"] }),
  E("remove the errands tag from buy groceries", "groceries", { tags: [] }),
  E("untag finance from pay rent", "rent", { tags: [] }),
  E("label the dry cleaning as errands", "dry", { tags: ["errands"] }),
  E("take dry cleaning out of the home category", "dry", { category: null }),
  E("file book flights under Work", "flights", { category: "Work" }),
  E("categorize call mom as Home", "mom", { category: "Home" }),
  E("tag the budget review urgent", "budget", { tags: ["finance", "urgent"] }, { newTags: ["urgent"] }),
  E("add #health to the passport task", "passport", { tags: ["health"] }),
  E("the dentist appointment goes in Home", "dentist", { category: "Home" }),
  E("remove tag health from dentist appointment", "dentist", { tags: [] }),
  E("add tag errands to dry cleaning", "dry", { tags: ["errands"] }),
  E("move call mom into the work category", "mom", { category: "Work" }),

  // Repetition of an existing task, and notes.
  E("make call mom repeat every sunday", "mom", { rule: "FREQ=WEEKLY;BYDAY=SU", due: "2026-03-15" }),
  E("stop repeating the standup", "standup", { rule: null }),
  E("pay rent should repeat on the 15th of every third month", "rent", { rule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15" }),
  E("make the budget review monthly", "budget", { rule: "FREQ=MONTHLY" }),
  E("standup should be every weekday", "standup", { rule: WEEKDAYS }),
  E("set dry cleaning to repeat every other week", "dry", { rule: "FREQ=WEEKLY;INTERVAL=2" }),
  E("pay rent doesn't repeat anymore", "rent", { rule: null }),
  E("change standup to every tuesday and thursday", "standup", { rule: "FREQ=WEEKLY;BYDAY=TU,TH" }),
  E("repeat call mom on the last friday of the month", "mom", { rule: "FREQ=MONTHLY;BYDAY=-1FR", due: "2026-03-27" }),
  E("add a note to call mom: ask about easter plans", "mom", { description: "ask about easter plans" }),
  E("set the description of book flights to window seat please", "flights", { description: "window seat" }),

  // Pronouns: "it" is the task the conversation last talked about.
  E(["rename book flights to lisbon to book flights to porto", "move it to friday"], "flights", { title: "book flights to porto", due: "2026-03-13" }),
  A(["add call the plumber", "make it urgent"], { title: "call the plumber", priority: "urgent" }),
  A(["add renew library card", "move it to monday"], { title: "renew library card", due: "2026-03-16" }),
  E(["show me the dentist appointment", "move it to thursday at 2pm"], "dentist", { due: "2026-03-12T14:00" }),
  C(["find dry cleaning", "mark it done"], "dry"),
  A(["add buy new shoes", "tag it with shopping"], { title: "buy new shoes", tags: ["shopping"] }, { newTags: ["shopping"] }),
  D(["search for passport", "delete it"], "passport"),
  A(["add prepare tax documents", "remind me about it tomorrow at 9am"], { title: "prepare tax documents", reminders: ["2026-03-12T09:00"] }),
  A(["add call the bank", "rename it to call the bank about the mortgage"], { title: "call the bank about the mortgage" }),
  E(["move call mom to saturday", "also make it high priority"], "mom", { due: "2026-03-14", priority: "high" }),
  A(["add clean the windows", "make it repeat every month"], { title: "clean the windows", due: "2026-03-11", rule: "FREQ=MONTHLY" }),
  C(["what's due today", "mark it done"], "groceries"),
  A(["add water the garden", "put it in Home"], { title: "water the garden", category: "Home" }),
  E(["show the passport task", "push it to next week"], "passport", { due: "2026-03-16" }),
  A(["add email the accountant", "that should be due friday"], { title: "email the accountant", due: "2026-03-13" }),
  A(["add order pizza", "set it for 7pm"], { title: "order pizza", due: "2026-03-11T19:00" }),
  E(["rename dry cleaning to laundry pickup", "and move it to saturday"], "dry", { title: "laundry pickup", due: "2026-03-14" }),
  A(["add buy a present for leo", "its for sunday"], { title: "buy a present for leo", due: "2026-03-15" }),
  E(["find the groceries task", "change its priority to high"], "groceries", { priority: "high" }),

  // Corrections.
  A(["add dinner with sara friday at 7pm", "actually make it 8pm"], { title: "dinner with sara", due: "2026-03-13T20:00" }),
  A(["add call the electrician tomorrow", "actually friday"], { title: "call the electrician", due: "2026-03-13" }),
  A(["add pay parking ticket", "actually call it pay the parking fine"], { title: "pay the parking fine" }),
  A(["add yoga class saturday at 10am", "no wait, sunday"], { title: "yoga class", due: "2026-03-15T10:00" }),
  N(["mark dry cleaning as done", "actually no, it's not done"]),
  A(["add meeting prep at 3pm", "actually it's tomorrow"], { title: "meeting prep", due: "2026-03-12T15:00" }),
  E(["move the dentist appointment to friday at 3pm", "actually 4pm"], "dentist", { due: "2026-03-13T16:00" }),
  A(["add renew gym membership high priority", "actually it's low priority"], { title: "renew gym membership", priority: "low" }),
  E(["rename call mom to call dad", "actually call it call parents"], "mom", { title: "call parents" }),
  A(["add buy cake for saturday", "sorry, i meant friday"], { title: "buy cake", due: "2026-03-13" }),
  A(["add get a haircut tomorrow at 5pm", "actually can you make it 6"], { title: "get a haircut", due: "2026-03-12T18:00" }),
  A(["remind me to call the school at 2pm", "actually 3pm"], { title: "call the school", due: "2026-03-11T15:00", reminders: ["2026-03-11T15:00"] }),
  N(["complete call mom", "oops, not that one, reopen it"]),
  A(["add water plants in Work", "actually put it in Home"], { title: "water plants", category: "Home" }),
  N(["mark the dentist appointment as done", "oh wait, that's not done yet"]),

  // Questions.
  Q("what's overdue", "get_overdue_tasks"),
  Q("anything late?", "get_overdue_tasks"),
  Q("what do i have today", "list_tasks", { due: "today" }),
  Q("whats on my plate this week", "get_upcoming_tasks", { days: 7 }),
  Q("show tasks in work", "list_tasks", { category: "Work" }),
  Q("list everything tagged finance", "list_tasks", { tags: ["finance"] }),
  Q("find the dentist", "search_tasks", { query: "dentist" }),
  Q("search passport", "search_tasks", { query: "passport" }),
  Q("show my completed tasks", "list_tasks", { status: "done" }),
  Q("what did i finish", "list_tasks", { status: "done" }),
  Q("show high priority tasks", "list_tasks", { priorities: ["high"] }),
  Q("what's coming up", "get_upcoming_tasks"),
  Q("show urgent stuff", "list_tasks", { priorities: ["urgent"] }),
  Q("what's in my home category", "list_tasks", { category: "Home" }),
  Q("show my tasks", "list_tasks"),
  Q("list all tasks sorted by due date", "list_tasks"),
  Q("any tasks with no due date?", "list_tasks", { due: "none" }),
  Q("what's due in the next 3 days", "get_upcoming_tasks", { days: 3 }),
  Q("show me tasks tagged errands", "list_tasks", { tags: ["errands"] }),
  Q("find anything about rent", "search_tasks", { query: "rent" }),
  Q("look up the flights task", "search_tasks", { query: "flights" }),
  Q("what's overdue in work", "list_tasks", { due: "overdue", category: "Work" }),
  Q("open tasks in home sorted by priority", "list_tasks", { category: "Home" }),
  Q("which tasks are low priority", "list_tasks", { priorities: ["low"] }),
  Q("what's due this week", "list_tasks", { due: "next7" }),
  Q("show everything including done", "list_tasks", { status: "all" }),
  Q("do i have anything about taxes", "search_tasks", { query: "taxes" }),
  Q("list my high and urgent tasks", "list_tasks", { priorities: ["urgent", "high"] }),
  Q("whats overdeu", "get_overdue_tasks"),
  Q("shwo my todos", "list_tasks"),
  Q("what's on today", "list_tasks", { due: "today" }),
  Q("agenda for the next two weeks", "get_upcoming_tasks", { days: 14 }),
  Q("anything due soon", "get_upcoming_tasks"),
  Q("which tasks are overdue?", "get_overdue_tasks"),
  Q("find call mom", "search_tasks", { query: "call mom" }),

  // Categories and tags.
  L("create a category called travel", { newCategories: ["travel"] }),
  L("add a tag urgent", { newTags: ["urgent"] }),
  L("delete the errands tag", { goneTags: ["errands"], edit: { groceries: { tags: [] } } }),
  L("new category: garden", { newCategories: ["garden"] }),
  L("make a red tag called blocked", { newTags: ["blocked"] }),
  L("remove the home category", { goneCategories: ["Home"], edit: { dry: { category: null }, rent: { category: null }, groceries: { category: null } } }),
  L("create tag waiting-on", { newTags: ["waiting-on"] }),
  L("add category Side projects", { newCategories: ["Side projects"] }),
  L("get rid of the finance tag", { goneTags: ["finance"], edit: { rent: { tags: [] }, budget: { tags: [] } } }),
  L("set up a project called renovation", { newCategories: ["renovation"] }),

  // One occurrence of a repeating task (skip_occurrence, reschedule_occurrence), written when those tools
  // landed and before the interpreter knew them. Skipping or moving the open occurrence moves the task.
  E("skip next monday's standup", "standup", { due: "2026-03-23T09:30" }),
  E("skip the standup on monday", "standup", { due: "2026-03-23T09:30" }),
  E("no standup on monday", "standup", { due: "2026-03-23T09:30" }),
  E("cancel monday's standup", "standup", { due: "2026-03-23T09:30" }),
  E("move next monday's standup to tuesday", "standup", { due: "2026-03-17T09:30" }),
  E("reschedule monday's standup to wednesday at 10am", "standup", { due: "2026-03-18T10:00" }),
  E("push the standup on the 16th to tuesday", "standup", { due: "2026-03-17T09:30" }),
  E("skip pay rent on april 1", "rent", { due: "2026-05-01" }),
  E("skip next month's rent", "rent", { due: "2026-05-01" }),
  E(["show me the standup", "skip it on monday"], "standup", { due: "2026-03-23T09:30" }),
];
