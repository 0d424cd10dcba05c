// Changes relative to where a task is: "lower the priority", "bump it up", "push it back a day",
// "move the budget review a week later". The tool does the arithmetic on the task's own values
// (update_task's priority_step, and due_date "+1 day"), so the words never need to know them.
import { durationMinutes } from "../slots";
import type { PlannedCall } from "../types";
import { calls, onTask } from "./actions";
import type { Rule } from "./rule";

const UP = String.raw`(?:raise|increase|bump(?:\s+up)?|boost|up|escalate|upgrade|ramp up)`;
const DOWN = String.raw`(?:lower|decrease|reduce|drop|knock\s+down|downgrade|de-?escalate|tone\s+down)`;
const MORE_LESS = String.raw`(?:a\s+(?:bit|little|tad)\s+|slightly\s+|somewhat\s+)?(more|less)\s+(?:important|urgent|of\s+a\s+priority|pressing)`;

/** "bump X to high" names a priority: that is a plain set, not a step. */
const NAMES_PRIORITY = /\s(?:to|as|into)\s+(?:a\s+)?(?:\S+\s+)?(?:priority|prio|urgent|important|high|highest|low|lowest|medium|normal|top|critical|p[1-4])$/i;

const stepped = (task: string, step: number) => (NAMES_PRIORITY.test(` ${task}`) ? undefined : calls(onTask("update_task", task, { priority_step: step })));

export const relativePriorityRules: Rule[] = [
  // "lower the priority on budget review", "bump up the priority of call mom", "raise priority for dry cleaning"
  (text) => {
    const m = new RegExp(String.raw`^(?:(${UP})|${DOWN})\s+(?:the\s+|its\s+)?(?:priority|prio|importance)\s+(?:of|on|for)\s+(.+?)(?:\s+(?:a\s+(?:notch|bit|level|step)|one\s+(?:notch|level|step)))?$`, "i").exec(text);
    return m ? stepped(m[2]!, m[1] ? 1 : -1) : undefined;
  },
  // "decrease passport priority", "lower the budget review's priority", "raise its priority"
  (text) => {
    const m = new RegExp(String.raw`^(?:(${UP})|${DOWN})\s+(.+?)(?:'s|s')?\s+(?:priority|prio|importance)(?:\s+(?:a\s+(?:notch|bit)|one\s+(?:notch|level)))?$`, "i").exec(text);
    return m ? stepped(m[2]!, m[1] ? 1 : -1) : undefined;
  },
  // "make book flights a bit more important", "make call mom less urgent", "the dentist is less important now"
  (text) => {
    const m =
      new RegExp(String.raw`^(?:make|mark|set)\s+(.+?)\s+${MORE_LESS}(?:\s+now)?$`, "i").exec(text) ??
      new RegExp(String.raw`^(.+?)\s+(?:is|are|seems|feels)\s+(?:now\s+)?${MORE_LESS}(?:\s+now|\s+than (?:i|we) thought)?$`, "i").exec(text);
    return m ? stepped(m[1]!, /more/i.test(m[2]!) ? 1 : -1) : undefined;
  },
  // "call mom is not that important", "the report isn't urgent anymore": importance denied is one step down.
  (text) => {
    const m = /^(.+?)\s+(?:is|are|seems|feels)\s+not\s+(?:that|so|very|really|too|as|all that|particularly)?\s*(?:important|urgent|pressing|a priority|high priority)(?:\s+(?:anymore|any more|now|after all|right now))?$/i.exec(text);
    return m ? stepped(m[1]!, -1) : undefined;
  },
  // "bump it up", "knock the dentist appointment down a notch", "move call mom up the list"
  (text) => {
    const m = /^(?:bump|knock|kick|ramp|turn|move|push)\s+(.+?)\s+(up|down)(?:\s+(?:a\s+(?:notch|peg|level|bit)|one\s+(?:notch|level)|the\s+list|in\s+priority))?$/i.exec(text);
    if (!m || (/^(?:move|push)$/i.test(text.split(" ")[0]!) && !/notch|peg|level|list|priority/i.test(text))) return undefined;
    return stepped(m[1]!, /up/i.test(m[2]!) ? 1 : -1);
  },
];

// ---- due date shifts --------------------------------------------------------------------------

const COUNT = String.raw`(half an hour|\d+|an?|one|two|three|four|five|six|seven|ten|fifteen|twenty|thirty|forty-five|couple(?:\s+of)?|few)`;
const UNIT = String.raw`(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?)`;
const LATER = /^(?:back|out|later|off|on)$/i;
const EARLIER = /^(?:forward|ahead|earlier|sooner|up|in)$/i;

/** "+1 day" / "-30 minute": the shift update_task reads against the task's current due date. */
function shift(count: string, unit: string | undefined, sign: 1 | -1): string | undefined {
  if (/^months?$/i.test(unit ?? "")) {
    const n = /^an?$/i.test(count) ? 1 : Number(count) || undefined;
    return n ? `${sign < 0 ? "-" : "+"}${n} month` : undefined;
  }
  const minutes = durationMinutes(count.replace(/^couple(?:\s+of)?$/i, "couple"), unit);
  if (minutes === undefined || minutes === 0) return undefined;
  const [n, name] = minutes % 10080 === 0 ? [minutes / 10080, "week"] : minutes % 1440 === 0 ? [minutes / 1440, "day"] : [minutes, "minute"];
  return `${sign < 0 ? "-" : "+"}${n} ${name}`;
}

