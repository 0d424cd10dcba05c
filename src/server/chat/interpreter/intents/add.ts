// "add a high priority task to finish the report by Friday 5pm", "every Monday remind me to
// review emails at 9": strip the command words, read priorities said in words, and let the
// quick-add parser find dates, repetition, #tags, @category and "remind me … before".
import { parseQuickAdd } from "@/lib/quick-add";
import { labelName } from "../refs";
import { dateOnly, localIso, squash, takePriority } from "../slots";
import type { Interpretation, PlannedCall, ToolArgs } from "../types";
import type { Rule } from "./rule";

const ARTICLE = String.raw`(?:(?:a|an|the|new|another|one|quick|me)\s+)*`;
const NOUN = String.raw`(?:task|item|entry|reminder|thing)`;
const PRIORITY_WORDS = String.raw`((?:top|highest|critical|urgent|high|important|medium|normal|low)(?:[\s-]+(?:priority|prio))?\s+)?`;

/** Leading command words, longest first. Group 1 marks "remind me", which also sets a reminder. */
const COMMAND = new RegExp(
  String.raw`^(?:(remind me(?: to\b)?|set (?:a |an )?(?:reminder|alarm)(?: for\b)?|(?:don't|do not)(?: let me)? forget(?: to\b)?|(?:(?:i\s+)?(?:need|have|must|should|got|gotta)\s+(?:to\s+)?)?remember to|make sure (?:that )?(?:i|to)\b)|(?:add|create|make|new|put down|write down|put|stick|pop|chuck|schedule|set up|plan|capture|jot down|note down|note to self:?|note|log|record|i need to|i have to|i must|i should|i gotta|need to|gotta|have to)\b)\s*` +
    String.raw`(?:${ARTICLE}${PRIORITY_WORDS}${NOUN}\b\s*(?:(?:called|named|titled|saying|that says|for me|for|to|:|-)\s*)?)?(?:to\s+)?`,
  "i",
);
const MID_REMIND = /\bremind me to\b\s*/i;
const NEW_TASK_PREFIX = new RegExp(String.raw`^(?:${ARTICLE}${PRIORITY_WORDS.replace("((", "(?:(")}${NOUN}\s*(?:called|named|titled|:|-|to)?\s+)`, "i");

const TRAILING_LIST = /\s+(?:to|on|in)\s+(?:my|the)\s+(?:task\s+)?(?:list|tasks|todos?|to do list)$/i;
const CATEGORY_PHRASE = /\s+(?:in|to|under|into|for)\s+(?:the\s+|my\s+)?(?!(?:my|the)\s)([\p{L}\p{N}_ -]+?)\s+(?:category|list|project)\b/iu;
// The longer cue first: "tagged with errands" is the errands tag, not a tag called "with".
const TAGGED_PHRASE = /\s+(?:tag(?:ged)?\s+(?:it\s+)?(?:with|as)|labell?ed(?:\s+(?:it\s+)?(?:with|as))?|tagged|with (?:the )?tags?)\s+#?([\p{L}\p{N}_-]+(?:\s*(?:,|and)\s*#?[\p{L}\p{N}_-]+)*)|\s+with\s+(?:the\s+|a\s+|an\s+)?#?([\p{L}\p{N}_-]+)\s+(?:tag|label)\b/iu;
/** "…, tomorrow 8:30am, tag health": a bare "tag X" closing the request, after a comma or "and". */
const CLOSING_TAG = /(?:\s*,\s*|\s+and\s+)(?:tag|label)(?:\s+it)?\s+#?([\p{L}\p{N}_-]+)\s*$|,\s*#?([\p{L}\p{N}_-]+)\s+tag(?=\s*(?:,|$))/iu;
/** "…and put it under home", "…, file it in work": the new task's category said as a second step. */
const CLOSING_CATEGORY = /(?:\s*,\s*|\s+and\s+)(?:(?:put|file|stick|place|move)\s+(?:(?:it|that|this)\s+)?(?:in|under|into)|(?:in\s+)?(?:category|project|list)\s*:?)\s+(?:the\s+|my\s+)?(?!(?:list|tasks?|todos?|calendar|inbox)\b)([\p{L}\p{N}_-]+(?:\s+[\p{L}\p{N}_-]+)?)(?:\s+(?:category|list|project))?\s*$/iu;
const PRIORITY_SUFFIX = /\s+(?:with|at|as|and make it|and mark it)\s+(?:a\s+)?((?:top|highest|critical|urgent|high|medium|normal|low)\s+priority|priority\s+(?:urgent|high|medium|low))\b/i;

