import { dateOnly } from "./slots";

// Other word orders, tried only when no rule read the sentence as typed: the task first, then what to
// do with it ("the budget review, push it to monday", "dry cleaning - move to friday", "groceries move
// to tomorrow"). Each is rewritten to the usual order, verb first.

const VERB = String.raw`(?:move|push|reschedule|postpone|shift|bump|delay|rename|delete|remove|complete|mark|tag|set|make|change|put|snooze|skip|remind me about)`;

export function reorderings(text: string, ctx: { now: Date; timeZone: string }): string[] {
  const out: string[] = [];
  // "friday: submit expenses": a date, then a new task.
  const dated = /^([^:]{2,30}):\s*(.+)$/.exec(text);
  if (dated && dateOnly(dated[1]!, ctx)) out.push(`add ${dated[2]} ${dated[1]}`);
  // "the budget review, push it to monday": the pronoun stands for the words before the comma.
  const topic = /^(.+?)\s*[,:;–—-]\s+(.+)$/.exec(text);
  // "rex is home, picked him up", "spoke to mom earlier, cross her off": him/her stand for the person the clause names.
  if (topic && /\b(?:it|that|this one|them|him|her)\b/i.test(topic[2]!)) {
    // "dentist appointment isn't urgent, make it low": the task is the words before "is".
    // "i don't need the budget review any more, delete it": the task is what the clause is about.
    // "the expense report came back with questions, mark it not done": the task is the subject, before the verb.
    const task = topic[1]!
      .replace(/\s+(?:is|are|was|is not|isn't|are not|aren't)\b.*$/i, "")
      .replace(/(?<=\S)\s+(?:came|went|got|has|had|needs|looks|seems|turned out|bounced|failed|[a-z]+ed\s+(?:back|up|out|off|in|with|to|by|again))\b.*$/i, "")
      .replace(/^(?:i|we)\s+(?:do not\s+|no longer\s+|will not\s+|really\s+)?(?:need|want|have|got|finished|did|forgot|use)\s+/i, "")
      // "spoke to mom earlier": whom the clause was about, after a verb of talking or meeting.
      .replace(/^(?:(?:i|we)\s+)?(?:just\s+|already\s+|finally\s+)?(?:spoke|talked|chatted|caught up|checked in|met|heard back|heard)\s+(?:to|with|from|up with)?\s*/i, "")
      .replace(/\s+(?:any ?more|any longer|now|after all|today|earlier|this morning|yesterday|just now|already)$/i, "");
    out.push(topic[2]!.replace(/\b(?:this one|that one|it|that|them|him|her)\b/i, task));
  }
  // "dry cleaning - move to friday", "groceries move to tomorrow", "call mom: delete"
  const verbLast = new RegExp(String.raw`^(.+?)\s*(?:[,:;–—-]\s*)?\s(${VERB})(?:\s+(.+))?$`, "i").exec(text);
  if (verbLast && verbLast[1]!.split(/\s+/).length <= 6) out.push(`${verbLast[2]} ${verbLast[1]}${verbLast[3] ? ` ${verbLast[3]}` : ""}`);
  return out.filter((t) => t !== text);
}
