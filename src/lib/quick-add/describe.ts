// Human text for a quick-add rule, for the live preview ("every month on the 1st").
import { RRule } from "./rrule-interop";

export function describeQuickAddRecurrence(rule: string): string {
  return RRule.fromString(rule.startsWith("RRULE:") ? rule : `RRULE:${rule}`).toText();
}
