// The deterministic interpreter: an ordered table of grammar rules over normalised text.
// It only turns words into tool calls; every rule about tasks lives behind the tools.
import { followUp } from "./follow-up";
import { orderedRules } from "./intents/order";
import { isCorrection, normalize } from "./normalize";
import { bindPronouns } from "./pronouns";
import { reorderings } from "./reorder";
import type { InterpretContext, Interpretation } from "./types";

export type * from "./types";
export { DESTRUCTIVE_TOOLS } from "./types";

export const HELP_TEXT =
  'I can add, list, find, complete, move, tag and delete tasks, and manage categories and tags. Try "add buy milk tomorrow 5pm", "what\'s overdue?" or "mark the report task as done".';

export function interpret(utterance: string, ctx: InterpretContext): Interpretation {
  const text = normalize(utterance);
  ctx = { ...ctx, correction: isCorrection(utterance) };
  if (ctx.pending) {
    const answer = followUp(text, ctx.pending);
    if (answer) return answer;
  }
  if (!text) return { kind: "reply", text: HELP_TEXT };
  for (const candidate of [text, ...reorderings(text, ctx)]) {
    for (const rule of orderedRules) {
      const result = rule(candidate, ctx);
      if (result) return bindPronouns(result, ctx.focus);
    }
  }
  return { kind: "reply", text: `Sorry, I didn't understand that. ${HELP_TEXT}` };
}
