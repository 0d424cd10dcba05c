import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { parseQuickAdd, type QuickAddResult } from "@/lib/quick-add";
import { validateRecurrenceRule } from "@/lib/recurrence";
import type { DomainContext } from "@/server/domain/context";
import { descriptionSchema, MAX_TAGS_PER_TASK, prioritySchema, titleSchema } from "@/server/domain/tasks";
import { ToolArgumentError } from "./types";

/**
 * Argument schemas shared by the tools (snake_case, described for an LLM) and the resolvers that turn
 * dates and recurrence phrases into what the domain takes. Limits come from the domain's own schemas.
 */

const id = (what: string) => z.uuid({ message: `must be a ${what} id (a UUID)` });

export const args = {
  taskId: id("task").describe("Id of the task (from list_tasks or search_tasks)"),
  categoryId: id("category").describe("Id of a category (from list_categories)"),
  tagId: id("tag").describe("Id of a tag (from list_tags)"),
  tagIds: z
    .array(id("tag"))
    .max(MAX_TAGS_PER_TASK, `must list at most ${MAX_TAGS_PER_TASK} tags`)
    .describe("Ids of tags (from list_tags)"),
  title: titleSchema.describe("Short title of the task"),
  description: descriptionSchema.describe("Longer notes for the task"),
  priority: prioritySchema.describe("low, medium, high or urgent"),
  dueDate: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(100, "must be at most 100 characters")
    .describe("ISO 8601 (2026-12-01, 2026-12-01T17:00, 2026-12-01T17:00:00Z) or words in the user's time zone ('tomorrow 5pm', 'next friday')"),
  recurrenceRule: z
    .string()
    .trim()
    .max(200, "must be at most 200 characters")
    .describe("How the task repeats: an RRULE (FREQ=WEEKLY;BYDAY=MO) or a phrase ('every weekday at 9am', 'every month on the 1st')"),
  remindBeforeMinutes: z
    .number()
    .int("must be a whole number of minutes")
    .min(0, "must not be negative")
    .max(525_600, "must be at most one year (525600 minutes)")
    .describe("Remind this many minutes before the due date"),
  remindAt: z.string().trim().min(1, "must not be empty").max(100).describe("Remind at this time: ISO 8601 or words ('tomorrow 9am')"),
  /** Accepted by every tool that changes something (the registry reads them; tools ignore them). */
  dryRun: z
    .boolean()
    .optional()
    .describe("true: change nothing, return exactly what would change (before and after of each task)"),
  confirmationToken: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(100, "must be at most 100 characters")
    .optional()
    .describe("Only after a call answered confirmation_required: its confirmation_token, sent with the same other arguments within 5 minutes"),
  limit: (fallback: number) => z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(fallback),
};

/** Ids used in documented examples (valid UUIDs, so the examples validate against the schemas). */
export const EXAMPLE_IDS = {
  task: "3f2b6c1e-8a4d-4e5f-9b7a-1c2d3e4f5a6b",
  task2: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  category: "9b2f4a6e-1d3c-4b5a-8e7f-0a1b2c3d4e5f",
  tag: "5d8c1f2a-6b7e-4c9d-a0b1-c2d3e4f5a6b7",
} as const;

/** Appended to the description of every write tool, so an LLM knows the two control arguments. */
export const WRITE_NOTE = " dry_run: true returns exactly what would change without changing anything.";
/** Appended to destructive and bulk tools. */
export const CONFIRM_NOTE =
  " Through an API token it first answers confirmation_required with a preview and a confirmation_token, changing nothing; call again with the same arguments plus that confirmation_token (within 5 minutes) to do it.";

/** The two control arguments of every write tool, spread into its schema. */
export const writeControls = { dry_run: args.dryRun, confirmation_token: args.confirmationToken };

