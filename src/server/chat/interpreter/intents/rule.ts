import type { InterpretContext, Interpretation } from "../types";

/** One grammar rule: recognises its phrasing in normalised text or passes (undefined). */
export type Rule = (text: string, ctx: InterpretContext) => Interpretation | undefined;
