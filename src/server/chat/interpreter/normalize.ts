// Cleans an utterance before the grammar sees it: contractions, politeness, trailing
// punctuation, and typos in the few keywords the grammar relies on. The user's casing is kept
// so task titles come out as typed.
import { distance } from "fastest-levenshtein";

const WD = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)`;
/** A weekday said in the plural ("tuesdays"): every such day. */
const WD_PLURAL = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)days`;

/** Words the grammar keys on; a misspelling within a small edit distance is corrected to them. */
const KEYWORDS = [
  "add", "create", "delete", "remove", "complete", "completed", "finish", "finished", "mark", "done",
  "show", "list", "search", "find", "move", "reschedule", "postpone", "rename", "change", "update",
  "task", "tasks", "todos", "category", "categories", "tags", "tagged", "priority", "urgent", "important",
  "overdue", "upcoming", "coming", "remind", "reminder", "minutes", "hours", "before", "sorted",
  "today", "tomorrow", "tonight", "yesterday", "week", "month", "next", "every",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "high", "medium", "snooze", "undo", "revert", "rename", "reopen",
  // Weekdays in the plural ("wendesdays"): a repetition's days, typed as fast as the rest.
  "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
];
const KNOWN = new Set(KEYWORDS);

/** Common slips that edit distance alone would not fix safely. */
const FIXED: Record<string, string> = {
  tmrw: "tomorrow", em: "them", "'em": "them", tmr: "tomorrow", nite: "night", tonite: "tonight", "we're": "we are", "they're": "they are", tmrrw: "tomorrow", tommorow: "tomorrow", tommorrow: "tomorrow", tomorow: "tomorrow",
  "2day": "today", "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", teh: "the", shw: "show", sho: "show", lst: "list", lsit: "list", serach: "search", mrak: "mark", taks: "task", tsak: "task", tasl: "task", tsks: "tasks", tdy: "today", wk: "week", pls: "please", plz: "please", thx: "thanks",
  tues: "tuesday", thur: "thursday", thurs: "thursday", weds: "wednesday",
  // End of the day: today (a deadline said as "by eod", "cob").
  eod: "today", cob: "today", eob: "today",
  todo: "task", "to-do": "task", "to-dos": "tasks", todos: "tasks",
  whats: "what is", "what's": "what is", "whats's": "what is", "what're": "what are", "i'd": "i would",
  "i've": "i have", "i'm": "i am", "don't": "do not", "dont": "do not", "can't": "cannot", "it's": "it is",
  "there's": "there is", "when's": "when is", whens: "when is", "where's": "where is", "let's": "let us", "isn't": "is not", "aren't": "are not", "wasn't": "was not",
  "doesn't": "does not", "didn't": "did not", "won't": "will not", "shouldn't": "should not", "that's": "that is",
  "thats": "that is", arent: "are not", wasnt: "was not", werent: "were not", didnt: "did not", havent: "have not", hasnt: "has not", shouldnt: "should not", couldnt: "could not", wouldnt: "would not", "isnt": "is not", "doesnt": "does not", "resched": "reschedule", prio: "priority", nvm: "never mind", u: "you", r: "are", ur: "your", "renmae": "rename", "mvoe": "move", "delte": "delete",
};

/** Slips corrected only as the first word, where a command stands ("ad buy milk"). */
const FIRST_WORD_FIXED: Record<string, string> = { ad: "add", crate: "create", shwo: "show", mrak: "mark" };

/** Words that look like typos of keywords but are ordinary title words. */
const PROTECTED = new Set(["unfinish", "untick", "undated", "unscheduled", "incomplete", "uncomplete", "uncompleted", "unfinished", "undone", "unmark", "uncheck", "unchecked", "water", "categorize", "categorise", "categorized", "schedule", "scheduled", "plan", "capture", "record", "ask", "dad", "adds", "mask", "market", "marks", "task", "tax", "taxes", "lost", "last", "dune", "tone", "week", "weak", "cook", "book", "look", "monthly", "weekly", "daily", "every", "ever", "even", "coming", "come", "tag", "tagged", "show", "snow", "slow", "shows", "find", "fine", "kind", "mind", "five", "move", "more", "movie", "remove", "listen", "lists", "lift", "most", "mist", "hours", "ours", "tours", "before", "next", "text", "nest", "done", "dont", "bone", "gone", "none", "note", "notes", "moved", "moves", "mover", "changed", "changes", "marked", "listed", "shown"]);

