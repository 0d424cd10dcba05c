// A change of an existing task's priority, said in the many ways people say it.
import { takePriority } from "../slots";
import { onTask } from "./actions";
import { QUESTION, readings } from "./readings";
import type { Rule } from "./rule";

const PRIORITY_WORD = /^(?:urgent|high|medium|normal|low|important|top|critical|p[1-4])$/i;

export function priorityOf(words: string) {
  const wanted = PRIORITY_WORD.test(words.trim()) && !/^p[1-4]$/i.test(words.trim()) ? `${words.trim()} priority` : words;
  const { priority, rest } = takePriority(wanted);
  return priority && !rest.replace(/^(?:a|an)\s+/i, "").trim() ? priority : undefined;
}

export const priorityRules: Rule[] = [
  (text) => {
    const m =
      /^(?:change|set|update|make|bump|raise|lower)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(.+?)\s+(?:to|as)\s+(.+)$/i.exec(text) ??
      /^(?:change|set|update|make|mark|bump)\s+(.+?)(?:'s|s')?\s+priority\s+(?:to|as)\s+(.+)$/i.exec(text) ??
      // "make dry cleaning priority 1"
      /^(?:make|mark|set|change|bump)\s+(.+?)\s+(?:to\s+|as\s+)?(priority\s*[1-4])$/i.exec(text) ??
      // "take the dentist down to medium", "move call mom up to high": the direction said, then the priority it lands on.
      /^(?:take|bring|knock|move|turn|put|drop|bump|kick)\s+(.+?)\s+(?:down|up)\s+(?:to|into)\s+(\S+(?:[\s-]+priority)?)$/i.exec(text) ??
      /^(?:make|mark|set|bump|raise|lower|change|flag|downgrade|upgrade|demote|promote|drop|put)\s+(.+?)\s+(?:back\s+)?(?:to\s+|as\s+)?(\S+(?:[\s-]+priority)?)$/i.exec(text) ??
      // "passport back to regular priority": the task, then the priority it goes back to, without a verb.
      /^(.+?)\s+back\s+to\s+(\S+(?:[\s-]+priority)?)$/i.exec(text) ??
      /^give\s+(.+?)\s+(?:a\s+|an\s+)?(\S+[\s-]+priority)$/i.exec(text) ??
      // "the budget review is really urgent": a word that only says how much.
      /^(.+?)\s+(?:is|are|can be|could be|should be|will be|may be)\s+(?:(?:now|really|very|super|pretty|quite|extremely|so|just)\s+)*(urgent|important|critical|(?:high|low|top|medium|normal)[\s-]+(?:priority|prio))(?:\s+(?:now|from now on|again))?$/i.exec(text) ??
      // "the groceries aren't a big deal, low prio": a remark about the task, then the priority it gets.
      /^(.+?)\s+(?:is|are)\s+[^,]{2,40},\s*((?:top|highest|critical|urgent|high|medium|normal|low)[\s-]+(?:priority|prio)|priority\s+(?:urgent|high|medium|normal|low))$/i.exec(text) ??
      // "passport is more of a p3", "the flights are a p1 now": Todoist's mark said as what the task is.
      /^(.+?)\s+(?:is|are|should be|feels)\s+(?:now\s+)?(?:more\s+(?:of\s+)?|more\s+like\s+|like\s+|really\s+)?(?:a|an)\s+(p[1-4]|priority\s*[1-4])(?:\s+(?:now|from now on|again|really))?$/i.exec(text);
    if (!m || QUESTION.test(m[1]!)) return undefined;
    const priority = priorityOf(m[2]!);
    return priority ? readings([[onTask("update_task", m[1]!, { priority })]]) : undefined;
  },
  // "dry cleaning p4", "call mom !high": the task, then a priority mark (Todoist's p1–p4, TickTick's !high).
  (text) => {
    const m = /^(.+?)\s+(p[1-4]|!(?:high|medium|low|urgent))$/i.exec(text);
    // "it's more like a p1" says it of the task in focus (bareDateRule).
    if (!m || QUESTION.test(m[1]!) || /^(?:add|create|new|make|set|it|its|that|thats|this)\b/i.test(m[1]!)) return undefined;
    const priority = priorityOf(m[2]!.replace(/^!/, ""));
    return priority ? readings([[onTask("update_task", m[1]!, { priority })]]) : undefined;
  },
  // "p1 for the dry cleaning", "set priority high on call mom", "prioritize the budget review"
  (text) => {
    const m =
      /^(p[1-4]|urgent|high priority|low priority|top priority)\s+(?:for|on)\s+(.+)$/i.exec(text) ??
      /^(?:set\s+|give\s+)?(?:the\s+)?priority\s+(?:of\s+)?(\S+)\s+(?:on|for|to)\s+(.+)$/i.exec(text);
    if (m) {
      const priority = priorityOf(m[1]!);
      return priority ? readings([[onTask("update_task", m[2]!, { priority })]]) : undefined;
    }
    const p = /^(prioriti[sz]e|de-?prioriti[sz]e)\s+(.+)$/i.exec(text);
    return p ? readings([[onTask("update_task", p[2]!, { priority: /^de/i.test(p[1]!) ? "low" : "high" })]]) : undefined;
  },
];

