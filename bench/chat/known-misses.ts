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
  8: [],
};