/** Edit distance where swapping two neighbouring letters ("taks") counts as one slip. */
function slips(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!] ? 1 : d;
}

function correctWord(word: string, first: boolean): string {
  const lower = word.toLowerCase();
  if (Object.hasOwn(FIXED, lower)) return FIXED[lower]!;
  if (first && Object.hasOwn(FIRST_WORD_FIXED, lower)) return FIRST_WORD_FIXED[lower]!;
  // Short words are only corrected in command position ("addd a task"), where titles never start.
  const minLength = first ? 4 : 5;
  if (KNOWN.has(lower) || PROTECTED.has(lower) || !/^[a-z]+$/.test(lower)) return word;
  // A four-letter word is only a slip when two neighbouring letters swapped ("hgih", "wkee").
  if (lower.length === 4 && lower.length < minLength) return KEYWORDS.find((k) => k.length === 4 && distance(k, lower) === 2 && slips(lower, k) === 1) ?? word;
  if (lower.length < minLength) return word;
  const allowed = lower.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const keyword of KEYWORDS) {
    if (Math.abs(keyword.length - lower.length) > allowed) continue;
    const d = slips(lower, keyword);
    if (d < bestDistance) [best, bestDistance, tie] = [keyword, d, false];
    else if (d === bestDistance && keyword !== best) tie = true;
  }
  if (best && !tie) return best;
  // Letters typed in the wrong order ("remdin", "compelte"): the keyword with the same letters.
  return (lower.length >= 5 && KEYWORDS.find((k) => scrambled(lower, k))) || word;
}

/**
 * The same letters in another order, as typos mix them: the first and last letters in place ("claening"), or the
 * first three ("remdin" for "remind"). Not any anagram: "stored" is not "sorted".
 */
export function scrambled(a: string, b: string): boolean {
  if (a === b || a.length !== b.length || a.length < 4) return false;
  if (!(a.slice(0, 3) === b.slice(0, 3) || (a[0] === b[0] && a.at(-1) === b.at(-1)))) return false;
  const letters = (w: string) => [...w].sort().join("");
  return letters(a) === letters(b);
}

