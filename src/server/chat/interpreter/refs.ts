// Turns the words naming a task or label into the phrase the engine will look up.
import { unquote } from "./normalize";
import { IT, isPronoun } from "./pronouns";
import { squash } from "./slots";

/** "the report task" → "report"; "my task about the budget" → "budget"; "“Buy milk”" → "Buy milk". */
export function taskPhrase(words: string): string {
  let text = squash(words).replace(/^["'](.+)["']$/, "$1");
  if (isPronoun(text)) return IT;
  const named = /\b(?:task|todo|item|one)\s+(?:called|named|titled|about|for|regarding|that says)\s+(.+)$/i.exec(text);
  if (named) text = named[1]!;
  text = text
    .replace(/^(?:the|my|that|this|our|a)\s+/i, "")
    .replace(/\s+(?:task|todo|item|one|thing)$/i, "")
    .replace(/^(?:task|todo)\s+/i, "");
  return unquote(text);
}

/** "the Shopping category" / "#finance" / "“Home”" → the bare label name. */
export function labelName(words: string): string {
  return unquote(
    squash(words)
      .replace(/^(?:the|my|a|an)\s+/i, "")
      .replace(/\s+(?:category|list|project|tag|label)$/i, "")
      .replace(/^(?:category|tag|label)\s+(?:called|named)?\s*/i, "")
      .replace(/^[#@]/, ""),
  );
}
