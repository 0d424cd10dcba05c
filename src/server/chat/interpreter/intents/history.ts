// Undo and snooze in words: "undo that", "revert the bulk edit", "snooze the vet reminder for an hour",
// "remind me again tomorrow morning". Both go through the same tools as the app (undo_change,
// snooze_reminder), so an undo here is an entry in the activity log like any other.
import { taskPhrase } from "../refs";
import { dateOnly, duePhrase, DURATION, durationMinutes, cutsAt } from "../slots";
import type { Interpretation, ToolArgs } from "../types";
import { calls, onTask } from "./actions";
import type { Rule } from "./rule";

const UNDO = String.raw`(?:undo|revert|reverse|roll ?back|take back|scratch)`;
const LAST = String.raw`(?:(?:the|my|your|that)\s+)?(?:last|latest|previous|most recent)?\s*(?:change|edit|update|action|thing|one|step|rename|renaming|move|deletion|delete|completion|snooze|skip|reschedule|tagging|tag change|priority change|date change)`;

export const undoRules: Rule[] = [
  // "revert the bulk edit", "undo my last bulk update"
  (text) =>
    new RegExp(String.raw`^${UNDO}\s+(?:the\s+|my\s+|that\s+)?(?:last\s+|latest\s+|previous\s+)?bulk(?:\s+(?:edit|update|change|action|operation))?s?$`, "i").test(text)
      ? calls({ tool: "undo_change", args: { bulk: true } })
      : undefined,
  // "undo", "undo that", "undo my last change", "take that back", "revert what you just did"
  (text) =>
    new RegExp(String.raw`^(?:${UNDO}(?:\s+(?:it|that|this|${LAST}|what (?:you|i) (?:just )?did))?|take (?:that|it) back|undo (?:the )?last|please undo)$`, "i").test(text)
      ? calls({ tool: "undo_change", args: {} })
      : undefined,
  // "i need that, undo": a reason, then the undo.
  (text) => (/^[^,]+,\s*(?:undo|revert)(?:\s+(?:it|that|this|please))?$/i.test(text) ? calls({ tool: "undo_change", args: {} }) : undefined),
  // "ctrl z", "cmd+z": the keyboard's undo, typed.
  (text) => (/^(?:ctrl|control|cmd|command)\s*[+-]?\s*z$/i.test(text) ? calls({ tool: "undo_change", args: {} }) : undefined),
  // "that was a mistake", "i didn't mean that", "my bad": the last change was not wanted.
  (text) =>
    /^(?:that\s+(?:was|is)\s+(?:a\s+mistake|wrong|an\s+accident|not\s+(?:right|what i meant|what i wanted))|i\s+(?:did not|didn't)\s+mean\s+(?:that|to(?:\s+do\s+that)?)|my\s+(?:mistake|bad)|(?:wrong|not that)\s+(?:one|task)|that is not what i meant)$/i.test(text)
      ? calls({ tool: "undo_change", args: {} })
      : undefined,
  // "put it back", "change it back", "set that back the way it was", "restore it", "undelete that":
  // back to how it was before the last change, which is what undo does.
  (text) =>
    /^(?:(?:put|change|set|switch|turn|make|move)\s+(?:it|that|this|them|everything)\s+back(?:\s+(?:(?:to\s+)?(?:the way|how|what)\s+it\s+was(?:\s+before)?|as it was(?:\s+before)?|again))?|bring\s+(?:it|that|this|them)\s+back|(?:restore|undelete|un-delete|recover)\s+(?:it|that|this)(?:\s+again)?|go back|back to how it was)$/i.test(text)
      ? calls({ tool: "undo_change", args: {} })
      : undefined,
];

/** When to snooze to, from the words after "for"/"until": a choice the app offers, or a time in words. */
function snoozeArgs(words: string, ctx: { now: Date; timeZone: string }): ToolArgs | undefined {
  const phrase = words.trim().replace(/^(?:for|until|till|til|to|in)\s+/i, "");
  // "an hour and a half": ninety minutes.
  if (/^(?:an?|one)\s+hour\s+and\s+a\s+half$/i.test(phrase)) return { until: "in 90 minutes" };
  const duration = new RegExp(String.raw`^(?:another\s+)?${DURATION}$`, "i").exec(phrase);
  if (duration && duration[2]) {
    const minutes = durationMinutes(duration[1]!, duration[2]);
    if (minutes === undefined) return undefined;
    return minutes === 5 ? { for: "5m" } : minutes === 60 ? { for: "1h" } : { until: `in ${minutes} minutes` };
  }
  if (/^tomorrow(?:\s+morning)?$/i.test(phrase)) return { for: "tomorrow" };
  if (dateOnly(phrase, ctx)) return { until: phrase };
  // "till 3": a bare hour is a clock time, read the way a due time is.
  const clock = /^\d{1,2}$/.test(phrase) ? duePhrase(phrase, ctx) : undefined;
  return clock ? { until: clock } : undefined;
}

/** "the vet reminder", "the reminder for rex", "rex reminder" → the task's words. */
const reminderOf = (words: string) =>
  taskPhrase(
    words
      .replace(/^(?:the\s+|my\s+|that\s+)?(?:reminders?|alarm|notification)\s+(?:for|about|on|of)\s+/i, "")
      .replace(/\s+(?:reminders?|alarm|notification)$/i, ""),
  );

function snooze(task: string, args: ToolArgs): Interpretation {
  return calls(onTask("snooze_reminder", task, args));
}

export const snoozeRules: Rule[] = [
  // "push the rex reminder to 5:30", "move the vet alarm to tomorrow 8am": the reminder, not the task, moves.
  (text, ctx) => {
    const m = /^(?:push|move|bump|delay|put off|shift)\s+(?:the\s+|my\s+)?(.+?)\s+(?:reminder|alarm|notification)\s+(?:to|till|until|for|by)\s+(.+)$/i.exec(text);
    const args = m ? snoozeArgs(m[2]!, ctx) : undefined;
    return m && args ? snooze(reminderOf(m[1]!), args) : undefined;
  },
  // "snooze the vet reminder for an hour", "snooze the reminder for rex until tomorrow", "snooze it 10 min", "snooze for an hour"
  (text, ctx) => {
    const m = /^(?:hit\s+|press\s+)?snooze\s+(?:on\s+)?(.+)$/i.exec(text);
    if (!m) return undefined;
    const rest = m[1]!;
    const alone = snoozeArgs(rest, ctx);
    if (alone) return snooze("it", alone);
    for (const [task, when] of cutsAt(rest, "for|until|till|til|to|in")) {
      const args = snoozeArgs(when, ctx);
      if (args) return snooze(reminderOf(task), args);
    }
    const bare = /^(.+?)\s+((?:another\s+)?\S+\s*(?:m|mins?|minutes?|h|hrs?|hours?)|(?:an?|one)\s+hour\s+and\s+a\s+half)$/i.exec(rest);
    const args = bare ? snoozeArgs(bare[2]!, ctx) : undefined;
    if (bare && args) return snooze(reminderOf(bare[1]!), args);
    return { kind: "clarify", question: 'For how long? Say e.g. "snooze it for an hour" or "snooze it until tomorrow morning".' };
  },
  // "give me 10 more minutes on the rex reminder": more time before a reminder goes off again is a snooze.
  (text, ctx) => {
    const m = /^(?:(?:give|get)\s+me\s+|i\s+(?:need|want)\s+)?(?:another\s+)?(half an hour|\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-five)\s+(?:more|extra)\s+(m|mins?|minutes?|h|hrs?|hours?)\s+(?:on|with|for|before)\s+(.+?\b(?:reminders?|alarm|notification)\b.*)$/i.exec(text);
    const args = m ? snoozeArgs(`${m[1]} ${m[2]}`, ctx) : undefined;
    return m && args ? snooze(reminderOf(m[3]!), args) : undefined;
  },
  // "remind me again tomorrow morning", "remind me about the vet again in an hour", "remind me again about it at 3pm"
  (text, ctx) => {
    const m =
      /^(?:remind|ping|nudge)\s+me\s+(?:about\s+|of\s+)?(.+?)\s+again\s+(.+)$/i.exec(text) ??
      /^(?:remind|ping|nudge)\s+me\s+again\s+(?:about\s+|of\s+)(.+?)\s+((?:in|at|on|tomorrow|tonight|later|next)\b.*)$/i.exec(text) ??
      /^(?:remind|ping|nudge)\s+me\s+again\s+()(.+)$/i.exec(text);
    if (!m) return undefined;
    const args = snoozeArgs(m[2]!, ctx);
    return args ? snooze(m[1] ? reminderOf(m[1]) : "it", args) : undefined;
  },
];