const POLITE_START =
  /^(?:(?:hey|hi|hello|ok(?:ay)?|so|um+|uh+|err?|erm+|oh|ah|hmm+|well|ugh|yeah|right|assistant|cadence)[,!.]?\s+)*(?:(?:please|pls|kindly|could you(?: please)?|can you(?: please)?|would you(?: please)?|will you(?: please)?|would you mind|can we|could we|shall we|i(?: would|'d) like(?: you)? to|i want(?: you)? to|help me)\s+)*/i;
// Not "asap": it is a priority ("add renew car insurance asap" is urgent), read where priorities are.
// "…, low prio, no rush": an aside on how pressing it is adds nothing the words before did not say.
const POLITE_END = /(?:[,\s]+(?:please|pls|plz|thanks|thank you|thx|for me|if you can|if possible|too|as well|no rush|no hurry|when you get a chance|whenever you can|actually|(?:can|could|would) you add (?:that|it|this)(?: for me)?|(?:thanks|thank you|thank u|ty|cheers)(?:\s+(?:so|very)\s+much|\s+a\s+(?:lot|bunch|million)|\s+in\s+advance)?))+\s*$/i;

/**
 * Words that mark a correction or a follow-up ("actually …", "no wait, …", "sorry, I meant …", "also …"):
 * the rest is read as a request of its own, and "it" in it is the task the conversation is about.
 */
const CORRECTION_START =
  /^(?:(?:(?:actually|no wait|oh wait|oops|whoops|sorry|correction|i meant to say|i meant|i mean|wait no|oh no|also|and then|and|then|plus|just|never ?mind|scratch that|on second thought)(?:[,!.:;-]+\s*|\s+))|(?:(?:no|nope|nah|wait|oh|hmm+|ah|ok|okay|right)(?:[,!.:;-]+\s*|\s+(?=(?:and|also|actually|wait|sorry|no|then|plus|just|make|change|move|put|set|call|rename|that|i|my|wrong|undo)\b|\d))))+/i;

/** Whether the words start as a correction of what was just done ("no, friday", "i meant errands", "sorry, home"). */
export function isCorrection(utterance: string): boolean {
  const text = utterance.trim().replace(POLITE_START, "");
  return /^(?:no|nope|nah|not|actually|sorry|oops|whoops|correction|i meant|i mean|wait|hmm+|make that|make it|change that to|rather|or rather)\b/i.test(text);
}

/**
 * Whether the words ask for the change just made once more, on something else: "and the groceries too", "the flights as
 * well", "same for the groceries", "ditto for rent".
 */
export function isSameAgain(utterance: string): boolean {
  const text = utterance.trim().replace(/[.!?\s]+$/u, "");
  return /(?:^|[\s,])(?:too|as well)$/i.test(text) || /^(?:(?:and|oh and|also)\s+)?(?:(?:the\s+)?same\s+(?:thing\s+)?(?:for|with|goes for|to)|ditto\s+(?:for|with)|do\s+the\s+same\s+(?:for|with|to))\s/i.test(text);
}

function stripPoliteness(text: string): string {
  let out = text.replace(/[?.!\s]+$/u, "");
  let previous = "";
  while (previous !== out) {
    previous = out;
    out = out.replace(POLITE_START, "").replace(POLITE_END, "").replace(/[?.!,\s]+$/u, "").trim();
    // A lone "no" is an answer, not a correction of what follows.
    if (CORRECTION_START.test(out) && out.replace(CORRECTION_START, "").trim()) out = out.replace(CORRECTION_START, "").trim();
  }
  return out;
}

/** "would you mind adding …": the command said as a gerund after a polite question. */
const GERUNDS: Record<string, string> = {
  adding: "add", creating: "create", putting: "put", moving: "move", marking: "mark", deleting: "delete", removing: "remove",
  renaming: "rename", setting: "set", scheduling: "schedule", snoozing: "snooze", tagging: "tag", completing: "complete", changing: "change", making: "make",
};
const MIND_GERUND = new RegExp(String.raw`\b(?:would|do|will)\s+you\s+mind\s+(${Object.keys(GERUNDS).join("|")})\b`, "i");

/** Trims, unifies quotes, drops politeness and trailing punctuation, and corrects keyword typos. */
export function normalize(utterance: string): string {
  let text = stripPoliteness(
    utterance
      .replace(MIND_GERUND, (_all, gerund: string) => `please ${GERUNDS[gerund.toLowerCase()]}`)
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/\s+/g, " ")
      .trim(),
  );
  // "that one's done", "it's not": after a pronoun, 's is "is", never a possessive.
  text = text.replace(/\b(that one|this one|that|this|it|everything|all)'s\b/gi, "$1 is");
  // "dentist's now at 17:30", "standup's cancelled this monday": before "now" or a state, 's is "is" too.
  text = text.replace(/([\p{L}\p{N}])'s\s+(?=(?:now|cancell?ed|canceled|off|moved|postponed|rescheduled|pushed|done|finished|sorted|over|not|no longer)\b)/giu, "$1 is ");
  // "at like 10", "at around 5": a clock time said loosely is that time.
  text = text.replace(/\bat\s+(?:like|around|about|roughly)\s+(?=\d)/gi, "at ").replace(/(^|\s)(?:around|about|roughly)\s+(?=\d{1,2}(?::\d{2})?\s*(?:am|pm)\b)/gi, "$1at ");
  // "monday is better", "4pm works better": a value preferred is the value meant.
  text = text.replace(/^(.{1,30}?)\s+(?:is|would be|works|would work|is fine|sounds)\s+(?:much\s+)?(?:better|best|good)(?:\s+for (?:me|us))?$/i, "$1");
  // "done and dusted", "all done and dusted": an idiom for done.
  text = text.replace(/\bdone\s+and\s+dusted\b/gi, "done");
  // "passport renewal ✅": a check mark typed or pasted for done.
  text = text.replace(/\s*(?:✅|✔️?|☑️?|✓)\s*$/u, " done").trim();
  // "add a to do for me to …": a to-do typed as two words is a task (not "my to do list").
  text = text.replace(/\b(a|an|the|new|another|one)\s+to\s+do\b(?!\s+list)/gi, "$1 task");
  // "at 4 30": a clock time dictated without its colon.
  text = text.replace(/\bat\s+(\d{1,2})\s+([0-5]\d)\b(?!\s*(?:min|minutes|days|hours))/gi, "at $1:$2");
  // "3/19 @ 4:15pm": "@" before a time is "at" (before a word it names a category).
  text = text.replace(/(^|\s)@\s*(?=\d)/g, "$1at ");
  // "…asap, its the last week": a remark on the task after a comma ("its"/"it's" then an article) asks for nothing.
  text = text.replace(/,\s*(?:its|it's|it is)\s+(?:the|a|an|my|our|only|almost|nearly)\s+[^,]*$/i, "");
  // "at 2pm instead of 10", "on friday instead of thursday": the old value is named only to be replaced.
  text = text.replace(/\s+instead of\s+(?:the\s+)?[\p{L}\p{N}:.' ]{1,24}$/iu, " instead");
  // "no standup this monday, we're offsite": a reason after the request changes nothing.
  text = text.replace(/,\s*(?:because|since|cause|cuz|bc|as|we're|we are|i'm|i am|they're|they are)\s+[^,]*$/i, "");
  // "i'm off monday so skip the standup that day": a reason, then the request after "so"; "that day" is the day the
  // reason named.
  const soThen = /^(.+?),?\s+so\s+(?:please\s+|can you\s+|could you\s+)?((?:skip|cancel|move|push|reschedule|postpone|mark|delete|remove|snooze|make|set|put|tag|complete|drop)\b.*)$/i.exec(text);
  if (soThen) {
    const day = /\b(?:today|tomorrow|tonight|(?:this\s+|next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+\d{1,2}(?:st|nd|rd|th))\b/i.exec(soThen[1]!);
    text = day ? soThen[2]!.replace(/\b(?:on\s+)?that\s+day\b/i, `on ${day[0]}`) : soThen[2]!;
  }
  // "dentist is actually on the 19th": inside a sentence "actually" only stresses it (at the start it corrects).
  text = text.replace(/(\S)\s+actually\s+(?=\S)/gi, "$1 ");
  // "gym mon wed fri at 6pm", "swim tues and thurs": two or more weekdays listed are a weekly repetition
  // (not when they say which days to skip, move or show: "skip standup mon and tue"; nor when a repetition is said already).
  const asksOrMoves = /^(?:skip|cancel|move|reschedule|push|shift|no|show|list|what|which|find|search|delete|remove)\b/i.test(text);
  // "piano lesson tuesdays and thursdays at 4:30", "gym mondays": a weekday in the plural repeats weekly.
  if (!asksOrMoves && !/\b(?:every|each|weekly|fortnightly|repeats?|recurs?|repeating|recurring)\b/i.test(text)) text = text.replace(new RegExp(String.raw`(^|\s)(?:on\s+)?(${WD_PLURAL}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*|\s+)${WD_PLURAL})*)(?=$|[\s,.])`, "gi"), (_all, lead: string, days: string) => `${lead}every ${days.replace(/days\b/gi, "day")}`);
  if (!asksOrMoves && !/\b(?:every|each)\b/i.test(text)) text = text.replace(new RegExp(String.raw`(^|\s)(?<!(?:every|each|on|the|and|or|between|from)\s)(${WD}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*|\s+)${WD})+)(?=$|[\s,.])`, "gi"), "$1every $2");
  // "daily on weekdays", "every day on workdays": the days said last narrow the repetition.
  text = text.replace(/\b(?:daily|every\s+day|each\s+day)\s+(?:on|during)\s+(?:the\s+)?(?:weekdays|work\s?days|business\s+days)\b/gi, "every weekday");
  // Correct after politeness is gone so the command word is the first word.
  return stripPoliteness(text.replace(/[\p{L}\p{N}'-]+/gu, (word, offset: number) => correctWord(word, offset === 0)));
}

/** Strips one pair of surrounding quotes: "“Budget review”" → "Budget review". */
export function unquote(text: string): string {
  const t = text.trim();
  const m = /^["'](.+)["']$/.exec(t);
  return (m ? m[1]! : t).trim();
}