export interface ResolvedDate {
  at: Date;
  /** True for a day without a time; `at` is then local midnight at the start of that day. */
  allDay: boolean;
  /** What the words named: a day and a time, only a day, or only a time ("4pm", whose day is a guess). */
  named?: "day" | "time";
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** ISO 8601 first (a time without offset is read in the user's zone); anything else through quick-add's date words. */
export function resolveDate(ctx: DomainContext, text: string, argument: string): ResolvedDate {
  const iso = ISO.exec(text);
  if (iso) return resolveIso(ctx, text, iso, argument);
  const parsed = parseQuick(ctx, text);
  if (parsed.recurrenceRule) {
    throw new ToolArgumentError(argument, `"${text}" repeats; give one date here and put the repetition in recurrence_rule`);
  }
  if (!parsed.dueAt) throw new ToolArgumentError(argument, notADate(text));
  assertFullyUnderstood(parsed, text, argument, ["date"]);
  const named = parsed.allDay ? "day" : parsed.dateExplicit === false ? "time" : undefined;
  return { at: parsed.dueAt, allDay: parsed.allDay ?? false, ...(named ? { named } : {}) };
}

/** A clock time said without am/pm ("8", "4:30"): nothing marks which half of the day. */
const NO_MERIDIEM = /^\s*(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*$/;

/**
 * The hour for a time said without am/pm on a timed task: of "8:00" and "20:00", the one nearer the
 * task's own time ("actually 8" for a 7pm dinner is 8pm; "11" for a 9:30 standup is 11am).
 */
export function nearerHalfOfDay(text: string, wanted: Date, was: Date): number {
  const m = NO_MERIDIEM.exec(text);
  const hour = wanted.getHours();
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return hour;
  const minutes = (h: number) => h * 60 + wanted.getMinutes();
  const current = was.getHours() * 60 + was.getMinutes();
  const apart = (h: number) => Math.min(Math.abs(minutes(h) - current), 1440 - Math.abs(minutes(h) - current));
  const other = (hour + 12) % 24;
  return apart(other) < apart(hour) ? other : hour;
}

/**
 * A new due date in words, read against the task's current one: "4pm" keeps the task's day and
 * "friday" keeps a timed task's time of day (moving an appointment keeps its hour). ISO dates are exact.
 */
export function resolveDueChange(ctx: DomainContext, text: string, current: { dueAt: Date | null; allDay: boolean }): ResolvedDate {
  const shifted = shiftDue(ctx, text, current);
  if (shifted) return shifted;
  const resolved = resolveDate(ctx, text, "due_date");
  if (!current.dueAt || !resolved.named) return resolved;
  const was = new TZDate(current.dueAt.getTime(), ctx.timeZone);
  const wanted = new TZDate(resolved.at.getTime(), ctx.timeZone);
  if (resolved.named === "time") {
    const hour = current.allDay ? wanted.getHours() : nearerHalfOfDay(text, wanted, was);
    const at = new TZDate(was.getFullYear(), was.getMonth(), was.getDate(), hour, wanted.getMinutes(), 0, ctx.timeZone);
    return { at: new Date(at.getTime()), allDay: false };
  }
  if (current.allDay) return resolved;
  const at = new TZDate(wanted.getFullYear(), wanted.getMonth(), wanted.getDate(), was.getHours(), was.getMinutes(), 0, ctx.timeZone);
  return { at: new Date(at.getTime()), allDay: false };
}

/** "+1 day", "-2 hours", "+1 week": moves the task's own due date ("push it back a day"). */
const SHIFT = /^([+-])\s*(\d{1,4})\s*(minute|min|hour|day|week|month)s?$/i;

function shiftDue(ctx: DomainContext, text: string, current: { dueAt: Date | null; allDay: boolean }): ResolvedDate | undefined {
  const m = SHIFT.exec(text.trim());
  if (!m) return undefined;
  if (!current.dueAt) throw new ToolArgumentError("due_date", `"${text}" moves the due date, but the task has no due date yet; give a date instead`);
  const n = m[1] === "-" ? -Number(m[2]) : Number(m[2]);
  const unit = m[3]!.toLowerCase();
  if (unit === "minute" || unit === "min" || unit === "hour") {
    if (current.allDay) throw new ToolArgumentError("due_date", `"${text}" moves by hours or minutes, but the task is due on a day without a time`);
    return { at: new Date(current.dueAt.getTime() + n * (unit === "hour" ? 60 : 1) * 60_000), allDay: false };
  }
  // Days, weeks and months move the calendar day in the user's zone and keep the time of day (across DST too).
  const local = new TZDate(current.dueAt.getTime(), ctx.timeZone);
  if (unit === "month") local.setMonth(local.getMonth() + n);
  else local.setDate(local.getDate() + n * (unit === "week" ? 7 : 1));
  return { at: new Date(local.getTime()), allDay: current.allDay };
}

function resolveIso(ctx: DomainContext, text: string, iso: RegExpExecArray, argument: string): ResolvedDate {
  const [, y, mo, d, h, mi, s, offset] = iso;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const fail = () => new ToolArgumentError(argument, `"${text}" is not a real date or time`);
  if (h === undefined) {
    const local = new TZDate(year, month - 1, day, ctx.timeZone);
    if (local.getDate() !== day || local.getMonth() !== month - 1) throw fail();
    return { at: new Date(local.getTime()), allDay: true };
  }
  if (offset) {
    const at = new Date(text.replace(" ", "T"));
    if (Number.isNaN(at.getTime())) throw fail();
    return { at, allDay: false };
  }
  const local = new TZDate(year, month - 1, day, Number(h), Number(mi), Number(s ?? 0), ctx.timeZone);
  if (local.getDate() !== day || local.getHours() !== Number(h) || Number(h) > 23 || Number(mi) > 59) throw fail();
  return { at: new Date(local.getTime()), allDay: false };
}

export interface ResolvedRecurrence {
  rule: string;
  /** The series' first occurrence, when the phrase implies one ("every monday at 9am"). */
  start?: ResolvedDate;
}

/** An RRULE is checked by the recurrence library; a phrase is read by quick-add ("every weekday at 9am"). */
export function resolveRecurrence(ctx: DomainContext, text: string, argument = "recurrence_rule"): ResolvedRecurrence {
  if (/FREQ\s*=/i.test(text)) return { rule: checkedRule(text, argument) };
  const parsed = parseQuick(ctx, text);
  if (!parsed.recurrenceRule) {
    throw new ToolArgumentError(
      argument,
      `could not read "${text}" as a repetition; use a phrase like "every weekday at 9am" or an RRULE like FREQ=WEEKLY;BYDAY=MO`,
    );
  }
  assertFullyUnderstood(parsed, text, argument, ["recurrence", "date"]);
  const rule = checkedRule(parsed.recurrenceRule, argument);
  return parsed.dueAt ? { rule, start: { at: parsed.dueAt, allDay: parsed.allDay ?? false } } : { rule };
}

function checkedRule(rule: string, argument: string): string {
  const result = validateRecurrenceRule(rule);
  if (!result.ok) throw new ToolArgumentError(argument, `${result.reason} (e.g. ${result.example})`);
  return result.normalized;
}

function parseQuick(ctx: DomainContext, text: string): QuickAddResult {
  return parseQuickAdd(text, { now: ctx.now(), timeZone: ctx.timeZone });
}

/** Words left over (or #tags, !priorities) mean the phrase was only half understood: refuse rather than guess. */
function assertFullyUnderstood(parsed: QuickAddResult, text: string, argument: string, allowed: string[]) {
  const stray = parsed.tokens.find((t) => !allowed.includes(t.kind));
  const leftover = parsed.title.trim();
  if (stray || leftover) {
    const what = leftover || stray?.text || text;
    throw new ToolArgumentError(argument, `did not understand "${what}" in "${text}"`);
  }
}

const notADate = (text: string) =>
  `could not read "${text}" as a date; use ISO 8601 like 2026-12-01T17:00 or words like "tomorrow 5pm"`;
