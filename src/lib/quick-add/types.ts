export type Priority = "low" | "medium" | "high" | "urgent";

export type QuickAddTokenKind = "date" | "priority" | "tag" | "category" | "recurrence" | "reminder";

/** A recognised span of the input, in UTF-16 offsets (`input.slice(start, end) === text`). */
export type QuickAddToken = { kind: QuickAddTokenKind; text: string; start: number; end: number };

export type QuickAddReminder = { minutesBefore: number } | { at: Date };

export type QuickAddLabel = { name: string; id?: string; isNew: boolean };

export type QuickAddContext = {
  now: Date;
  /** The user's IANA time zone, e.g. "America/New_York". Every wall-clock word is read in it. */
  timeZone: string;
  knownTags?: { id: string; name: string }[];
  knownCategories?: { id: string; name: string }[];
};

export type QuickAddResult = {
  /** Input minus every recognised token, whitespace collapsed. */
  title: string;
  priority?: Priority;
  /**
   * The due instant. For an all-day date (`allDay: true`) this is local midnight at the
   * START of that day in `ctx.timeZone`; callers treating all-day tasks as due "by the end
   * of the day" add one local day for overdue checks.
   */
  dueAt?: Date;
  allDay?: boolean;
  /** False when the date phrase gave only a time of day ("at 4pm"): the day is chrono's guess. */
  dateExplicit?: boolean;
  /** RRULE body without the "RRULE:" prefix, e.g. "FREQ=MONTHLY;BYMONTHDAY=1". */
  recurrenceRule?: string;
  reminders: QuickAddReminder[];
  tags: QuickAddLabel[];
  category?: QuickAddLabel;
  tokens: QuickAddToken[];
};

/** Internal: a span found by one of the recognisers. */
export type Span = { start: number; end: number };
