import type { Interpretation, PlannedCall } from "../types";

/** Several readings of one sentence, the likeliest first; none when no cut fits. */
export function readings(list: PlannedCall[][]): Interpretation | undefined {
  const [first, ...rest] = list;
  if (!first) return undefined;
  return rest.length ? { kind: "calls", calls: first, alternatives: rest } : { kind: "calls", calls: first };
}

/** A sentence that asks about tasks rather than changing one ("what's due", "show X"). */
export const QUESTION = /^(?:what|which|anything|who|how|when|where|show|list|any)\b/i;
