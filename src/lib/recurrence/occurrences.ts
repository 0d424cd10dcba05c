import type { RRule } from "./rrule-interop";
import type { ParsedRule } from "./parse";
import { checkRule } from "./validate";
import { mayFireBetween } from "./guard";
import { addYearsFloating, SEARCH_HORIZON_YEARS, toRRule } from "./rrule-options";
import { assertTimeZone, fromFloating, toFloating } from "./zone";

/**
 * Occurrences are computed on floating wall-clock dates (rrule without TZID)
 * and turned back into instants in the user's zone, so "every day at 9:00"
 * stays 9:00 local across DST changes.
 */

/** DST moves clocks by at most 2 hours; search from a bit before `after` so an
 * occurrence pushed forward by a spring gap (2:30 → 3:30) is not skipped, then
 * compare real instants. */
const DST_SLACK_MS = 3 * 3_600_000;

interface Series {
  parsed: ParsedRule;
  rrule: RRule;
  floatingStart: Date;
  horizon: Date;
  timeZone: string;
}

function openSeries(rule: string, start: Date, timeZone: string, searchFrom: Date): Series | null {
  assertTimeZone(timeZone);
  const parsed = checkRule(rule);
  const floatingStart = toFloating(start, timeZone);
  const from = toFloating(searchFrom, timeZone);
  const horizon = addYearsFloating(from > floatingStart ? from : floatingStart, SEARCH_HORIZON_YEARS);
  const probeFrom = from > floatingStart ? from : floatingStart;
  if (!mayFireBetween(parsed, floatingStart, new Date(probeFrom.getTime() - DST_SLACK_MS), horizon)) return null;
  // COUNT is applied here (see seriesDates), not by rrule, because the series
  // start counts as the first occurrence even when it does not match the rule.
  const rrule = toRRule(parsed, { floatingStart, timeZone, withoutCount: true, horizon });
  return { parsed, rrule, floatingStart, horizon, timeZone };
}

/** Whether rrule itself produces the series start (it skips an off-pattern DTSTART). */
function startIsOnPattern(series: Series): boolean {
  const first = series.rrule.all((_d, index) => index < 1)[0];
  return first !== undefined && first.getTime() === series.floatingStart.getTime();
}

/**
 * The series from its start in order, as instants: the start itself first
 * (RFC 5545: DTSTART is always the first occurrence, even off-pattern), then
 * the rule's dates, cut at COUNT. Iteration stops once `stop` returns true.
 */
function seriesDates(series: Series, onPattern: boolean, stop: (instant: Date, produced: number) => boolean): Date[] {
  const { parsed, rrule, floatingStart, timeZone } = series;
  const result: Date[] = [];
  const push = (floating: Date): boolean => {
    if (parsed.count !== undefined && result.length >= parsed.count) return false;
    const instant = fromFloating(floating, timeZone);
    result.push(instant);
    return !stop(instant, result.length);
  };
  if (!onPattern && !push(floatingStart)) return result;
  rrule.all((floating) => push(floating));
  return result;
}

/** First rule date strictly after `after` (real instants compared), ignoring COUNT. */
function firstAfter(series: Series, after: Date): Date | null {
  const afterMs = after.getTime();
  const floatingFrom = new Date(toFloating(after, series.timeZone).getTime() - DST_SLACK_MS);
  let found: Date | null = null;
  series.rrule.between(floatingFrom, series.horizon, true, (floating) => {
    const instant = fromFloating(floating, series.timeZone);
    if (instant.getTime() > afterMs) found = instant;
    return found === null;
  });
  return found;
}

export interface NextOccurrenceOptions {
  /** RRULE text (validated; throws RecurrenceRuleError when invalid). */
  rule: string;
  /** The result is strictly after this instant: the due date, or the completion time for completion-based series. */
  after: Date;
  /** First due date of the series: gives the time of day and the COUNT/INTERVAL origin. */
  seriesStart: Date;
  /** The user's IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Occurrences created so far (incl. the first). When given, it decides COUNT instead of counting from seriesStart. */
  occurrencesSoFar?: number;
}

/** Next occurrence strictly after `after`, or null when the series is over. */
export function nextOccurrence(opts: NextOccurrenceOptions): Date | null {
  const series = openSeries(opts.rule, opts.seriesStart, opts.timeZone, opts.after);
  if (!series) return null;
  const afterMs = opts.after.getTime();
  const { count } = series.parsed;
  if (count !== undefined && opts.occurrencesSoFar === undefined) {
    // Count the series from its start; COUNT is at most 9999, so this is bounded.
    const dates = seriesDates(series, startIsOnPattern(series), (instant) => instant.getTime() > afterMs);
    const last = dates[dates.length - 1];
    return last !== undefined && last.getTime() > afterMs ? last : null;
  }
  if (count !== undefined && opts.occurrencesSoFar !== undefined && opts.occurrencesSoFar >= count) return null;
  if (afterMs < opts.seriesStart.getTime()) return opts.seriesStart;
  return firstAfter(series, opts.after);
}

export interface PreviewOptions {
  rule: string;
  /** Start of the series (the task's due date); included when it matches the rule. */
  start: Date;
  timeZone: string;
  /** How many dates to show, 1..20 (clamped). */
  count: number;
}

/** The first `count` dates of the series beginning at `start`, for showing in the UI. */
export function previewOccurrences(opts: PreviewOptions): Date[] {
  const wanted = Math.min(20, Math.max(1, Math.trunc(opts.count) || 1));
  const series = openSeries(opts.rule, opts.start, opts.timeZone, opts.start);
  if (!series) return [];
  const onPattern = startIsOnPattern(series);
  // An off-pattern start still uses up one COUNT slot but is not shown.
  const skip = onPattern ? 0 : 1;
  const dates = seriesDates(series, onPattern, (_instant, produced) => produced >= wanted + skip);
  return dates.slice(skip, skip + wanted);
}