const MOVE_VERB = String.raw`(move|push|shift|bump|delay|postpone|defer|put off|bring|pull|reschedule|slide|kick)`;

function moved(task: string, verb: string, count: string, unit: string, ...directions: (string | undefined)[]): PlannedCall | undefined {
  const said = directions.find(Boolean);
  const earlier = said ? EARLIER.test(said) : /^(?:bring|pull)$/i.test(verb);
  if (said && !earlier && !LATER.test(said)) return undefined;
  const by = shift(count, unit, earlier ? -1 : 1);
  return by ? onTask("update_task", task, { due_date: by }) : undefined;
}

export const relativeDueRules: Rule[] = [
  // "push the budget review back a week", "move dry cleaning a day later", "delay the dentist by an hour",
  // "bring the budget review forward a day", "push it back a day", "shift X one day earlier"
  (text) => {
    const m = new RegExp(
      String.raw`^${MOVE_VERB}\s+(.+?)\s+(?:(back|out|forward|ahead|up|off)\s+)?(?:by\s+|for\s+)?(?:another\s+)?${COUNT}\s*${UNIT}(?:\s+(later|earlier|sooner|back|forward|out|ahead))?$`,
      "i",
    ).exec(text);
    const call = m ? moved(m[2]!, m[1]!, m[4]!, m[5]!, m[3], m[6]) : undefined;
    return call ? calls(call) : undefined;
  },
  // "push flights back by a day", "move X later by 2 hours"
  (text) => {
    const m = new RegExp(String.raw`^${MOVE_VERB}\s+(.+?)\s+(back|out|forward|ahead|later|earlier)\s+by\s+${COUNT}\s*${UNIT}$`, "i").exec(text);
    const call = m ? moved(m[2]!, m[1]!, m[4]!, m[5]!, m[3]) : undefined;
    return call ? calls(call) : undefined;
  },
  // More time asked for, which is a later due date: "give me one more day for dry cleaning",
  // "i need 2 more days for the report", "give the budget review an extra week", "dry cleaning needs another day"
  (text) => {
    const MORE = String.raw`(?:(?:one|two|three|four|five|six|seven|a|an|\d+|a couple(?:\s+of)?|a few)\s+more|another|an?\s+(?:extra|additional)|(?:\d+|one|two|three|four|five|six|seven)\s+(?:extra|additional))`;
    const m =
      new RegExp(String.raw`^(?:give|allow|grant)\s+(?:me|myself|us)\s+(${MORE})\s*${UNIT}\s+(?:for|on|to(?:\s+do)?|with)\s+(.+)$`, "i").exec(text) ??
      new RegExp(String.raw`^(?:i|we)\s+(?:need|want|could use)\s+(${MORE})\s*${UNIT}\s+(?:for|on|to(?:\s+do)?|with)\s+(.+)$`, "i").exec(text);
    const n = new RegExp(String.raw`^(?:give|allow)\s+(.+?)\s+(${MORE})\s*${UNIT}$|^(.+?)\s+(?:needs|could use|gets)\s+(${MORE})\s*${UNIT}$`, "i").exec(text);
    const [count, unit, task] = m ? [m[1]!, m[2]!, m[3]!] : n ? [n[2] ?? n[5]!, n[3] ?? n[6]!, n[1] ?? n[4]!] : [];
    if (!count || !unit || !task) return undefined;
    const amount = count.replace(/\s+(?:more|extra|additional)$/i, "").replace(/^(?:another|an?\s+(?:extra|additional))$/i, "a").replace(/^a\s+(couple|few)/i, "$1");
    const call = moved(task, "push", amount, unit, "later");
    return call ? calls(call) : undefined;
  },
  // "the flights can slip by a week", "the dentist can be pushed back a day": leave to move it later.
  (text) => {
    const m = new RegExp(String.raw`^(.+?)\s+(?:can|could|may|will|should)\s+(?:slip|slide|move|be pushed|be moved|be delayed|wait)\s+(?:back\s+)?(?:by\s+|for\s+)?(?:another\s+)?${COUNT}\s*${UNIT}$`, "i").exec(text);
    const call = m ? moved(m[1]!, "push", m[2]!, m[3]!, "later") : undefined;
    return call ? calls(call) : undefined;
  },
  // "dentist 30 mins later", "the budget review a week earlier"
  (text) => {
    const m = new RegExp(String.raw`^(.+?)\s+${COUNT}\s*${UNIT}\s+(later|earlier|sooner)$`, "i").exec(text);
    const call = m && !/^(?:what|which|show|list|remind|add|new)\b/i.test(m[1]!) ? moved(m[1]!, "move", m[2]!, m[3]!, m[4]) : undefined;
    return call ? calls(call) : undefined;
  },
];
