import { z } from "zod";
import { nextOccurrence } from "@/lib/recurrence";
import { toFloating } from "@/lib/recurrence/zone";
import type { Executor } from "@/server/db/client";
import type { RecurrenceMove, SeriesValues } from "@/server/db/schema";
import type { DomainContext } from "./context";
import { ValidationError } from "./errors";
import { seriesStartOf } from "./recurrence-series";
import { loadTaskOrThrow, updateTask, type SeriesPatch } from "./tasks/mutations";
import { taskUpdateInput, type TaskUpdateInput } from "./tasks/schemas";
import type { TaskView } from "./tasks/view";
import { loadTaskSnapshot, type TaskSnapshot } from "./undo/snapshots";

/**
 * One occurrence of a series: skip it (an EXDATE on the series), move it without touching the rule, edit it alone
 * or with the ones that follow (splitting the series), or end the series with it. Every operation is an ordinary
 * task update, so it is versioned, published and undoable like any other change.
 */

const uuid = z.uuid({ message: "must be a valid id" });
const occurrenceRef = {
  id: uuid.describe("the open task of the series"),
  date: z.coerce.date({ message: "must be a date, e.g. 2026-12-07 or 2026-12-07T09:00:00Z" }).describe("which occurrence: its date (the day is enough)"),
};
export const skipOccurrenceInput = z.object(occurrenceRef).strict();
export const rescheduleOccurrenceInput = z
  .object({ ...occurrenceRef, to: z.coerce.date({ message: "must be the new date and time, e.g. 2026-12-08T10:00:00Z" }) })
  .strict();
export const endSeriesInput = z.object({ id: uuid }).strict();
export const occurrencesInput = z.object({ id: uuid, count: z.number().int().min(1).max(20, "must be at most 20").default(8) }).strict();
export const updateOccurrenceInput = taskUpdateInput.extend({
  scope: z.enum(["this", "following"], { message: "must be \"this\" (this occurrence only) or \"following\" (this and following)" }),
});
export type SkipOccurrenceInput = z.input<typeof skipOccurrenceInput>;
export type RescheduleOccurrenceInput = z.input<typeof rescheduleOccurrenceInput>;
export type UpdateOccurrenceInput = z.input<typeof updateOccurrenceInput>;

export interface OccurrenceItem {
  /** The date the rule gives this occurrence. */
  date: Date;
  /** When it is due: the rule date, or where it was moved. */
  dueAt: Date;
  status: "scheduled" | "skipped" | "moved";
  /** The open task of the series stands for this occurrence. */
  current: boolean;
  /** 1-based position in the series. */
  index: number;
}

const iso = (d: Date) => d.toISOString();
/** The rule date an occurrence stands for: where it was before being moved. */
const ruleDateOf = (snapshot: TaskSnapshot) => new Date(snapshot.occurrenceDate ?? snapshot.dueAt!);

async function openRecurring(tx: Executor, ctx: DomainContext, id: string): Promise<{ view: TaskView; snapshot: TaskSnapshot; rule: string }> {
  const view = await loadTaskOrThrow(tx, ctx.userId, id);
  const snapshot = await loadTaskSnapshot(tx, ctx.userId, id);
  if (!view.recurrenceRule || !view.dueAt || !snapshot) throw new ValidationError("id", "this task does not repeat, so it has no occurrences");
  if (view.completed) throw new ValidationError("id", "this occurrence is done; use the open task of the series");
  return { view, snapshot, rule: view.recurrenceRule };
}

/** The series' dates from the open occurrence on, with their positions; stops after `limit` or past `until`. */
async function ruleDates(tx: Executor, ctx: DomainContext, snapshot: TaskSnapshot, rule: string, limit: number, until?: Date) {
  const start = await seriesStartOf(tx, ctx.userId, snapshot);
  const dates = [{ date: ruleDateOf(snapshot), index: snapshot.occurrenceIndex }];
  while (dates.length < limit) {
    const last = dates[dates.length - 1]!;
    if (until && last.date.getTime() > until.getTime() + 86_400_000) break;
    const next = nextOccurrence({ rule, after: last.date, seriesStart: start, timeZone: ctx.timeZone, occurrencesSoFar: last.index });
    if (!next) break;
    dates.push({ date: next, index: last.index + 1 });
  }
  return dates;
}

const isUtcMidnight = (date: Date) => date.getTime() % 86_400_000 === 0;

function dayOf(date: Date, timeZone: string) {
  return toFloating(date, timeZone).toISOString().slice(0, 10);
}

