// Requests of the effect corpus the assistant still gets wrong, by batch and first words said. The
// regression test (tests/integration/chat-effects.pglite-only.test.ts) expects exactly these to fail:
// a fix makes its entry fail the test until it is taken off this list, and any other miss fails it too.
export const KNOWN_MISSES: Record<number, string[]> = {
  1: [],
  2: [],
  3: [],
  4: [],
  5: [],
  6: [],
  7: [
    // Both expect a weekday after the task's own date (budget review is Fri 20th, dentist Wed 18th) where every
    // earlier batch reads a weekday as the coming one (Thu 12th, Fri 13th); kept as written when measured.
    "move the budget review to thursday",
    "move the dentist to the same time on friday",
  ],
  8: [
    // "7:15" without am/pm after "tomorrow": the documented reading of 1-7 o'clock is the afternoon (19:15); the
    // case expects the morning. Ambiguous, kept as written when measured.
    "snooze the vet thing until tomorrow at 7:15",
    // Undoing a completion does not re-arm a reminder whose time came while it was armed and undelivered (the seed's
    // vet reminder: no worker delivers it in the bench); one already delivered ("sent") comes back as it was.
    "overdue?",
    // "everything" lists done tasks too (batch 1's "show everything including done"); the case expects open ones.
    "list everything by priority",
  ],
  9: [],
  10: [
    // A shift said after a list ("push those back a day") moves each task by its own date; update_tasks' set_due takes
    // one date for all of them, so the assistant does not find a task called "those".
    "stuff due within 3 days?",
    // "stand up" typed as two words does not name "Standup" (the resolver matches words, not words run together).
    "no stand up this coming monday pls",
  ],
};
