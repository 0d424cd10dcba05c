// Natural-language quick-add: "Pay rent every month on the 1st at 9am #finance !high remind 1h before".
// Isomorphic — no server-only or browser-only imports.
export { parseQuickAdd } from "./parse";
export { parsePeriod, PERIOD_WORDS, type Period } from "./period";
export { priorityFromToken } from "./labels";
export { describeQuickAddRecurrence } from "./describe";
export type {
  Priority,
  QuickAddContext,
  QuickAddLabel,
  QuickAddReminder,
  QuickAddResult,
  QuickAddToken,
  QuickAddTokenKind,
} from "./types";
