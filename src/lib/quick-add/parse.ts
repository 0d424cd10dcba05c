// Orchestrates the recognisers. Each one runs on a "masked" copy of the input in which
// earlier tokens are overwritten with "_" (same length, so offsets stay valid and chrono
// cannot read "every month on the 1st" as a date or glue dates across a #tag).
import { findWhen, type When } from "./dates";
import { findCategories, findPriorities, findTags, resolveLabel } from "./labels";
import { findRecurrence, firstOccurrence, ruleString } from "./recurrence";
import { findReminders } from "./reminders";
import type { QuickAddContext, QuickAddLabel, QuickAddReminder, QuickAddResult, QuickAddToken, QuickAddTokenKind, Span } from "./types";
import { addDays, assertTimeZone, MIDNIGHT, wallClock, zonedInstant, type HMS } from "./zoned";

const MASK = "_";
// When "remind at 4pm" has no day and the task has no due date, chrono's next 4pm is used;
// when it names a day but no time ("remind me tomorrow"), this hour is used.
const DEFAULT_REMINDER_TIME: HMS = { hour: 9, minute: 0, second: 0 };

function mask(text: string, spans: Span[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + MASK.repeat(end - start) + out.slice(end);
  return out;
}

function cleanTitle(input: string, tokens: Span[]): string {
  let out = "";
  let at = 0;
  for (const t of [...tokens].sort((a, b) => a.start - b.start)) {
    if (t.start < at) continue;
    out += input.slice(at, t.start) + " ";
    at = t.end;
  }
  out += input.slice(at);
  return out
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/^[\s,;:\-–—]+|[\s,;:\-–—]+$/g, "");
}

function whenToInstant(when: When, timeZone: string): { dueAt: Date; allDay: boolean } {
  if (when.exact) return { dueAt: when.exact, allDay: false };
  // All-day: local midnight at the start of the day (see QuickAddResult.dueAt).
  return { dueAt: zonedInstant(when.date, when.time ?? MIDNIGHT, timeZone), allDay: !when.time };
}

export function parseQuickAdd(input: string, ctx: QuickAddContext): QuickAddResult {
  assertTimeZone(ctx.timeZone);
  const tokens: QuickAddToken[] = [];
  const add = (kind: QuickAddTokenKind, s: Span) => tokens.push({ kind, text: input.slice(s.start, s.end), start: s.start, end: s.end });
  let masked = input;

  const reminderMatches = findReminders(masked, ctx);
  reminderMatches.forEach((r) => add("reminder", r));
  masked = mask(masked, reminderMatches);

  const priorities = findPriorities(masked);
  const tagMatches = findTags(masked);
  const categoryMatches = findCategories(masked);
  priorities.forEach((p) => add("priority", p));
  tagMatches.forEach((t) => add("tag", t));
  categoryMatches.forEach((c) => add("category", c));
  masked = mask(masked, [...priorities, ...tagMatches, ...categoryMatches]);

  const recurrence = findRecurrence(masked);
  if (recurrence) {
    add("recurrence", recurrence);
    masked = mask(masked, [recurrence]);
  }

  const when = findWhen(masked, ctx);
  when?.spans.forEach((s) => add("date", s));
  // "yoga tue and thu mornings at 7": a part of the day in the plural says when each occurrence is (the time reader
  // saw it, "mornings" keeps 7 in the morning), so it leaves the title with the repetition.
  const dayParts = recurrence ? /(?:^|\s)((?:in\s+the\s+)?(?:mornings|afternoons|evenings|nights))(?=\s|$|[,.;!?])/i.exec(masked) : null;
  if (dayParts) add("recurrence", { start: dayParts.index + dayParts[0].length - dayParts[1]!.length, end: dayParts.index + dayParts[0].length });

  const result: QuickAddResult = {
    title: cleanTitle(input, tokens),
    reminders: [],
    tags: [],
    tokens: tokens.sort((a, b) => a.start - b.start),
  };

  const priority = priorities.at(-1)?.priority; // last one wins
  if (priority) result.priority = priority;

  const seen = new Set<string>();
  for (const t of tagMatches) {
    const label: QuickAddLabel = resolveLabel(t.name, ctx.knownTags);
    if (seen.has(label.name.toLowerCase())) continue;
    seen.add(label.name.toLowerCase());
    result.tags.push(label);
  }
  const category = categoryMatches.at(-1); // one category; the last one wins
  if (category) result.category = resolveLabel(category.name, ctx.knownCategories);

  if (recurrence) {
    result.recurrenceRule = ruleString(recurrence.options);
    if (!when?.dateExplicit && !when?.exact) {
      // No day given: the series starts at its first occurrence from now (at the time, if any).
      const first = firstOccurrence(recurrence.options, wallClock(ctx.now, ctx.timeZone), when?.time);
      if (first) {
        result.dueAt = zonedInstant(first, when?.time ?? MIDNIGHT, ctx.timeZone);
        result.allDay = !when?.time;
      }
    }
  }
  if (when && result.dueAt === undefined) Object.assign(result, whenToInstant(when, ctx.timeZone), { dateExplicit: when.dateExplicit || Boolean(when.exact) });

  result.reminders = reminderMatches.map((r): QuickAddReminder => {
    if ("minutesBefore" in r) return { minutesBefore: r.minutesBefore };
    if ("daysBefore" in r) {
      // Without a due date there is no day to count back from: a whole day before now is no reminder to set.
      if (!result.dueAt) return { minutesBefore: r.daysBefore * 1440 };
      return { at: zonedInstant(addDays(wallClock(result.dueAt, ctx.timeZone), -r.daysBefore), r.time, ctx.timeZone) };
    }
    const w = r.when;
    if (w.exact) return { at: w.exact };
    const time = w.time ?? DEFAULT_REMINDER_TIME;
    // "remind at 4pm" on a task due on a given day: 4pm that day.
    const date = !w.dateExplicit && result.dueAt ? wallClock(result.dueAt, ctx.timeZone) : w.date;
    return { at: zonedInstant(date, time, ctx.timeZone) };
  });

  return result;
}
