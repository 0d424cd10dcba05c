// Questions about tasks: overdue, upcoming, search, and filtered lists.
import { unquote } from "../normalize";
import { labelName } from "../refs";
import { dateOnly, duePhrase, numberFrom, prioritiesIn } from "../slots";
import type { InterpretContext, Interpretation, PlannedCall, ToolArgs } from "../types";
import type { Rule } from "./rule";

const one = (call: PlannedCall): Interpretation => ({ kind: "calls", calls: [call] });

const OVERDUE = /\b(?:overdue|past due|past their due date|late|missed|behind on|behind schedule)\b/i;
const UPCOMING = /\b(?:coming up|upcoming|due soon|due (?:by )?tomorrow|ahead of me|on the horizon|on my plate|on my agenda|(?:next|coming)\s+fortnight|within\s+(?:\d+|a few|few|two|three|four|five|seven|ten)\s+days?|next\s+(?:\d+|few|a few|couple(?: of)?|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(?:days?|weeks?))\b/i;

/** "next 3 days" → 3, "next two weeks" → 14, "this week" → 7, "today" → 1, "tomorrow" → 2. */
function daysIn(text: string): number | undefined {
  const m = /\b(?:next|coming|following|within)\s+(\d+|a few|few|couple(?: of)?|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(days?|weeks?)\b/i.exec(text);
  if (m) {
    const n = numberFrom(m[1]!.replace(/^a\s+|\s+of$/gi, "")) ?? 1;
    return /^week/i.test(m[2]!) ? n * 7 : n;
  }
  if (/\b(?:this|the|next|coming)\s+week\b/i.test(text)) return 7;
  if (/\bfortnight\b/i.test(text)) return 14;
  if (/\btoday\b/i.test(text)) return 1;
  if (/\btomorrow\b/i.test(text)) return 2;
  return undefined;
}

const SEARCH_RES = [
  // "search my list for rex", "look through my tasks for the lease": the list searched is all of them.
  /^(?:search|look through|check|scan|go through)\s+(?:my|the)\s+(?:list|tasks|todos|todo list|to do list|task list)\s+for\s+(.+)$/i,
  // "when is my dentist thing", "when's the budget review due": one task asked after by its date.
  /^when\s+(?:is|are|was)\s+(?:my\s+|the\s+)?(.+?)(?:\s+(?:due|happening|scheduled|again))?$/i,
  // "is groceries on my list", "are the flights in my tasks"
  /^(?:is|are)\s+(?:the\s+)?(.+?)\s+(?:on|in)\s+(?:my|the)\s+(?:list|tasks|task list|todo list|to do list)$/i,
  /^(?:find|search(?:\s+for)?|look\s+(?:for|up)|locate|lookup)\s+(?:me\s+)?(?:all\s+)?(?:my\s+|the\s+|any\s+)?(?:tasks?|todos?|anything|items?|something|things?|ones?|stuff)?\s*(?:about|for|with|containing|mentioning|related to|regarding|on|called|named|titled|matching|that (?:mention|contain)s?|which (?:mention|contain)s?)?\s*(.+)$/i,
  /^(?:show|list|get|give)\s+(?:me\s+)?(?:all\s+)?(?:my\s+|the\s+)?tasks?\s+(?:about|mentioning|containing|related to|regarding|matching|with the word|called|named)\s+(.+)$/i,
  /^(?:do i have|are there|is there|any|anything)\s+(?:any(?:thing)?\s+|an?\s+)?(?:tasks?\s+|todos?\s+)?(?:about|mentioning|related to|regarding|for|with)\s+(.+)$/i,
  /^(?:which|what)\s+tasks?\s+(?:mention|contain|are about|talk about|involve)s?\s+(.+)$/i,
  // "what's the deal with my passport renewal", "what about the dentist", "how is the budget review going": one task asked after.
  /^(?:check on|check in on|look at)\s+(.+)$/i,
  /^where\s+(?:is|are)\s+(?:my\s+|the\s+)?(.+)$/i,
  /^(?:what\s+is\s+(?:the\s+(?:deal|story|status|latest|situation)|happening|going on|up)\s+(?:with|of|on)|what\s+about|where\s+(?:am i|are we|is it)\s+(?:with|on)|(?:the\s+)?status\s+(?:of|on))\s+(.+)$/i,
  /^how\s+is\s+(.+?)\s+(?:going|coming along|looking)$/i,
  // "got anything with dentist in it", "have i got something about rex"
  /^(?:(?:have\s+)?(?:i\s+|you\s+)?got|have\s+i\s+got)\s+(?:anything|something|any\s+tasks?)\s+(?:with|about|mentioning|for|on)\s+(.+?)(?:\s+in\s+(?:it|the (?:title|name)))?$/i,
];

const LIST_TRIGGER =
  /^(?:(?:show|list|display|give|get(?! rid)|view|see|pull up|what|which|any)\b.*\b(?:tasks|task|todos|items|everything|stuff|things)\b|(?:open|all|completed|done|finished)\s+(?:tasks|todos)\b|what(?: is| are)?(?: on| in)? my (?:list|plate|agenda)|what(?: is| are)? due\b|what(?: is| are)? on (?:for )?(?:today|this week)\b|what(?: is| are)? (?:in|under) (?:my |the )?\S.*\b(?:category|list|project)$|what (?:do|have) i (?:have|got)\b|what (?:did|have) i (?:finish|finished|complete|completed|do|done|get done|got done|tick(?:ed)? off|check(?:ed)? off)\b|what(?: is| are)? (?:urgent|important|high priority|low priority|top priority)$|what(?:'ve| have) i got\b|today(?:'?s)?\s+(?:list|tasks|agenda|plan|stuff|todos)$|(?:show|list|give)(?: me)? what(?: is| are)? (?:in|under|due|on)\b|my tasks\b|tasks\b)/i;

/** "show me the vet task", "pull up the dentist one": one task by name, not a list of everything. */
const ONE_TASK = /^(?:show|open|pull up|display|bring up|get)(?:\s+me)?\s+(?:(?:the|my)\s+)?(.+?)(?:\s+(?:task|todo|one|item))?$/i;
const LIST_NOUN = /\b(?:tasks|todos|items|everything|stuff|things|list|ones|agenda|plate|week|today|tomorrow|categor(?:y|ies)|tags?)\b/i;
const NOT_A_NAME = /^(?:me|what|which|how|open|all|completed|done|any|anything|some|more|less|due|late|soon|done|finished|overdue|urgent|high|low|medium|next|last|first|latest|newest|oldest|upcoming|today'?s?|other)\b/i;

const SORTS: [RegExp, string][] = [
  [/\b(?:sort(?:ed)?|order(?:ed)?)\s+by\s+(?:the\s+)?(?:due(?:\s+date)?|deadline|date)\b|\bsoonest first\b/i, "due"],
  [/\b(?:sort(?:ed)?|order(?:ed)?)\s+by\s+(?:the\s+)?(?:priority|importance)\b|\b(?:most important|highest priority) first\b|\bby priority$/i, "priority"],
  [/\b(?:sort(?:ed)?|order(?:ed)?)\s+(?:by\s+)?(?:title|name|alphabetically)\b|\balphabetically\b/i, "title"],
  [/\b(?:sort(?:ed)?|order(?:ed)?)\s+by\s+(?:created|creation date|newest)\b|\bnewest first\b/i, "created"],
  [/\b(?:sort(?:ed)?|order(?:ed)?)\s+by\s+(?:updated|last updated|recently updated)\b/i, "updated"],
];

const STOP_AFTER_CATEGORY = String.raw`(?=\s+(?:sorted|sort|ordered|order|due|tagged|with|by|that|which|for)\b|$)`;

/** One day named in a question ("what do i have tomorrow", "anything on friday", "what's due the 20th"). */
const ONE_DAY = /\b((?:this\s+|next\s+)?(?:tomorrow|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)|the\s+\d{1,2}(?:st|nd|rd|th)|\d{1,2}\/\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?)(?=\s*$|\s*[?,]|\s+(?:sorted|in|tagged|at|for)\b)/i;

function listCall(text: string, ctx?: Pick<InterpretContext, "now" | "timeZone">): PlannedCall {
  const args: ToolArgs = {};
  const refs: NonNullable<PlannedCall["refs"]> = {};
  if (/\b(?:including|incl\.?|with|and)\s+(?:the\s+)?(?:completed|done|finished)(?:\s+ones)?\b|\ball\s+tasks\s+ever\b/i.test(text)) args.status = "all";
  else if (/\b(?:completed|done|finished|closed)\b|\b(?:did|have) i (?:finish|finished|complete|completed|do|done|get done|got done|tick(?:ed)? off|check(?:ed)? off)\b/i.test(text)) args.status = "done";
  else if (/\beverything\b/i.test(text)) args.status = "all";
  const priorities = prioritiesIn(text);
  if (priorities.length) args.priorities = priorities;
  // "finance tagged stuff", "health-tagged tasks": the tag's name said before the word.
  const tagBefore = /(?:^|\s)#?([\p{L}\p{N}_]+)[\s-]+(?:tagged|labell?ed)(?=\s+(?:tasks|todos|items|stuff|things|ones)\b|\s*$)/iu.exec(text);
  const tagFirst = tagBefore && !/^(?:anything|everything|something|stuff|tasks?|todos?|things|items?|ones?|all|any|my|the|show|list|what|which|is|are)$/i.test(tagBefore[1]!) ? tagBefore : null;
  const tag = tagFirst ? null : (/\b(?:tagged(?:\s+with|\s+as)?|with\s+(?:the\s+)?tag|labell?ed)\s+#?([\p{L}\p{N}_-]+)/iu.exec(text) ?? /(?:^|\s)#([\p{L}\p{N}_-]+)/u.exec(text));
  if (tagFirst) refs.tag_ids = [labelName(tagFirst[1]!)];
  if (tag) {
    // "tagged health or finance": every tag named after the first ("any of these tags").
    const more = /^((?:\s*(?:,|or|and|&|\/)\s*#?(?!(?:due|in|from|sorted|ordered|by|with|that|which|for|today|tomorrow|this|next)\b)[\p{L}\p{N}_-]+)+)/iu.exec(text.slice(tag.index + tag[0].length));
    const others = more ? more[1]!.split(/\s*(?:,|\bor\b|\band\b|&|\/)\s*/i).map((w) => labelName(w)).filter(Boolean) : [];
    refs.tag_ids = [labelName(tag[1]!), ...others];
  }
  // "at work" is the Work category as much as "in work" is.
  const atWork = /\bat\s+(work|home)\b/i.exec(text);
  const category = atWork ? [atWork[0], atWork[1]] : new RegExp(String.raw`\b(?:in|from|under)\s+(?:the\s+|my\s+)?(?:category\s+)?([^\s].*?)(?:\s+(?:category|list|project))?${STOP_AFTER_CATEGORY}`, "i").exec(text);
  if (category && !/^(?:order|total|the next|next|a week|this week|today|tomorrow)\b/i.test(category[1]!)) refs.category_id = labelName(category[1]!);
  if (/\b(?:due\s+)?today(?:'?s)?\b/i.test(text)) args.due = "today";
  else if (/\b(?:this|the)\s+(?:coming\s+)?week\b|\bnext\s+(?:7|seven)\s+days\b|\bwithin a week\b/i.test(text)) args.due = "next7";
  else if (/\b(?:without|with no|no)\s+(?:a\s+)?(?:due\s+)?date\b|\bundated\b|\bunscheduled\b|\b(?:not|never)\s+(?:been\s+)?scheduled\b/i.test(text)) args.due = "none";
  else {
    const day = ONE_DAY.exec(text);
    if (day && ctx && dateOnly(day[1]!, ctx)) args.due_on = day[1]!;
  }
  const sort = SORTS.find(([re]) => re.test(text));
  if (sort) args.sort_by = sort[1];
  const top = /\b(?:top|first)\s+(\d+|three|five|ten)\b/i.exec(text);
  if (top) args.limit = numberFrom(top[1]!) ?? 20;
  return Object.keys(refs).length ? { tool: "list_tasks", args, refs } : { tool: "list_tasks", args };
}

/** A filter the words name: a status, priority, tag, category, due window or order. */
const hasFilter = (call: PlannedCall) => Boolean(call.refs) || Object.keys(call.args).length > 0;

const OPENER = /^(?:any|anything|something|stuff|everything|all|only|just|my|the|what|which|show|list|display|see|view|get|give)\b/i;
const TRAILING_NOUN = /\b(?:tasks?|todos?|items?|stuff|things|ones)(?:\s+(?:sorted|ordered|by|first|only|please|due|in|from|under|tagged|with)\b.*)?$/i;

/**
 * A question said as a bare description of the tasks wanted, without a verb: "anything tagged finance?",
 * "urgent or high priority tasks", "work stuff sorted by priority". Tried last, after every command,
 * so "add urgent tasks review" stays a new task.
 */
/** "the expense report came back with questions, mark it not done": a topic, then a command about it (see reorder.ts). */
const TOPIC_THEN_COMMAND = /^.+?\s*[,;:–—-]\s+(?:mark|move|push|delete|remove|reopen|complete|tag|rename|set|make|put|snooze|skip|change)\b.*\b(?:it|that|this one|them)\b/i;

export const describedListRule: Rule = (text, ctx) => {
  // A lone date ("no, the 26th") corrects the task in focus (bareDateRule), it asks for no list.
  if ((!OPENER.test(text) && !TRAILING_NOUN.test(text)) || TOPIC_THEN_COMMAND.test(text) || duePhrase(text, ctx)) return undefined;
  // "any errands?", "anything work": a label alone — its category, else its tag, else the word searched for.
  // "list errands", "show all errands": the same, asked with a verb.
  const bareLabel = /^(?:any|anything|list|list all|list my|all my|all)\s+([\p{L}\p{N}_-]+)$/iu.exec(text);
  if (bareLabel && !FILTER_WORD.test(bareLabel[1]!) && !prioritiesIn(bareLabel[1]!).length && !/^(?:tasks?|todos?|stuff|things|items?|due|else)$/i.test(bareLabel[1]!)) {
    const name = labelName(bareLabel[1]!);
    return {
      kind: "calls",
      calls: [{ tool: "list_tasks", args: {}, refs: { category_id: name } }],
      alternatives: [[{ tool: "list_tasks", args: {}, refs: { tag_ids: [name] } }], [{ tool: "search_tasks", args: { query: name } }]],
    };
  }
  const call = listCall(text, ctx);
  // "anything for work this week": "for" and a label's name, its category, else its tag.
  const forLabel = /\bfor\s+(?:my\s+|the\s+)?([\p{L}\p{N}_-]+)(?=\s+(?:this|next|today|tomorrow|due)\b|$)/iu.exec(text);
  if (forLabel && !call.refs && !FILTER_WORD.test(forLabel[1]!) && !/^(?:today|tomorrow|tonight)$/i.test(forLabel[1]!)) {
    const name = labelName(forLabel[1]!);
    return { kind: "calls", calls: [{ ...call, refs: { category_id: name } }], alternatives: [[{ ...call, refs: { tag_ids: [name] } }], [call]] };
  }
  return hasFilter(call) || labelled(text) ? withLabelReadings(text, call) : undefined;
};

const FILTER_WORD = /^(?:my|all|the|any|open|completed|done|finished|overdue|urgent|high|low|medium|important|priority|upcoming|today'?s?|this|next|show|list|what|which|are|is|me|other)$/i;

/** "work tasks", "home stuff", "finance ones": a label named in front of the list noun. */
function labelled(text: string): string | undefined {
  const m = /(?:^|\s)([\p{L}\p{N}_-]+)\s+(?:tasks|todos|items|stuff|things|ones)\b/iu.exec(text);
  return m && !FILTER_WORD.test(m[1]!) ? m[1] : undefined;
}

/** The list with that word read as a category, then as a tag, then as nothing: the engine keeps the first that exists. */
function withLabelReadings(text: string, call: PlannedCall): Interpretation {
  // "what's in errands": a place named for the list is a category when there is one, else the tag of that name.
  if (call.refs?.category_id && !call.refs.tag_ids) {
    const { category_id: name, ...others } = call.refs;
    return { kind: "calls", calls: [call], alternatives: [[{ ...call, refs: { ...others, tag_ids: [name] } }]] };
  }
  const label = labelled(text);
  if (!label || call.refs?.category_id || call.refs?.tag_ids) return one(call);
  const asCategory: PlannedCall = { ...call, refs: { ...call.refs, category_id: label } };
  const asTag: PlannedCall = { ...call, refs: { ...call.refs, tag_ids: [label] } };
  return { kind: "calls", calls: [asCategory], alternatives: [[asTag], [call]] };
}

export const queryRules: Rule[] = [
  // "due tmrw" said right after a task was added or shown is its new date, not a question about tomorrow.
  (text, ctx) => {
    if (!ctx.focus || !/^due\s/i.test(text)) return undefined;
    const due = duePhrase(text, ctx);
    return due ? one({ tool: "update_task", args: { task_id: ctx.focus.id, due_date: due }, about: ctx.focus.title }) : undefined;
  },
  (text) => {
    const m = ONE_TASK.exec(text);
    return m && !NOT_A_NAME.test(m[1]!) && !LIST_NOUN.test(m[1]!) && !prioritiesIn(m[1]!).length ? one({ tool: "search_tasks", args: { query: unquote(m[1]!) } }) : undefined;
  },
  (text) => {
    // "add pay the overdue water bill": a new task whose title says overdue is no question.
    if (!OVERDUE.test(text) || /\b(?:delete|remove|complete|move|reschedule)\b/i.test(text) || /^(?:add|create|new|remind me|jot down|note down)\b/i.test(text)) return undefined;
    // With a category, tag or priority the filtered list answers; otherwise the dedicated tool.
    const filtered = listCall(text);
    if (!filtered.refs && !filtered.args.priorities) return one({ tool: "get_overdue_tasks", args: {} });
    return one({ ...filtered, args: { ...filtered.args, due: "overdue" } });
  },
  (text) => {
    if (!UPCOMING.test(text) || prioritiesIn(text).length || /\btagged|\bsort/i.test(text)) return undefined;
    const days = daysIn(text);
    return one({ tool: "get_upcoming_tasks", args: days ? { days } : {} });
  },
  (text) => {
    // "any tasks with no due date?" is a filter, not a search for the words "no due date".
    if (/\b(?:without|with no|no)\s+(?:a\s+)?(?:due\s+)?date\b/i.test(text)) return undefined;
    for (const re of SEARCH_RES) {
      const m = re.exec(text);
      // "anything for work this week": a label and a due window, which the filtered list answers.
      if (m && /\b(?:this week|next week|today|tomorrow|overdue)$/i.test(m[1] ?? "")) return undefined;
      // "find anything with budget in the name": where the word is said after it.
      const query = unquote(m?.[1]?.replace(/\s+in\s+(?:it|the\s+(?:name|title))$/i, "").replace(/^(?:the|my|a|an)\s+/i, "").replace(/(?<=\S)\s+(?:task|todo|one|item|thing)$/i, "") ?? "");
      if (query) return one({ tool: "search_tasks", args: { query } });
    }
    return undefined;
  },
  (text, ctx) => (LIST_TRIGGER.test(text) ? withLabelReadings(text, listCall(text, ctx)) : undefined),
];
