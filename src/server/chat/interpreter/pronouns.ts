// "Move it to friday", "mark that done": a task named by a pronoun is the conversation's focus, the
// task it last talked about. Rules name it with IT; binding puts the focus's id in its place.
import type { Interpretation, PlannedCall, TaskChoice } from "./types";

/** The phrase rules put in refs.task_id for "it", "that", "this one", … */
export const IT = "\u0000it";

// "him", "her": the person a task is about ("picked him up" after the vet task was shown).
const PRONOUN = /^(?:it|its|it's|that|this|that one|this one|that task|this task|the task|the same one|the last one|the one|him|her)$/i;

export const isPronoun = (words: string) => PRONOUN.test(words.trim());

function bindCall(call: PlannedCall, focus: TaskChoice): PlannedCall {
  if (call.refs?.task_id !== IT) return call;
  const { task_id: _it, ...refs } = call.refs;
  const bound: PlannedCall = { ...call, args: { ...call.args, task_id: focus.id }, about: focus.title };
  if (Object.keys(refs).length) bound.refs = refs;
  else delete bound.refs;
  return bound;
}

const usesIt = (calls: PlannedCall[]) => calls.some((c) => c.refs?.task_id === IT);

/** Replaces IT with the focused task, or asks which task is meant when there is none. */
export function bindPronouns(result: Interpretation, focus: TaskChoice | null | undefined): Interpretation {
  if (result.kind !== "calls" && result.kind !== "confirm") return result;
  const all = [result.calls, ...(result.alternatives ?? [])];
  if (!all.some(usesIt)) return result;
  if (!focus) {
    // Readings without a pronoun still stand; only when every reading needs one do we ask.
    const [first, ...rest] = all.filter((calls) => !usesIt(calls));
    if (first) return { ...result, calls: first, alternatives: rest };
    return { kind: "clarify", question: 'Which task do you mean? Name it, e.g. "move the report task to friday".' };
  }
  return {
    ...result,
    calls: result.calls.map((c) => bindCall(c, focus)),
    ...(result.alternatives ? { alternatives: result.alternatives.map((calls) => calls.map((c) => bindCall(c, focus))) } : {}),
  };
}
