// Picks the app path for an event from a subscription's route/routes (CEL subset).
import type { CloudEvent, Subscription } from "./types";

/**
 * Evaluates the CEL forms Cadence uses: `event.type == "x"`, `event.type in ["x","y"]`,
 * joined by `||` (and `&&`), on any top-level `event.<field>`. Anything else never matches.
 */
export function matches(expression: string, event: CloudEvent): boolean {
  return expression.split("||").some((alternative) =>
    alternative.split("&&").every((clause) => matchClause(clause.trim(), event)),
  );
}

function matchClause(clause: string, event: CloudEvent): boolean {
  const unwrapped = clause.replace(/^\((.*)\)$/, "$1").trim();
  const eq = /^event\.(\w+)\s*(==|!=)\s*(["'])(.*)\3$/.exec(unwrapped);
  if (eq) {
    const same = String(event[eq[1] ?? ""]) === eq[4];
    return eq[2] === "==" ? same : !same;
  }
  const inList = /^event\.(\w+)\s+in\s+\[(.*)\]$/.exec(unwrapped);
  if (inList) {
    const values = [...(inList[2] ?? "").matchAll(/(["'])(.*?)\1/g)].map((m) => m[2]);
    return values.includes(String(event[inList[1] ?? ""]));
  }
  return false;
}

/** The path a message goes to, or undefined when nothing matches (message is ignored). */
export function selectPath(subscription: Subscription, event: CloudEvent): string | undefined {
  for (const rule of subscription.routes?.rules ?? []) {
    if (matches(rule.match, event)) return rule.path;
  }
  return subscription.routes?.default ?? subscription.route;
}
