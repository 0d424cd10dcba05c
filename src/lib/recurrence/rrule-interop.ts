import * as rruleModule from "rrule";

/**
 * rrule ships ESM under "module" (used by bundlers and vitest) but only a UMD
 * build under "main", so plain Node ESM (tsx, workers) sees its exports on
 * `default` instead of as named exports. Pick whichever shape we got.
 */
type RRuleModule = typeof import("rrule");

const namespace = rruleModule as unknown as Partial<RRuleModule> & { default?: RRuleModule };
const resolved: RRuleModule =
  namespace.RRule !== undefined ? (namespace as RRuleModule) : (namespace.default as RRuleModule);

export const RRule = resolved.RRule;
export type RRule = import("rrule").RRule;
export type RRuleOptions = import("rrule").Options;
