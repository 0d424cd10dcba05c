// Answers to the assistant's own questions: yes/no to a confirmation, or which task of a list.
import { numberFrom } from "./slots";
import type { Interpretation, Pending, TaskChoice } from "./types";

const YES = /^(?:y|yes|yeah|yea|yep|yup|sure|ok|okay|k|confirm|confirmed|do it|go ahead|proceed|delete it|delete them|delete|please do|absolutely|correct|affirmative|yes please|of course|definitely)$/i;
const NO = /^(?:n|no|nope|nah|cancel|stop|don't|do not|never ?mind|abort|keep it|keep them|wait|no thanks|not now|forget it)$/i;

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };

/** "2", "#2", "the second one", "number 3", "option 1", "the last one" → 1-based index (-1 = last). */
function ordinalIn(text: string): number | undefined {
  const m = /^(?:the\s+|number\s+|no\.?\s*|option\s+|#)?(\d+|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\w+)(?:st|nd|rd|th)?(?:\s+(?:one|task))?$/i.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  if (word === "last") return -1;
  return ORDINALS[word] ?? numberFrom(word);
}

/** A more specific phrase: the one option whose title holds every word of it. */
function byWords(text: string, options: TaskChoice[]): TaskChoice | undefined {
  const words = text.toLowerCase().replace(/^(?:the|my)\s+/, "").replace(/\s+(?:one|task)$/, "").split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const hits = options.filter((o) => words.every((w) => o.title.toLowerCase().includes(w)));
  if (hits.length === 1) return hits[0];
  const exact = options.filter((o) => o.title.toLowerCase() === words.join(" "));
  return exact.length === 1 ? exact[0] : undefined;
}

/** The interpretation of a reply to `pending`, or undefined when the text is a new request instead. */
export function followUp(text: string, pending: Pending): Interpretation | undefined {
  const answer = text.trim();
  if (pending.type === "confirm") {
    if (YES.test(answer)) return { kind: "calls", calls: pending.calls };
    if (NO.test(answer)) return { kind: "reply", text: "OK, cancelled. Nothing was changed." };
    return undefined;
  }
  if (NO.test(answer)) return { kind: "reply", text: "OK, never mind." };
  const index = ordinalIn(answer);
  let choice: TaskChoice | undefined;
  if (index !== undefined) {
    choice = index === -1 ? pending.options.at(-1) : pending.options[index - 1];
    if (!choice) return { kind: "clarify", question: `Please pick a number from 1 to ${pending.options.length}.` };
  } else {
    choice = byWords(answer, pending.options);
  }
  if (!choice) return undefined;
  const { task_id: _chosen, ...otherRefs } = pending.call.refs ?? {};
  const call = { ...pending.call, args: { ...pending.call.args, task_id: choice.id }, about: choice.title };
  if (Object.keys(otherRefs).length) call.refs = otherRefs;
  else delete call.refs;
  return pending.destructive ? { kind: "confirm", calls: [call] } : { kind: "calls", calls: [call] };
}
