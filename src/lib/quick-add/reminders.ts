// "remind [me] 30m before" (relative to the due time) and "remind [me] at 4pm" (absolute).
import { whenAtStart, type When } from "./dates";
import type { Span } from "./types";

/** `daysBefore` + `time`: "remind me the day before at 5pm" is 5pm on the day before the due day. */
export type ReminderMatch = Span & ({ minutesBefore: number } | { when: When } | { daysBefore: number; time: NonNullable<When["time"]> });

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(m|mins?|minutes?)$/i, 1],
  [/^(h|hrs?|hours?)$/i, 60],
  [/^(d|days?)$/i, 1440],
  [/^(w|wks?|weeks?)$/i, 10080],
];

const REMIND_RE = /\bremind(?:\s+me)?\s+/gi;
// "the day before" is a day before, like "a day before".
const RELATIVE_RE = /^(\d{1,4}|an?|one|the)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+(?:before|earlier|ahead)(?![\p{L}\p{N}])/iu;

function minutesOf(count: string, unit: string): number | undefined {
  const n = /^\d+$/.test(count) ? Number(count) : 1; // "an hour", "a day", "one week", "the day"
  const per = UNIT_MINUTES.find(([re]) => re.test(unit))?.[1];
  return per === undefined ? undefined : n * per;
}

export function findReminders(text: string, ctx: { now: Date; timeZone: string }): ReminderMatch[] {
  const out: ReminderMatch[] = [];
  for (const m of text.matchAll(REMIND_RE)) {
    const start = m.index ?? 0;
    const rest = text.slice(start + m[0].length);
    const rel = RELATIVE_RE.exec(rest);
    if (rel) {
      const minutesBefore = minutesOf(rel[1]!, rel[2]!);
      // "the day before at 5pm", "2 days before at 9am": a time on a day counted back from the due day.
      const at = minutesBefore !== undefined && minutesBefore % 1440 === 0 ? /^\s+at\s+/i.exec(rest.slice(rel[0].length)) : null;
      const clock = at ? whenAtStart(rest.slice(rel[0].length + at[0].length), ctx) : undefined;
      if (at && clock?.time && !clock.dateExplicit && !clock.exact) {
        const end = start + m[0].length + rel[0].length + at[0].length + Math.max(...clock.spans.map((sp) => sp.end));
        out.push({ start, end, daysBefore: minutesBefore! / 1440, time: clock.time });
        continue;
      }
      if (minutesBefore !== undefined) {
        out.push({ start, end: start + m[0].length + rel[0].length, minutesBefore });
        continue;
      }
    }
    const when = whenAtStart(rest, ctx);
    if (when) {
      const offset = start + m[0].length;
      const end = offset + Math.max(...when.spans.map((s) => s.end));
      out.push({ start, end, when: { ...when, spans: when.spans.map((s) => ({ start: s.start + offset, end: s.end + offset })) } });
    }
  }
  return out;
}
