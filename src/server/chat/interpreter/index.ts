// The deterministic interpreter: an ordered table of grammar rules over normalised text.
// It only turns words into tool calls; every rule about tasks lives behind the tools.
import { followUp } from "./follow-up";
import { orderedRules } from "./intents/order";
import { isCorrection, isSameAgain, normalize } from "./normalize";
import { bindPronouns } from "./pronouns";
import { reorderings } from "./reorder";
import type { InterpretContext, Interpretation } from "./types";

export type * from "./types";
export { DESTRUCTIVE_TOOLS } from "./types";

export const HELP_TEXT =
  'I can add, list, find, complete, move, tag and delete tasks, and manage categories and tags. Try "add buy milk tomorrow 5pm", "what\'s overdue?" or "mark the report task as done".';

/** A second request about the same task, after "and": "tag it errands and move it to friday". */
const AND_THEN = /^(.+?),?\s+and\s+(?:then\s+)?((?:move|push|tag|mark|set|make|rename|remind me about|put|snooze|change|complete|reschedule|give)\s+(?:it|that|this one|them)\b.*)$/i;

/** Two values for the task in focus after one verb: "make it p1 and due monday", "set it to high and tag it errands". */
const TWO_VALUES = /^(make|set|mark)\s+(it|that|this one)\s+(?:to\s+)?(.+?),?\s+and\s+(?:also\s+)?(?!(?:move|push|tag|mark|set|make|rename|put|snooze|change|complete|reschedule|give)\b)(.+)$/i;

/** Both halves read on their own, their calls made one after the other; undefined unless each half is a request. */
function twoRequests(text: string, ctx: InterpretContext): Interpretation | undefined {
  const m = AND_THEN.exec(text);
  const values = m ? undefined : TWO_VALUES.exec(text);
  const parts = m ? [m[1]!, m[2]!] : values ? [`${values[1]} ${values[2]} ${values[3]}`, `${values[1]} ${values[2]} ${values[4]}`] : undefined;
  if (!parts) return undefined;
  const halves = parts.map((half) => interpret(half, { ...ctx, pending: null }));
  const [first, second] = halves;
  if (first?.kind !== "calls" || second?.kind !== "calls") return undefined;
  return { kind: "calls", calls: [...first.calls, ...second.calls] };
}

export function interpret(utterance: string, ctx: InterpretContext): Interpretation {
  const text = normalize(utterance);
  ctx = { ...ctx, correction: isCorrection(utterance), sameAgain: isSameAgain(utterance) };
  if (ctx.pending) {
    const answer = followUp(text, ctx.pending);
    if (answer) return answer;
  }
  if (!text) return { kind: "reply", text: HELP_TEXT };
  const both = twoRequests(text, ctx);
  if (both) return both;
  for (const candidate of [text, ...reorderings(text, ctx)]) {
    for (const rule of orderedRules) {
      const result = rule(candidate, ctx);
      if (result) return bindPronouns(result, ctx.focus);
    }
  }
  return { kind: "reply", text: `Sorry, I didn't understand that. ${HELP_TEXT}` };
}