function addCall(rest: string, remindCue: boolean, ctx: { now: Date; timeZone: string }, said?: string): Interpretation {
  // "put X on my list for monday": the list it goes on is every task's, not part of the title.
  let text = ` ${rest}`.replace(TRAILING_LIST, "").replace(/\s+(?:on|to|in)\s+(?:my|the)\s+(?:task\s+|todo\s+|to do\s+)?list(?=\s+(?:for|on|by|due|at)\b)/i, "");
  const refs: NonNullable<PlannedCall["refs"]> = {};
  // "…, put it in home and tag errands": the category said before a closing tag is read once the tag is out.
  const closingTag = CLOSING_TAG.exec(text);
  const category = CLOSING_CATEGORY.exec(text) ?? CATEGORY_PHRASE.exec(text) ?? (closingTag ? CLOSING_CATEGORY.exec(text.slice(0, closingTag.index)) : null);
  // "…, file under finance": a place said without the word "category" may be a tag's name; that reading is offered too.
  const placeName = category && !/\b(?:category|project)\b/i.test(category[0]) ? labelName(category[1]!) : undefined;
  if (category) {
    refs.category_id = labelName(category[1]!);
    text = text.replace(category[0], " ");
  }
  const tagged = TAGGED_PHRASE.exec(text) ?? CLOSING_TAG.exec(text);
  const tagNames: string[] = tagged ? (tagged[1] ?? tagged[2]!).split(/\s*(?:,|\band\b)\s*/).map(labelName).filter(Boolean) : [];
  if (tagged) text = text.replace(tagged[0], " ");
  let priority = said ? takePriority(said).priority : undefined;
  const suffix = PRIORITY_SUFFIX.exec(text);
  if (suffix) {
    priority = takePriority(suffix[1]!.replace(/priority\s+(\w+)/i, "$1 priority")).priority;
    text = text.replace(suffix[0], " ");
  }
  // "…and make it due saturday", "…, set it for friday": the date said as a second step.
  text = squash(text.replace(TRAILING_LIST, "").replace(/(?:\s*,\s*|\s+and\s+)(?:make|set|have)\s+(?:it|that)\s+(?=(?:due|for|on)\s)/i, " "));
  if (!priority) ({ priority, rest: text } = takePriority(text));

  // A quoted title is taken as typed; only the words around it are read for dates and labels.
  const quoted = /(?:^|\s)["']([^"']+)["'](?=\s|$)/.exec(text);
  if (quoted) text = text.replace(quoted[0], " ");
  const parsed = parseQuickAdd(text, { now: ctx.now, timeZone: ctx.timeZone });
  let title = quoted ? quoted[1]!.trim() : parsed.title.replace(/^(?:to|that|about)\s+/i, "").replace(/^(?:a|an)\s+(?=\S+\s)/i, "").replace(/[\s,]+(?:and|&)$/i, "").replace(/[\s,]+(?:it is|its|which is|that is)(?:\s+(?:super|really|very|pretty|so|quite|kinda|extremely))?$/i, "").replace(/\s+(?:for|on|by|at|due)(?:\s+the)?$/i, "").replace(TRAILING_LIST, "").replace(/(?:\s*,)+\s*$/, "").replace(/\s*,(?:\s*,)+/g, ",").trim();
  // "move the car at 7:45 tmrw morning": a part of the day after the day word only says which half the time is in.
  const partOfDay = /\b(?:today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(morning|afternoon|evening|night)\b/i.exec(text);
  if (!quoted && partOfDay && parsed.dueAt && !parsed.allDay) title = title.replace(new RegExp(String.raw`\s+${partOfDay[1]}$`, "i"), "");
  // "sunday at 7 in the evening", "remind me quarter to 9 tomorrow morning to call …": the part of the day only says
  // which half of the day the clock time is in.
  if (!quoted && parsed.dueAt && !parsed.allDay) title = title.replace(/\s+in\s+the\s+(?:morning|afternoon|evening)$/i, "").replace(/^(?:morning|afternoon|evening|night)\s+(?:to\s+)?(?=\S)/i, "");
  // "put it under home" with no task in focus: a pronoun is no name for a new task.
  if (!title || /^(?:it|that|this|them|this one|that one)$/i.test(title)) return { kind: "clarify", question: "What should the task be called?" };
  for (const tag of parsed.tags) if (!tagNames.some((n) => n.toLowerCase() === tag.name.toLowerCase())) tagNames.push(tag.name);
  if (parsed.category && !refs.category_id) refs.category_id = parsed.category.name;
  if (tagNames.length) refs.tag_ids = tagNames;

  const args: ToolArgs = { title };
  if (parsed.priority ?? priority) args.priority = (parsed.priority ?? priority)!;
  if (parsed.dueAt) args.due_date = localIso(parsed.dueAt, parsed.allDay ?? false, ctx.timeZone);
  if (parsed.recurrenceRule) args.recurrence_rule = parsed.recurrenceRule;
  const reminder = parsed.reminders[0];
  if (reminder && "minutesBefore" in reminder) args.remind_before_minutes = reminder.minutesBefore;
  else if (reminder) args.remind_at = localIso(reminder.at, false, ctx.timeZone);
  // "Remind me to call Sam at 5pm" means a nudge at 5pm, not only a due date.
  else if (remindCue && parsed.dueAt && !parsed.allDay) args.remind_before_minutes = 0;
  const call: PlannedCall = { tool: "add_task", args };
  if (Object.keys(refs).length) call.refs = refs;
  // "@errands": Todoist's label sigil. It names a category when there is one of that name, else a tag; so does a
  // place said without the word "category" ("file under finance").
  if ((parsed.category && refs.category_id === parsed.category.name) || (placeName && refs.category_id === placeName)) {
    const { category_id: label, ...others } = refs;
    const asTag: PlannedCall = { tool: "add_task", args, refs: { ...others, tag_ids: [...(others.tag_ids ?? []), label!] } };
    return { kind: "calls", calls: [call], alternatives: [[asTag]] };
  }
  return { kind: "calls", calls: [call] };
}

/** "to Work", "in Home" closing a request (before its date, priority or reminder words): maybe a category, maybe part of the title. */
const MAYBE_CATEGORY = /\s+(?:to|in|into|under)\s+(?:the\s+)?([\p{L}\p{N}_-]+)(?=(?:,?\s+(?:#[\p{L}\p{N}_-]+|for|on|by|at|due|tomorrow|today|next|this|with|low|medium|normal|high|urgent|important|top|p[1-4]|remind|every)\b.*)?[,.]?$)/iu;

/**
 * A new task; when the words may end in a category ("add write thank you notes to Work"), the reading
 * with that category comes first and is kept only if the user has such a category.
 */
function addWithCategory(rest: string, remindCue: boolean, ctx: { now: Date; timeZone: string }, said?: string): Interpretation {
  const plain = addCall(rest, remindCue, ctx, said);
  const m = MAYBE_CATEGORY.exec(` ${rest}`);
  if (plain.kind !== "calls" || plain.calls[0]?.refs?.category_id || !m) return plain;
  // "to gran #family": before a #tag only "in"/"under" name a place; "to" is whom the task is for.
  if (/^\s*to\s/i.test(m[0]) && /^\s*#/.test(` ${rest}`.slice(m.index + m[0].length))) return plain;
  const without = ` ${rest}`.replace(m[0], " ").trim();
  // "put it under home": the task in focus moving, never a new task called "it".
  if (/^(?:it|that|this|them)$/i.test(without)) return { kind: "clarify", question: "What should the task be called?" };
  const withCategory = addCall(without, remindCue, ctx, said);
  if (withCategory.kind !== "calls" || !withCategory.calls[0]) return plain;
  const call = withCategory.calls[0];
  call.refs = { ...call.refs, category_id: labelName(m[1]!) };
  return { kind: "calls", calls: [call], alternatives: [plain.calls] };
}

export const addRules: Rule[] = [
  (text, ctx) => {
    const m = COMMAND.exec(text);
    // "new reminder: …" asks for a nudge as much as "remind me to …" does.
    // "i should probably call the plumber": an adverb after the command is no part of the title.
    if (m && m[0].trim()) return addWithCategory(text.slice(m[0].length).replace(/^(?:probably|really|definitely|also|just|still|maybe)\s+/i, ""), Boolean(m[1]) || /\breminder\b/i.test(m[0]), ctx, m[2]);
    // "every Monday remind me to review emails at 9": the command can follow a repetition or a date.
    const mid = MID_REMIND.exec(text);
    if (mid) return addCall(text.slice(0, mid.index) + " " + text.slice(mid.index + mid[0].length), true, ctx);
    // "tomorrow i need to call the school at 10": a day said first, then the command; the day goes with the task.
    const words = text.split(/\s+/);
    for (let cut = Math.min(3, words.length - 1); cut >= 1; cut -= 1) {
      const day = words.slice(0, cut).join(" ");
      const rest = words.slice(cut).join(" ");
      const command = COMMAND.exec(rest);
      if (command && command[0].trim() && dateOnly(day, ctx)) return addWithCategory(`${rest.slice(command[0].length)} ${day}`, Boolean(command[1]), ctx, command[2]);
    }
    return undefined;
  },
  // "new task: buy milk", "task: call Sam tomorrow"
  (text, ctx) => {
    const m = /^(?:new\s+)?(?:task|todo)\s*[:-]\s*(.+)$/i.exec(text) ?? (NEW_TASK_PREFIX.test(text) && /^new\b/i.test(text) ? [text, text.replace(NEW_TASK_PREFIX, "")] : null);
    return m ? addCall(m[1]!, false, ctx) : undefined;
  },
];