/** Finds the occurrence a person means by a date: the exact instant, or the same day in their time zone. */
async function resolveOccurrence(tx: Executor, ctx: DomainContext, snapshot: TaskSnapshot, rule: string, wanted: Date) {
  const dates = await ruleDates(tx, ctx, snapshot, rule, 1000, wanted);
  // A bare date ("2027-01-11") arrives as UTC midnight: then its UTC day is the day meant, in any zone.
  const wantedDay = isUtcMidnight(wanted) ? wanted.toISOString().slice(0, 10) : dayOf(wanted, ctx.timeZone);
  const found = dates.find((d) => d.date.getTime() === wanted.getTime()) ?? dates.find((d) => dayOf(d.date, ctx.timeZone) === wantedDay);
  if (!found) {
    const upcoming = dates.slice(0, 3).map((d) => dayOf(d.date, ctx.timeZone));
    throw new ValidationError("date", `no occurrence of this series falls on ${wantedDay}`, upcoming.join(", "));
  }
  return { ...found, current: found.index === snapshot.occurrenceIndex, dates };
}

/** A task update inside the caller's transaction (a savepoint), with the series columns the operation sets. */
function updateIn(tx: Executor, ctx: DomainContext, input: TaskUpdateInput, patch?: SeriesPatch) {
  return updateTask({ ...ctx, db: tx as DomainContext["db"] }, input, patch);
}

export async function skipOccurrence(ctx: DomainContext, rawInput: SkipOccurrenceInput): Promise<TaskView> {
  const input = skipOccurrenceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const { view, snapshot, rule } = await openRecurring(tx, ctx, input.id);
    const target = await resolveOccurrence(tx, ctx, snapshot, rule, input.date);
    const exdates = [...new Set([...snapshot.recurrenceExdates, iso(target.date)])].sort();
    if (!target.current) {
      const moves = snapshot.recurrenceMoves.filter((m) => m.from !== iso(target.date));
      return updateIn(tx, ctx, { id: view.id, version: view.version }, () => ({ recurrenceExdates: exdates, recurrenceMoves: moves }));
    }
    // Skipping the open occurrence moves the task on to the next one that is not skipped.
    const ahead = await ruleDates(tx, ctx, snapshot, rule, 2 + exdates.length);
    const next = ahead.find((d) => d.index > snapshot.occurrenceIndex && !exdates.includes(iso(d.date)));
    if (!next) throw new ValidationError("date", "this is the last occurrence of the series; complete or delete it instead");
    const move = snapshot.recurrenceMoves.find((m) => m.from === iso(next.date));
    return updateIn(tx, ctx, { id: view.id, version: view.version, dueAt: move ? new Date(move.to) : next.date }, () => ({
      recurrenceExdates: exdates,
      recurrenceMoves: snapshot.recurrenceMoves.filter((m) => m.from !== iso(next.date)),
      occurrenceDate: move ? next.date : null,
      occurrenceIndex: next.index,
    }));
  });
}

export async function rescheduleOccurrence(ctx: DomainContext, rawInput: RescheduleOccurrenceInput): Promise<TaskView> {
  const input = rescheduleOccurrenceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const { view, snapshot, rule } = await openRecurring(tx, ctx, input.id);
    const target = await resolveOccurrence(tx, ctx, snapshot, rule, input.date);
    const backHome = input.to.getTime() === target.date.getTime();
    if (target.current) {
      return updateIn(tx, ctx, { id: view.id, version: view.version, dueAt: input.to }, () => ({ occurrenceDate: backHome ? null : target.date }));
    }
    const others = snapshot.recurrenceMoves.filter((m) => m.from !== iso(target.date));
    const moves: RecurrenceMove[] = backHome ? others : [...others, { from: iso(target.date), to: iso(input.to) }].sort((a, b) => a.from.localeCompare(b.from));
    return updateIn(tx, ctx, { id: view.id, version: view.version }, () => ({
      recurrenceMoves: moves,
      recurrenceExdates: snapshot.recurrenceExdates.filter((d) => d !== iso(target.date)),
    }));
  });
}

/** The rule with COUNT lowered by the occurrences before `index` (the new series starts at this one). */
function remainingCount(rule: string, index: number): string {
  return rule.replace(/COUNT=(\d+)/, (_m, count: string) => `COUNT=${Math.max(1, Number(count) - (index - 1))}`);
}

/** Floating wall-clock time as RRULE UNTIL text (no Z: local to the user's zone). */
function localUntil(date: Date, timeZone: string): string {
  return toFloating(date, timeZone).toISOString().replace(/[-:]/g, "").slice(0, 15);
}

