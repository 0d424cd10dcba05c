// The order rules are tried in: specific phrasings before the generic ones they overlap with
// ("remove the finance tag from X" before "remove X"; "delete completed tasks in Shopping" before
// "delete the Shopping category").
import { bulkDeleteRules, completeRules, deleteTaskRules, editRules, reminderRules, tagRules } from "./actions";
import { addRules } from "./add";
import { queryRules } from "./queries";
import type { Rule } from "./rule";
import { taxonomyRules } from "./taxonomy";

const GREETING = /^(?:hi|hello|hey|yo|good (?:morning|afternoon|evening)|thanks|thank you|cheers|help|what can you do|how does this work|\?)$/i;

const smallTalk: Rule = (text) =>
  GREETING.test(text)
    ? {
        kind: "reply",
        text: /^(?:thanks|thank you|cheers)/i.test(text)
          ? "You're welcome."
          : 'Hi! I can add, list, find, complete, move, tag and delete tasks. Try "add buy milk tomorrow" or "what\'s overdue?".',
      }
    : undefined;

export const orderedRules: Rule[] = [
  smallTalk,
  ...tagRules,
  ...reminderRules,
  ...bulkDeleteRules,
  ...taxonomyRules,
  ...queryRules,
  ...editRules,
  ...completeRules,
  ...deleteTaskRules,
  ...addRules,
];
