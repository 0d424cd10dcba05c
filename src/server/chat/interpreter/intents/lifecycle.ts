// Completing, reopening and deleting tasks named in words ("i called mom", "the expense report is
// not done yet", "get rid of the dry cleaning task").
import { labelName, taskPhrase } from "../refs";
import type { PlannedCall } from "../types";
import { calls, onTask } from "./actions";
import { addRules } from "./add";
import { group } from "./bulk";
import type { Rule } from "./rule";

const DONE = String.raw`(?:done|complete|completed|finished|closed)`;
const NOT_DONE = String.raw`(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)|undone|incomplete|uncompleted|unfinished|open|to ?do|pending)`;
/** Words after the task that only colour the sentence: "finished the budget review, finally". */
const trailing = (phrase: string) => phrase.replace(/,?\s+(?:finally|at last|already|now|yay|phew|woo+|after all|anymore|any more)$/i, "");

export const reopenRules: Rule[] = [
  // "i need to redo the expense report", "redo the budget review": a done task opened again; when no done
  // task has that name, the words are a new task ("i need to redo the kitchen").
  (text, ctx) => {
    const m = /^(?:(?:i|we)\s+(?:need|have|got|must|should|gotta)\s+(?:to\s+)?|(?:need|have|got)\s+to\s+|gotta\s+)?(?:redo|re-do|do over)\s+(.+)$/i.exec(text);
    if (!m) return undefined;
    const asNew = addRules.map((rule) => rule(text, ctx)).find((r) => r?.kind === "calls");
    const reopen = onTask("reopen_task", trailing(m[1]!));
    return { kind: "calls", calls: [reopen], ...(asNew?.kind === "calls" ? { alternatives: [asNew.calls] } : {}) };
  },
  // "turns out the expense report needs redoing": a done task that needs doing again.
  (text) => {
    const m = /^(?:(?:it\s+)?turns out\s+(?:that\s+)?|apparently\s+)?(.+?)\s+(?:needs|need|has|have)\s+(?:redoing|re-doing|to be redone|to be done again|doing again|another go)$/i.exec(text);
    return m ? calls(onTask("reopen_task", m[1]!)) : undefined;
  },
  // "open the expense report back up", "open it up again": a done task opened again.
  (text) => {
    const m = /^open\s+(.+?)\s+(?:back\s+up|up\s+again|back\s+up\s+again)$/i.exec(text);
    return m ? calls(onTask("reopen_task", m[1]!)) : undefined;
  },
  // "reopen the expense report", "uncheck expense report", "un-complete the expense report"
  (text) => {
    const m = /^(?:re-?open|un-?mark|un-?check|un-?tick|un-?complete|un-?finish|bring back|undo (?:completing|complete|completion of|the completion of))\s+(.+)$/i.exec(text);
    return m ? calls(onTask("reopen_task", trailing(m[1]!))) : undefined;
  },
  // "mark the expense report as not done", "set expense report back to open", "mark expense report incomplete"
  (text) => {
    const m = new RegExp(String.raw`^(?:mark|set|put|make)\s+(.+?)\s+(?:as\s+|to\s+|back\s+(?:to|as)\s+)?${NOT_DONE}(?:\s+(?:again|yet))?$`, "i").exec(text);
    return m ? calls(onTask("reopen_task", m[1]!)) : undefined;
  },
  // "the expense report is not done yet", "that is not done", "expense report still needs doing"
  (text) => {
    const m =
      new RegExp(String.raw`^(.+?)\s+(?:still\s+)?(?:is|are|was|were)\s+(?:still\s+)?(?:not|n't)\s+(?:actually\s+|really\s+)?${DONE}(?:\s+(?:yet|after all|anymore))?$`, "i").exec(text) ??
      /^(.+?)\s+(?:still needs (?:doing|to be done|work)|is still (?:open|pending|to do)|isn't done)$/i.exec(text) ??
      /^(?:put|move|bring)\s+(.+?)\s+back\s+(?:on|to|in|into)\s+(?:my|the)\s+(?:list|tasks|(?:task|todo|to do|to-do)\s+list|open tasks)$/i.exec(text);
    return m ? calls(onTask("reopen_task", m[1]!)) : undefined;
  },
  // "i didn't do that yet", "we haven't finished the budget review": a completion taken back.
  (text) => {
    const m = /^(?:i|we)\s+(?:did not|have not|has not|had not|never)\s+(?:actually\s+|really\s+)?(?:do|done|did|finish|finished|complete|completed)\s+(.+?)(?:\s+(?:yet|after all|actually))*$/i.exec(text);
    return m ? calls(onTask("reopen_task", trailing(m[1]!))) : undefined;
  },
  // "done", "finished!", "all done": the verdict alone is about the task in focus (see completeRules).
  // "not done yet", "it's not done": the task in focus.
  (text) =>
    /^(?:(?:it|that|this)(?: one)?\s+is\s+|it's\s+|its\s+)?(?:still\s+)?not\s+(?:actually\s+|really\s+)?(?:done|finished|complete|completed)(?:\s+(?:yet|after all))?$|^not\s+yet$/i.test(text)
      ? calls(onTask("reopen_task", "it"))
      : undefined,
  // "not that one, reopen it"; "expense report needs more work, reopen it" names the task first.
  (text) => {
    const m = /^(?:(.*?)[,;]\s*)?(?:re-?open|uncheck)\s+(?:it|that)(?:\s+again)?$/i.exec(text);
    if (!m) return undefined;
    // The subject before its verb: "the expense report got rejected", "the report came back with questions".
    const topic = m[1]?.replace(/\s+(?:is|are|was|were|needs|still|has|had|should|isn't|is not|got|came|went|bounced|failed|turned out|looks|seems)\b.*$/i, "").trim();
    return calls(onTask("reopen_task", topic && !/^(?:oops|no|not|nope|wait|actually|sorry|hmm|ah|oh)\b/i.test(topic) ? topic : "it"));
  },
];

export const completeRules: Rule[] = [
  // "i just got back from the dry cleaners so that's done": what was done, then the verdict on it.
  (text) => {
    const m = /^(.+?),?\s+so\s+(?:that|it|this)(?:\s+one)?\s+is\s+(?:all\s+)?(?:done|sorted|finished|complete|taken care of)$/i.exec(text);
    if (!m) return undefined;
    const what = m[1]!
      .replace(/^(?:i|we)\s+(?:have\s+|just\s+|already\s+|finally\s+)*(?:got back from|came back from|went to|been to|picked up|dropped off|dealt with|took care of|did|finished|paid|sent|bought|called|[a-z]+ed)\s+/i, "")
      .trim();
    return what && what !== m[1] ? calls(onTask("complete_task", what)) : undefined;
  },
  // "done", "finished", "all done", "did it": a verdict alone is about the task the conversation is on.
  (text) => (new RegExp(String.raw`^(?:all\s+|it is\s+|that is\s+)?(?:already\s+)?(?:${DONE}|did it|sorted|got it done)(?:\s+(?:already|now|too))?$`, "i").test(text) ? calls(onTask("complete_task", "it")) : undefined),
  // "mark the report task as done", "set report to complete", "mark as done: dry cleaning", "completed: call mom"
  (text) => {
    const m =
      new RegExp(String.raw`^(?:mark|set|tick|check)\s+(?:as\s+)?${DONE}\s*:\s*(.+)$`, "i").exec(text) ??
      new RegExp(String.raw`^${DONE}\s*:\s*(.+)$`, "i").exec(text) ??
      new RegExp(String.raw`^(?:mark|set|tick|check)\s+(.+?)\s+(?:as\s+|to\s+)?${DONE}$`, "i").exec(text);
    return m ? calls(onTask("complete_task", trailing(m[1]!))) : undefined;
  },
  // "complete the report task", "tick off buy milk", "I finished the report", "got the dry cleaning done"
  (text) => {
    const m =
      /^(?:complete|finish|close|check off|tick off|tick|cross off|mark off|done with|done|ticked off|crossed off|checked off)\s+(.+)$/i.exec(text) ??
      /^(?:i\s+)?(?:have\s+|just\s+|already\s+)*(?:finished|completed|did|done with|ticked off|crossed off|checked off)\s+(.+)$/i.exec(text) ??
      /^i\s+(?:have\s+)(?:just\s+|already\s+)*done\s+(.+)$/i.exec(text) ??
      /^(?:i\s+)?(?:have\s+|just\s+)?(?:got|gotten|get)\s+(.+?)\s+done$/i.exec(text) ??
      new RegExp(String.raw`^(.+?)\s+(?:is|are|has been|have been)\s+(?:now\s+|all\s+)?(?:${DONE}|booked|paid|sent|sorted|handled|bought|submitted|taken care of)$`, "i").exec(text);
    // "completed work tasks", "finished home stuff": a kind of task in the plural, without "i", asks to see them.
    if (m && /^(?:finished|completed|done)\s/i.test(text) && /\b(?:tasks|todos|items|stuff|things|ones)$/i.test(m[1]!)) return undefined;
    return m ? calls(onTask("complete_task", trailing(m[1]!))) : undefined;
  },
  // "strike call mom off my list", "cross X off"
  (text) => {
    const m = /^(?:strike|cross|tick|check|mark|knock)\s+(.+?)\s+off(?:\s+(?:my|the)\s+(?:list|todo list|tasks))?$/i.exec(text);
    return m ? calls(onTask("complete_task", m[1]!)) : undefined;
  },
  // "call mom: done", "dentist appointment — done!", "dentist appt done": the task, then the verdict.
  (text) => {
    const m = new RegExp(String.raw`^(.+?)\s*(?:[:\-–—,]\s*)?(?:(?:is|are)\s+)?(?:all\s+)?(?:${DONE}|sorted|taken care of)$`, "i").exec(text);
    if (!m || /^(?:mark|set|get|got|i|all|not|we|what|which|is|are|anything|how|show|list|find|search|display|give)\b/i.test(m[1]!) || /\b(?:not|including|incl|with|and|or|in)$/i.test(m[1]!)) return undefined;
    return calls(onTask("complete_task", trailing(m[1]!)));
  },
  // "i called mom", "i bought the groceries", "finally booked the flights", "wrapped up the budget review":
  // a past-tense verb, then what the task is about.
  (text) => {
    const m =
      /^(?:i\s+|finally\s+|just\s+|already\s+)(?:have\s+|just\s+|already\s+|finally\s+)*(wrapped up|sorted out|dealt with|took care of|knocked out|(?:[a-z]+ed)|bought|paid|sent|got|took|did|made|wrote|went to|picked up|handed in)\s+(.+)$/i.exec(text) ??
      /^(wrapped up|sorted out|dealt with|took care of|knocked out|bought|paid|sent|picked up|handed in|posted|collected|returned|booked|renewed|called|rang|emailed|phoned|cleaned|submitted|got|grabbed|fixed|finished|filed|mailed|dropped off|ordered|fed|walked|watered|washed|wrote|sent off)\s+(.+)$/i.exec(text);
    // "got to call mom" is a duty, not a deed.
    // "got anything with dentist in it" is a question; so is "completed work tasks" (a kind of task, in the plural).
    if (!m || /^(?:need|want|have|must|should)/i.test(m[1]!) || /^(?:to|a|an|some|one|anything|something|any|everything)\b/i.test(m[2]!)) return undefined;
    if (!/^i\b/i.test(text) && /\b(?:tasks|todos|items|stuff|things|ones)$/i.test(m[2]!)) return undefined;
    // "already picked him up": a person or thing said by a pronoun is the task the conversation is on.
    return calls(onTask("complete_task", PERSON_PRONOUN.test(m[2]!) ? "it" : trailing(m[2]!)));
  },
  // "picked rex up", "dropped the suits off": a phrasal verb in the past with what it was done to in the middle.
  (text) => {
    const m = /^(?:i\s+|we\s+)?(?:have\s+|just\s+|already\s+|finally\s+)*(?:picked|dropped|paid|handed|sent|cleaned|sorted|tidied|rang|called|checked|backed|wrapped|signed|booked|took|brought|gave|put|filled|mailed|posted)\s+(.+?)\s+(?:up|off|back|out|in|over|away)(?:,?\s+(?:finally|at last|already|now|today))?$/i.exec(text);
    if (!m || /^(?:to|a|an|some|anything|something|everything)\b/i.test(m[1]!)) return undefined;
    return calls(onTask("complete_task", PERSON_PRONOUN.test(m[1]!) ? "it" : m[1]!));
  },
];

/** "him", "her", "him up": a pronoun for the person or thing a task is about. */
const PERSON_PRONOUN = /^(?:him|her|it|them)(?:\s+(?:up|off|back|out|in|over))?$/i;

export const bulkDeleteRules: Rule[] = [
  // "delete all completed tasks in Shopping", "clear done tasks"
  (text) => {
    const m =
      /^(?:delete|remove|clear|purge|get rid of|clean up|trash)\s+(?:out\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(completed|done|finished|open|overdue)?\s*(?:tasks|todos)(?:\s+(?:in|from|under)\s+(?:the\s+|my\s+)?(.+))?$/i.exec(text);
    if (!m || (!m[1] && !m[2] && !/\ball\b/i.test(text))) return undefined;
    const status = !m[1] ? "all" : /open/i.test(m[1]) ? "open" : /overdue/i.test(m[1]) ? "open" : "done";
    const forEach: PlannedCall["forEach"] = { args: { status, ...(/overdue/i.test(m[1] ?? "") ? { due: "overdue" } : {}) } };
    if (m[2]) forEach.refs = { category_id: labelName(m[2]) };
    return { kind: "confirm", calls: [{ tool: "delete_task", args: {}, forEach }] };
  },
  // "delete all of them", "trash those", "get rid of both" after a list: one bulk deletion (one undo restores them).
  (text, ctx) => {
    const m = /^(?:delete|remove|trash|get rid of|erase|bin|scrap|ditch|toss|clear|nuke)\s+(.+)$/i.exec(text);
    // Also a group named by its label or due window ("delete everything tagged errands"): the tasks it lists now.
    const tasks = m ? group(m[1]!, ctx) : undefined;
    return tasks ? { kind: "confirm", calls: [{ tool: "delete_tasks", args: {}, forEach: tasks }] } : undefined;
  },
];

const DELETE = String.raw`(?:delete|remove|trash|get rid of|erase|drop|bin|scrap|nuke|ditch|toss|kill|cancel|throw away|throw out|wipe|clear out|axe|junk|zap)`;

export const deleteTaskRules: Rule[] = [
  // "the passport task can go": leave to drop it.
  (text) => {
    const m = /^(.+?)\s+(?:can|could)\s+go(?:\s+(?:now|too|as well))?$/i.exec(text);
    return m ? { kind: "confirm", calls: [{ tool: "delete_task", args: {}, refs: { task_id: taskPhrase(m[1]!) } }] } : undefined;
  },
  // "delete the dentist task", "get rid of the dry cleaning task", "i don't need the dry cleaning task anymore"
  (text) => {
    const m =
      new RegExp(String.raw`^${DELETE}\s+(.+)$`, "i").exec(text) ??
      // "… anymore, delete it": the reason said first, then the command about the same task.
      /^i\s+(?:do not|no longer)\s+need\s+(.+?)(?:\s+(?:anymore|any more|any longer))?(?:[,;]?\s+(?:so\s+)?(?:just\s+)?(?:delete|remove|bin|drop|trash|get rid of|scrap)\s+(?:it|that|this))?$/i.exec(text) ??
      /^forget\s+(?:about\s+)?(.+)$/i.exec(text);
    // "remove call mom from my list": the list is where it goes from, not part of its name.
    const task = m ? trailing(m[1]!).replace(/\s+(?:from|off)\s+(?:my|the)\s+(?:list|tasks|todo list|to do list|todos)$/i, "") : "";
    return m ? { kind: "confirm", calls: [{ tool: "delete_task", args: {}, refs: { task_id: taskPhrase(task) } }] } : undefined;
  },
];