export async function endSeries(ctx: DomainContext, rawInput: z.input<typeof endSeriesInput>): Promise<TaskView> {
  const input = endSeriesInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const { view, snapshot, rule } = await openRecurring(tx, ctx, input.id);
    const bare = rule
      .split(";")
      .filter((part) => !/^(COUNT|UNTIL)=/.test(part))
      .join(";");
    const ended = `${bare};UNTIL=${localUntil(ruleDateOf(snapshot), ctx.timeZone)}`;
    return updateIn(tx, ctx, { id: view.id, version: view.version, recurrenceRule: ended });
  });
}

const PINNABLE = ["title", "description", "priority", "categoryId", "tagIds"] as const;

/**
 * Edits one occurrence ("this") or it and every later one ("following"). "This" pins the series' own values so
 * the next occurrence does not inherit the edit, and a new due date counts as a move; "following" starts a new
 * series here (as calendar apps split one), so a new rule or time counts from this occurrence.
 */
export async function updateOccurrence(ctx: DomainContext, rawInput: UpdateOccurrenceInput): Promise<TaskView> {
  const { scope, ...update } = updateOccurrenceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const { snapshot } = await openRecurring(tx, ctx, update.id);
    if (scope === "this") {
      if (update.recurrenceRule !== undefined || update.recurrenceBasis !== undefined) {
        throw new ValidationError("scope", "a new repeat rule applies to this and following occurrences", "scope: \"following\"");
      }
      const pinned: SeriesValues = { ...(snapshot.seriesValues ?? {}) };
      for (const field of PINNABLE) {
        const value = update[field];
        if (value === undefined || field in pinned) continue;
        const old = snapshot[field];
        if (JSON.stringify(field === "tagIds" ? [...(value as string[])].sort() : value) !== JSON.stringify(old)) Object.assign(pinned, { [field]: old });
      }
      const moved = update.dueAt !== undefined && update.dueAt !== null && update.dueAt.getTime() !== new Date(snapshot.dueAt!).getTime();
      return updateIn(tx, ctx, update, () => ({
        seriesValues: Object.keys(pinned).length > 0 ? pinned : null,
        ...(moved ? { occurrenceDate: ruleDateOf(snapshot) } : {}),
      }));
    }
    const firstOfSeries = snapshot.seriesId === null || snapshot.seriesId === snapshot.id;
    const newRule = update.recurrenceRule === undefined && !firstOfSeries && snapshot.recurrenceRule ? remainingCount(snapshot.recurrenceRule, snapshot.occurrenceIndex) : undefined;
    const newDue = update.dueAt !== undefined && update.dueAt !== null && update.dueAt.getTime() !== new Date(snapshot.dueAt!).getTime();
    return updateIn(tx, ctx, { ...update, ...(newRule && newRule !== snapshot.recurrenceRule ? { recurrenceRule: newRule } : {}) }, () => ({
      seriesValues: null,
      ...(firstOfSeries ? {} : { seriesId: snapshot.id, occurrenceIndex: 1 }),
      // A new time or day for "this and following" is the new series' start, not a move.
      ...(newDue ? { occurrenceDate: null } : {}),
    }));
  });
}

/** The next occurrences from the open one, skipped and moved ones included and marked as such. */
export async function listOccurrences(ctx: DomainContext, rawInput: z.input<typeof occurrencesInput>): Promise<{ items: OccurrenceItem[] }> {
  const input = occurrencesInput.parse(rawInput);
  const { view, snapshot, rule } = await openRecurring(ctx.db, ctx, input.id);
  const skipped = new Set(snapshot.recurrenceExdates);
  const moves = new Map(snapshot.recurrenceMoves.map((m) => [m.from, new Date(m.to)]));
  const dates = await ruleDates(ctx.db, ctx, snapshot, rule, input.count + skipped.size);
  const items = dates.map(({ date, index }): OccurrenceItem => {
    const current = index === snapshot.occurrenceIndex;
    if (current) return { date, dueAt: view.dueAt!, status: snapshot.occurrenceDate ? "moved" : "scheduled", current, index };
    if (skipped.has(iso(date))) return { date, dueAt: date, status: "skipped", current, index };
    const to = moves.get(iso(date));
    return { date, dueAt: to ?? date, status: to ? "moved" : "scheduled", current, index };
  });
  return { items: items.slice(0, input.count + items.filter((i) => i.status === "skipped").length).slice(0, 20) };
}
