// Changes to one field of an existing task: title, due date, category, repetition, notes (priority: priority-edits.ts).
// Titles hold the same little words as commands ("book flights to lisbon to monday"), so a sentence
// is cut at every separator and each reading is offered; the engine keeps the first whose task exists.
import { parseQuickAdd } from "@/lib/quick-add";
import { labelName, taskPhrase } from "../refs";
import { cutsAt, duePhrase, squash } from "../slots";
import type { InterpretContext, Interpretation, PlannedCall } from "../types";
import { onTask } from "./actions";
import { addRules } from "./add";
import { priorityOf, priorityRules } from "./priority-edits";
import { QUESTION, readings } from "./readings";
import type { Rule } from "./rule";

/** "schedule X for friday", "put X in Work": a change to task X if there is one, otherwise a new task. */
function orNewTask(text: string, ctx: InterpretContext, edit: Interpretation | undefined): Interpretation | undefined {
  if (!edit || edit.kind !== "calls") return edit;
  for (const rule of addRules) {
    const added = rule(text, ctx);
    if (added?.kind === "calls") return { ...edit, alternatives: [...(edit.alternatives ?? []), added.calls, ...(added.alternatives ?? [])] };
  }
  return edit;
}

// "call it hire an electrician instead": the new title, without the word that says it replaces the old one.
const title = (words: string) => squash(words.replace(/\s+instead$/i, "").replace(/^["'“]|["'”]$/g, "").replace(/^(?:to|as)\s+/i, ""));

// ---- rename -------------------------------------------------------------------------------

function renameCuts(rest: string, separators = String.raw`to|as|into|→|->|:`): Interpretation | undefined {
  const colon = /^(.+?)\s*(?::|→|->)\s*(.+)$/.exec(rest);
  // "to say Y" / "to read Y": the words after are the whole new title.
  const all = `to say|to read|${separators}`;
  const cuts = colon ? [[colon[1]!, colon[2]!] as [string, string], ...cutsAt(rest, all)] : cutsAt(rest, all);
  return readings(cuts.map(([task, name]) => [onTask("update_task", task, { title: title(name) })]));
}

const renameRules: Rule[] = [
  // "rename the report task to Quarterly report", "rename "book flights to Lisbon" to "book flights to Porto""
  (text) => {
    const m = /^(?:rename|retitle|relabel|re-name)\s+(.+)$/i.exec(text);
    // "rename to X": no task named, so the one the conversation is on.
    const bare = m ? /^(?:to|as)\s+(.+)$/i.exec(m[1]!) : null;
    if (bare) return readings([[onTask("update_task", "it", { title: title(bare[1]!) })]]);
    return m ? renameCuts(m[1]!) : undefined;
  },
  // "change the title of call mom to call mom and dad", "edit the title of X: Y", "update the name of X to Y"
  (text) => {
    const m = /^(?:change|update|edit|set|fix)\s+(?:the\s+)?(?:title|name|wording)\s+(?:of|for|on)\s+(.+)$/i.exec(text);
    return m ? renameCuts(m[1]!) : undefined;
  },
  // "change call mom's title to call mum"
  (text) => {
    const m = /^(?:change|update|edit|set)\s+(.+?)(?:'s)?\s+(?:title|name)\s+(?:to|as|:)\s*(.+)$/i.exec(text);
    return m ? readings([[onTask("update_task", m[1]!, { title: title(m[2]!) })]]) : undefined;
  },
  // "call the passport task renew passport and visa", "let's call the flights task X", "call it X"
  (text) => {
    const m =
      /^(?:let us\s+|let's\s+)?(?:call|name|title)\s+(it|that|this)\s+(.+)$/i.exec(text) ??
      /^(?:let us\s+|let's\s+)?(?:call|name|title)\s+(.+?\s+(?:task|one|todo))\s+(.+)$/i.exec(text);
    return m ? readings([[onTask("update_task", m[1]!, { title: title(m[2]!) })]]) : undefined;
  },
  // "dentist appointment should be called dentist checkup"
  (text) => {
    const m =
      /^(.+?)\s+should\s+(?:be\s+)?(?:called|named|titled|say)\s+(.+)$/i.exec(text) ??
      /^(?:can|could)\s+(?:you\s+(?:make\s+)?)?(.+?)\s+be\s+(?:called|named|titled|renamed(?:\s+to)?|retitled(?:\s+to)?)\s+(.+)$/i.exec(text);
    return m ? readings([[onTask("update_task", m[1]!, { title: title(m[2]!) })]]) : undefined;
  },
];

// ---- due dates ----------------------------------------------------------------------------

const MOVE = String.raw`(?:move|reschedule|postpone|push(?:\s+back)?|defer|shift|bump|put off|delay|change|bring|pull)`;
/** Verbs that also start new tasks ("schedule a call at 2pm"): only "for/on/to" mark their date. */
const SET = String.raw`(?:set|schedule|do|make|plan|put)`;

/** "move X to friday": every cut whose right side is only a date, the longest date first ("friday at 5pm", not "5pm"). */
function moveCuts(rest: string, ctx: { now: Date; timeZone: string }, separators = String.raw`to|until|till|for|on|by|at|off until|back to`) {
  return cutsAt(rest, separators).reverse().flatMap(([task, when]) => {
    const due = duePhrase(when, ctx);
    // "pull the budget review in to wed", "bring X forward to monday": the particle says which way, the date where.
    const name = task.replace(/\s+(?:back|off|forward|forwards|ahead|up|in|earlier)$/i, "").replace(/^(?:the\s+)?(?:due\s+date|date|deadline)\s+(?:of|for|on)\s+/i, "");
    return due ? [[onTask("update_task", name, { due_date: due })]] : [];
  });
}

const moveRules: Rule[] = [
  // "change the due date of the gym task to Saturday", "change standup time to 10am", "due date for X: march 16"
  (text, ctx) => {
    const m =
      /^(?:change|set|update|move)\s+(.+?)(?:'s)?\s+(?:due\s+date|date|deadline|due time|time)\s+(?:to|for)\s+(.+)$/i.exec(text) ??
      /^(?:the\s+)?(?:due\s+date|deadline|date)\s+(?:for|of)\s+(.+?)\s*(?::|is|should be)\s*(.+)$/i.exec(text);
    if (!m || /^(?:the\s+)?(?:due\s+date|date|deadline)\s+(?:of|for)\b/i.test(m[1]!)) return undefined;
    const due = duePhrase(m[2]!, ctx);
    return due ? readings([[onTask("update_task", m[1]!, { due_date: due })]]) : undefined;
  },
  // "give it a due date of april 10", "set the passport's deadline to friday"
  (text, ctx) => {
    const m = /^(?:give|set)\s+(.+?)\s+(?:a\s+|the\s+)?(?:due\s+date|deadline|date)\s+(?:of|for|on|to)\s+(.+)$/i.exec(text);
    const due = m ? duePhrase(m[2]!, ctx) : undefined;
    return m && due ? readings([[onTask("update_task", m[1]!, { due_date: due })]]) : undefined;
  },
  // "make it 8pm", "actually can you make it 6", "set that for friday"
  (text, ctx) => {
    const m = /^(?:make|set|change|move|push|put)\s+(it|that|this)\s+(?:to\s+|for\s+|at\s+|on\s+)?(.+)$/i.exec(text);
    const due = m ? duePhrase(m[2]!, ctx) : undefined;
    return m && due ? readings([[onTask("update_task", m[1]!, { due_date: due })]]) : undefined;
  },
  // "put dry cleaning off until monday"
  (text, ctx) => {
    const m = /^(?:put|push|hold)\s+(.+?)\s+off\s+(.+)$/i.exec(text);
    const due = m ? duePhrase(m[2]!, ctx) : undefined;
    return m && due ? readings([[onTask("update_task", m[1]!, { due_date: due })]]) : undefined;
  },
  // "move the dentist task to tomorrow", "reschedule book flights to lisbon to monday"
  (text, ctx) => {
    const m = new RegExp(String.raw`^${MOVE}\s+(.+)$`, "i").exec(text);
    return m ? readings(moveCuts(m[1]!.replace(/\s+instead$/i, ""), ctx)) : undefined;
  },
  // "make call mom due tomorrow", "schedule call mom for saturday at 11am", "set it for 7pm", "do the dry cleaning on friday instead"
  (text, ctx) => {
    const m = new RegExp(String.raw`^${SET}\s+(.+)$`, "i").exec(text);
    if (!m) return undefined;
    const due = /^(.+?)\s+due\s+(.+)$/i.exec(m[1]!);
    const when = due ? duePhrase(due[2]!, ctx) : undefined;
    if (due && when) return orNewTask(text, ctx, readings([[onTask("update_task", due[1]!, { due_date: when })]]));
    // "put rex pickup at 5:30 today": after "put", "at" marks the date too; a new task is the other reading (orNewTask).
    const separators = /^put\b/i.test(text) ? "for|on|to|at" : "for|on|to";
    const cut = readings(moveCuts(m[1]!.replace(/\s+instead$/i, ""), ctx, separators));
    // "make the budget review the 27th": after "make"/"set" too the new day may follow the task without a preposition
    // (not "make a task to …", which is a new one).
    const bareDay = /^do\s+(?!not\b)/i.test(text) || (/^(?:make|set)\s+(?!(?:a|an|new|another|task|todo|reminder)\b)/i.test(text) && !/^(?:make|set)\s+(?:it|that|this)\b/i.test(text));
    if (cut || !bareDay) return orNewTask(text, ctx, cut);
    // "do the groceries tomorrow evening at 6": the task, then its new day without a preposition.
    const words = m[1]!.split(/\s+/);
    for (let at = 1; at < words.length; at += 1) {
      // A number alone is no day after "make"/"set" ("make dry cleaning priority 1").
      const tail = words.slice(at).join(" ");
      const due = /^(?:make|set)\b/i.test(text) && /^\d{1,2}$/.test(tail) ? undefined : duePhrase(tail, ctx);
      if (!due) continue;
      const edit = readings([[onTask("update_task", words.slice(0, at).join(" "), { due_date: due })]]);
      return /^do\b/i.test(text) ? edit : orNewTask(text, ctx, edit);
    }
    return undefined;
  },
  // "give me till monday for the passport", "i need until friday for the budget review": the new deadline, then the task.
  (text, ctx) => {
    const m = /^(?:give me|i need|i will need|we need|let me have)\s+(?:(?:till|until|up to|up till)\s+)(.+?)\s+(?:for|on|with|to do|to finish)\s+(.+)$/i.exec(text);
    const due = m ? duePhrase(m[1]!, ctx) : undefined;
    return m && due ? readings([[onTask("update_task", m[2]!, { due_date: due })]]) : undefined;
  },
  // "call mom is due thursday", "book flights is now due on the 25th", "call mom needs to happen by friday"
  (text, ctx) => {
    const m =
      /^(.+?)\s+(?:is\s+(?:now\s+)?due|should be due|should be done|needs? to (?:happen|be done|be finished)|(?:has|have) to (?:happen|be done|be finished)|can wait|should be(?=\s+(?:on|for|at)\s)|can (?:go|happen|be done|move)|needs? doing|needs? to be done|is for|is on|is now(?:\s+(?:at|on|for))?)\s+(.+)$/i.exec(text) ??
      /^(it|that|this)\s+is\s+(.+)$/i.exec(text) ??
      /^(its)\s+((?:for|on|due)\s+.+)$/i.exec(text);
    if (m && QUESTION.test(m[1]!)) return undefined;
    const due = m ? duePhrase(m[2]!, ctx) : undefined;
    return m && due ? readings([[onTask("update_task", m[1]!, { due_date: due })]]) : undefined;
  },
  // "dry cleaning on saturday instead", "the dentist friday instead", "call mom is moved to sunday": the task, then its new date.
  (text, ctx) => {
    const m =
      /^(.+?)\s+(?:(?:on|to|for|at)\s+)?(\S.*?)\s+instead$/i.exec(text) ??
      /^(.+?)\s+(?:(?:(?:is|has been|gets|got|was|will be)\s+)?(?:moved|rescheduled|pushed|shifted|postponed)|is\s+(?:moving|being moved|shifting)|moves|shifts)\s+(?:to|till|until)\s+(.+)$/i.exec(text);
    // After the verb-first rules: "do it on friday instead" is theirs.
    if (!m || QUESTION.test(m[1]!) || new RegExp(String.raw`^(?:${MOVE}|${SET})\b`, "i").test(m[1]!)) return undefined;
    const words = `${m[1]} ${m[2]}`.split(/\s+/);
    // The longest date at the end: "dry cleaning on saturday" → "dry cleaning" + "saturday".
    for (let cut = 1; cut < words.length; cut += 1) {
      const due = duePhrase(words.slice(cut).join(" "), ctx);
      const task = words.slice(0, cut).join(" ").replace(/\s+(?:on|to|for|at)$/i, "");
      if (due && task) return readings([[onTask("update_task", task, { due_date: due })]]);
    }
    return undefined;
  },
  // "groceries → thursday", "dentist -> 4pm", "dry cleaning: friday 4pm": the task, an arrow or a colon, its new date.
  (text, ctx) => {
    const m = /^(.+?)\s*(?:→|->|=>|⟶|:)\s*(.+)$/.exec(text);
    const due = m ? duePhrase(m[2]!, ctx) : undefined;
    return m && due ? readings([[onTask("update_task", m[1]!, { due_date: due })]]) : undefined;
  },
  // "remove the due date from buy groceries", "clear the date on book flights", "dry cleaning doesn't need a date",
  // "no deadline for call mom", "unschedule the dry cleaning"
  (text) => {
    const DATE = String.raw`(?:a\s+|the\s+|any\s+)?(?:due\s+date|date|deadline|due day)`;
    const m =
      new RegExp(String.raw`^(?:remove|clear|delete|drop|unset|take off|take away)\s+(?:the\s+)?(?:due\s+date|date|deadline)\s+(?:from|on|of|for)\s+(.+)$`, "i").exec(text) ??
      new RegExp(String.raw`^(.+?)\s+(?:does not|doesn't|do not|don't|should not|need not|no longer)\s+(?:need|needs|have|has)\s+${DATE}(?:\s+(?:anymore|any more|after all))?$`, "i").exec(text) ??
      new RegExp(String.raw`^(.+?)\s+(?:has|needs|gets|should have)\s+no\s+${DATE}(?:\s+(?:anymore|any more))?$`, "i").exec(text) ??
      new RegExp(String.raw`^(?:no|without)\s+${DATE}\s+(?:for|on)\s+(.+)$`, "i").exec(text) ??
      /^(?:unschedule|undate)\s+(.+)$/i.exec(text) ??
      /^make\s+(.+?)\s+(?:undated|unscheduled)$/i.exec(text);
    return m ? readings([[onTask("update_task", m[1]!, { due_date: null })]]) : undefined;
  },
];

/** A bare date after a correction ("actually friday", "no wait, 4pm") moves the task in focus; a bare priority sets it. */
export const bareDateRule: Rule = (text, ctx) => {
  const due = duePhrase(text, ctx);
  if (due) return readings([[onTask("update_task", "it", { due_date: due })]]);
  // "it's more like a p1", "that's really urgent": the priority said about the task in focus.
  // "and its pretty urgent": a word that only says how much.
  const priority = priorityOf(text.replace(/^(?:make it|(?:it|that) is|its|it's|thats|that's)\s+(?:(?:more|rather|really|actually|pretty|very|super|quite|kinda|kind of|fairly|rather|so|a bit)\s+)?(?:like\s+|of\s+)?(?:a\s+|an\s+)?/i, ""));
  if (priority) return readings([[onTask("update_task", "it", { priority })]]);
  // "every sunday evening at 7 from now on": a repetition alone is the task in focus's.
  const rule = text.replace(/\s+(?:from now on|going forward|now)$/i, "");
  if (ctx.focus && /^(?:every|each|daily|weekly|monthly|yearly|fortnightly|quarterly)\b/i.test(rule) && isRepetition(rule, ctx)) return readings([[onTask("update_task", "it", { recurrence_rule: rule })]]);
  // "in home please", "under work": a place alone puts the task in focus there (a category the user has).
  const place = /^(?:(?:put|file|move|stick)\s+(?:it|that)\s+)?(?:in|under|into)\s+(?:the\s+|my\s+)?([\p{L}\p{N}_-]+(?:\s+[\p{L}\p{N}_-]+)?)(?:\s+(?:category|list|project))?$/iu.exec(text);
  if (place) return readings([[inCategory("it", place[1]!)]]);
  // "oh and it's for work", "that's a home thing": the kind of task it is — its category when there is one, else its tag.
  const kind =
    /^(?:it|that|this)\s+is\s+(?:(?:for|in|under|part of)\s+(?:the\s+|my\s+)?)([\p{L}\p{N}_-]+)(?:\s+(?:category|list|project|stuff))?$/iu.exec(text) ??
    /^(?:it|that|this)\s+is\s+(?:a|an)\s+([\p{L}\p{N}_-]+)\s+(?:thing|task|item|job|errand)$/iu.exec(text);
  if (!kind) return undefined;
  const tag: PlannedCall = { tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase("it"), tag_id: labelName(kind[1]!) } };
  return { kind: "calls", calls: [inCategory("it", kind[1]!)], alternatives: [[tag]] };
};

// ---- category -----------------------------------------------------------------------------

const inCategory = (task: string, category: string): PlannedCall => ({
  tool: "update_task",
  args: {},
  refs: { task_id: taskPhrase(task), category_id: labelName(category) },
});

const categoryRules: Rule[] = [
  // "take dry cleaning out of the home category", "remove X from the Home category"
  (text) => {
    const m =
      /^(?:take|move|remove|get)\s+(.+?)\s+out\s+of\s+(?:the\s+|its\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?$/i.exec(text) ??
      /^(?:remove|take)\s+(.+?)\s+from\s+(?:the\s+|its\s+|my\s+)?(.+?)\s+(?:category|list|project)$/i.exec(text) ??
      // "groceries don't belong in home", "the dentist shouldn't be under work"
      /^(.+?)\s+(?:does not|do not|should not|shouldn't|doesn't|don't|is not|isn't)\s+(?:belong|go|be)\s+(?:in|under|into)\s+(?:the\s+|its\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?(?:\s+(?:anymore|any more))?$/i.exec(text);
    // "remove X from my list" deletes X; a list of tasks is not a category.
    if (!m || /\s(?:my|the)\s+(?:list|tasks|todos?|todo list|to do list)$/i.test(text)) return undefined;
    return readings([[onTask("update_task", m[1]!, { category_id: null })]]);
  },
  // "move call mom to the Home category", "put the dentist appointment in Work", "file X under Work", "X goes in Home"
  (text, ctx) => {
    const m =
      /^(put|stick|pop|chuck|move|file|place|categori[sz]e|assign)\s+(.+?)\s+(?:in|into|under|to|as)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?$/i.exec(text) ??
      /^()(.+?)\s+(?:goes|belongs|should go|should be)\s+(?:in|into|under|to)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:category|list|project))?(?:\s+(?:now|from now on|going forward))?$/i.exec(text);
    // A label is a name of a few words, not "my list" or a date.
    if (!m || /^(?:my\s+)?(?:list|tasks|todo list)$/i.test(m[3]!) || m[3]!.split(" ").length > 3 || duePhrase(m[3]!, ctx)) return undefined;
    const edit = readings([[inCategory(m[2]!, m[3]!)]]);
    return /^(?:put|stick|pop|chuck)$/i.test(m[1]!) ? orNewTask(text, ctx, edit) : edit;
  },
  // "call mom is a home thing", "the budget review is a work task": a label said as the kind of task it is — its
  // category when there is one of that name, else its tag.
  (text) => {
    const m = /^(.+?)\s+(?:is|are)\s+(?:a|an|more of a|really a)\s+([\p{L}\p{N}_-]+)\s+(?:thing|task|item|job|one|errand)$/iu.exec(text);
    if (!m || QUESTION.test(m[1]!)) return undefined;
    const tag: PlannedCall = { tool: "add_tag_to_task", args: {}, refs: { task_id: taskPhrase(m[1]!), tag_id: labelName(m[2]!) } };
    return { kind: "calls", calls: [inCategory(m[1]!, m[2]!)], alternatives: [[tag]] };
  },
];

// ---- repetition and notes -------------------------------------------------------------------

function isRepetition(words: string, ctx: { now: Date; timeZone: string }): boolean {
  const parsed = parseQuickAdd(words, { now: ctx.now, timeZone: ctx.timeZone });
  return Boolean(parsed.recurrenceRule) && !parsed.title.trim();
}

const repeatRules: Rule[] = [
  // "stop repeating the standup", "pay rent doesn't repeat anymore"
  (text) => {
    const m =
      /^(?:stop|quit|do not keep)\s+(?:repeating|recurring)\s+(.+)$/i.exec(text) ??
      /^(?:stop|quit)\s+(.+?)\s+(?:from\s+)?(?:repeating|recurring)$/i.exec(text) ??
      // "rent should stop recurring", "the standup can stop repeating now"
      /^(.+?)\s+(?:should|can|must|needs to|has to|will|stops?)\s+(?:stop\s+)?(?:repeating|recurring)(?:\s+(?:now|from now on|anymore))?$/i.exec(text) ??
      /^(?:remove|clear|delete|drop|turn off)\s+(?:the\s+)?(?:repetition|recurrence|repeat|schedule)\s+(?:from|on|of|for)\s+(.+)$/i.exec(text) ??
      /^(.+?)\s+(?:does not|doesn't|should not|shouldn't|won't|will not|need not|no longer)\s+(?:need to\s+)?(?:repeat|recur)s?(?:\s+(?:anymore|any more|again))?$/i.exec(text) ??
      /^make\s+(.+?)\s+(?:a\s+)?(?:one[\s-]?off|one[\s-]time|non-?recurring|not repeat)(?:\s+(?:thing|task|event))?$/i.exec(text) ??
      // "rent is a one-off now", "the standup is a one time thing from now on"
      /^(.+?)\s+(?:is|will be|should be)\s+(?:just\s+)?(?:a\s+)?(?:one-?off|one[\s-]time(?:\s+(?:thing|task))?|non-?recurring|not recurring|not repeating)(?:\s+(?:now|from now on|going forward))?$/i.exec(text) ??
      // "no more repeating for rent", "no repeat on the standup"
      /^no\s+(?:more\s+)?(?:repeating|repeats?|recurrence|recurring|repetition)\s+(?:for|on|of)\s+(.+)$/i.exec(text);
    return m ? readings([[onTask("update_task", m[1]!, { recurrence_rule: null })]]) : undefined;
  },
  // "make call mom repeat every sunday", "set dry cleaning to repeat every other week", "repeat X on the last friday of the month"
  (text, ctx) => {
    const m =
      /^(?:make|set|have|let)\s+(.+?)\s+(?:to\s+)?(?:repeat|recur|happen|occur|run|take place)\s+(.+)$/i.exec(text) ??
      /^(?:repeat)\s+(.+?)\s+((?:every|each|on the|daily|weekly|monthly|yearly|fortnightly).+)$/i.exec(text) ??
      /^(.+?)\s+should\s+(?:repeat|recur|be|happen)\s+((?:every|each|on the|daily|weekly|monthly|yearly|fortnightly).*)$/i.exec(text) ??
      // "standup is only tuesdays and thursdays now": "only" and "just" say the new days replace the old ones.
      /^(.+?)\s+(?:is\s+now|is\s+going\s+to\s+be|will\s+be|becomes|is|repeats|recurs|happens|goes|will go)\s+(?:(?:now|only|just)\s+)*((?:every|each|daily|weekly|monthly|yearly|fortnightly|quarterly).*)$/i.exec(text) ??
      /^(?:make|set)\s+(.+?)\s+(daily|weekly|monthly|yearly|annual|fortnightly)$/i.exec(text) ??
      // "make groceries a weekly thing", "turn call mom into a monthly task"
      /^(?:make|set|turn)\s+(.+?)\s+(?:into\s+)?(?:a|an)\s+(daily|weekly|monthly|yearly|annual|fortnightly|quarterly)\s+(?:thing|task|event|habit|one|routine)$/i.exec(text) ??
      /^(?:make|set|switch)\s+(.+?)\s+((?:every|each)\s.+)$/i.exec(text) ??
      /^(?:change|set|switch)\s+(.+?)\s+to\s+((?:every|each|on the).+)$/i.exec(text) ??
      // "change the standup to mon-fri", "switch standup to weekdays": a repetition said without "every".
      /^(?:change|set|switch|move)\s+(.+?)\s+to\s+(.+)$/i.exec(text);
    // "call mom every other saturday from now on": said as news about the task, with when it starts to hold.
    const news = m ? undefined : /^(.+?)\s+((?:every|each)\s.+?)\s+(?:from now on|going forward)$/i.exec(text);
    if (news && isRepetition(news[2]!, ctx)) return readings([[onTask("update_task", news[1]!, { recurrence_rule: news[2]! })]]);
    // "… every tuesday and thursday from now on": when it starts to hold is now anyway.
    const rule = m?.[2]!.replace(/\s+(?:from now on|going forward|from today|now|again)$/i, "");
    if (!m || !rule || !isRepetition(rule, ctx)) return undefined;
    return readings([[onTask("update_task", m[1]!, { recurrence_rule: rule.replace(/^annual$/i, "yearly") })]]);
  },
];

const noteRules: Rule[] = [
  // "add a note to call mom: ask about easter plans", "set the description of book flights to window seat"
  (text, ctx) => {
    const m =
      /^(?:add|put|attach|write)\s+(?:a\s+)?(?:note|description|comment)\s+(?:to|on)\s+(.+?)\s*:\s*(.+)$/i.exec(text) ??
      /^(?:set|change|update)\s+(?:the\s+)?(?:description|notes?)\s+(?:of|for|on)\s+(.+?)\s*:\s*(.+)$/i.exec(text) ??
      /^(?:a\s+)?(?:note|notes|description|comment)\s+(?:on|for|to)\s+(?!(?:self|myself)\s*:)(.+?)\s*:\s*(.+)$/i.exec(text) ??
      // "the flights task needs a description: check baggage", "call mom gets a note: ask about easter"
      /^(.+?)\s+(?:needs|gets|should have|could use|has)\s+(?:a\s+|the\s+)?(?:note|description|comment)\s*:\s*(.+)$/i.exec(text) ??
      // "add to the dentist notes: ask about whitening", "append to the notes of call mom: …"
      /^(?:add|append|put|write)\s+(?:this\s+)?(?:to|in|into)\s+(?:the\s+)?(?:notes?|description)\s+(?:of|for|on)\s+(.+?)\s*:\s*(.+)$/i.exec(text) ??
      /^(?:add|append|put|write)\s+(?:this\s+)?(?:to|in|into)\s+(?:the\s+)?(.+?)(?:'s)?\s+(?:notes?|description)\s*:\s*(.+)$/i.exec(text);
    if (m) return readings([[onTask("update_task", m[1]!, { description: m[2]!.trim() })]]);
    // "add a note: autopay from checking": no task named, so the one the conversation is on.
    const bare = /^(?:add|put|attach|write)\s+(?:a\s+)?(?:note|description|comment)\s*(?::|\s(?:saying|that says|reading))\s*(.+)$/i.exec(text);
    if (bare) return readings([[onTask("update_task", "it", { description: bare[1]!.trim() })]]);
    // "note: ask about the deposit" right after a task was shown: its note; with no task in focus, a new task (as
    // "note: buy milk" always was).
    const label = /^(?:notes?|description|comment)\s*:\s*(.+)$/i.exec(text);
    if (label) {
      const added = addRules.map((rule) => rule(text, ctx)).find((r) => r?.kind === "calls");
      return { kind: "calls", calls: [onTask("update_task", "it", { description: label[1]!.trim() })], ...(added?.kind === "calls" ? { alternatives: [added.calls] } : {}) };
    }
    const cut = /^(?:set|change|update)\s+(?:the\s+)?(?:description|notes?)\s+(?:of|for|on)\s+(.+)$/i.exec(text);
    return cut ? readings(cutsAt(cut[1]!, "to").map(([task, note]) => [onTask("update_task", task, { description: note.trim() })])) : undefined;
  },
];

/** "change X to Y" when Y is not a date, priority or repetition: a new title. */
const changeToRule: Rule = (text) => {
  const m = /^(?:change|update|edit)\s+(.+)$/i.exec(text);
  return m ? renameCuts(m[1]!, "to|into") : undefined;
};

export const editRules: Rule[] = [...renameRules, ...noteRules, ...repeatRules, ...moveRules, ...priorityRules, ...categoryRules, changeToRule];
