// Requests of the effect corpus the assistant still gets wrong, by batch and first words said. The
// regression test (tests/integration/chat-effects.pglite-only.test.ts) expects exactly these to fail:
// a fix makes its entry fail the test until it is taken off this list, and any other miss fails it too.
export const KNOWN_MISSES: Record<number, string[]> = {
  1: [],
  2: [],
  3: [],
  4: [],
  5: ["add buy paint in work"],
  6: [
    "edit the passport task title to renew passport asap",
    "show overdue tasks",
    "add buy stamps tagged errands",
    "rename call mom to call dad",
    "remind me about the budget review the day before at 5pm",
    "search dentist",
  ],
  7: [],
};
