// rrule ships CommonJS to Node and ESM to bundlers; plain Node ESM (tsx workers) cannot
// see its named exports, so pick whichever shape the loader handed us.
import * as rruleNs from "rrule";

type RRuleModule = typeof rruleNs;
const mod: RRuleModule = (rruleNs as Partial<RRuleModule>).RRule
  ? rruleNs
  : (rruleNs as unknown as { default: RRuleModule }).default;

export const RRule = mod.RRule;
export type RRuleOptions = rruleNs.Options;
