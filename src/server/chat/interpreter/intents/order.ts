// The order rules are tried in: specific phrasings before the generic ones they overlap with
// ("remove the finance tag from X" before "remove X"; "delete completed tasks in Shopping" before
// "delete the Shopping category").
import { reminderRules, tagRules } from "./actions";
import { addRules } from "./add";
import { bulkEditRules } from "./bulk";
import { correctionRules } from "./corrections";
import { bareDateRule, editRules } from "./edits";
import { snoozeRules, undoRules } from "./history";
import { relativeDueRules, relativePriorityRules } from "./relative";
import { bulkDeleteRules, completeRules, deleteTaskRules, reopenRules } from "./lifecycle";
import { occurrenceRules } from "./occurrences";
import { describedListRule, queryRules } from "./queries";
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
  ...undoRules,
  // Before everything that would read the words as a request of their own ("home" as a list, "call grandpa" as a task).
  ...correctionRules,
  // Before the one-task rules: "make everything in home urgent", "tag all my home tasks with weekend" are every
  // task there, not one called so (they only match words that name a group of tasks).
  ...bulkEditRules,
  ...tagRules,
  // Before reminders: "remind me again tomorrow morning" snoozes the reminder that went off.
  ...snoozeRules,
  ...reminderRules,
  ...bulkDeleteRules,
  ...taxonomyRules,
  // Before the edits they look like: "push it back a day" shifts, "move it to friday" sets.
  ...relativeDueRules,
  ...relativePriorityRules,
  ...reopenRules,
  // Before edits and deletes: "cancel monday's standup" is one occurrence, not the series.
  ...occurrenceRules,
  ...editRules,
  ...completeRules,
  ...deleteTaskRules,
  ...queryRules,
  ...addRules,
  describedListRule,
  // Last: a lone date after everything else failed is a correction of the task in focus ("actually friday").
  bareDateRule,
];
