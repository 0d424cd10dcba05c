/** The event backbone's targets (design spec) checked against each driver's measured figures. */
export interface TargetCheck {
  driver: string;
  name: string;
  target: string;
  measured: number | null;
  unit: string;
  pass: boolean | null;
}

interface Target {
  scenario: string;
  name: string;
  /** Path into the scenario's result object, e.g. ["latenessMs", "p95"]. */
  metric: string[];
  unit: string;
  atLeast?: number;
  atMost?: number;
}

const TARGETS: Target[] = [
  { scenario: "relay-embedded", name: "events relayed/s (embedded)", metric: ["eventsPerSecond"], unit: "events/s", atLeast: 5_000 },
  { scenario: "relay-dapr", name: "events relayed/s (via Dapr double)", metric: ["eventsPerSecond"], unit: "events/s", atLeast: 2_000 },
  { scenario: "reminders", name: "reminder lateness p95", metric: ["latenessMs", "p95"], unit: "ms", atMost: 1_000 },
  { scenario: "recurrence", name: "completion → next occurrence visible p95", metric: ["visibleMs", "p95"], unit: "ms", atMost: 500 },
  { scenario: "realtime", name: "change → seen by another pusher-js client p95", metric: ["seenByOtherClientMs", "p95"], unit: "ms", atMost: 300 },
  // --stack real: through daprd + Kafka, and the latencies again right after every worker was SIGKILLed and restarted.
  { scenario: "relay-daprd-kafka", name: "events relayed/s (via daprd + Kafka)", metric: ["eventsPerSecond"], unit: "events/s", atLeast: 2_000 },
  { scenario: "reminders-after-restart", name: "reminder lateness p95 after a worker restart", metric: ["latenessMs", "p95"], unit: "ms", atMost: 1_000 },
  { scenario: "recurrence-after-restart", name: "completion → next occurrence visible p95 after a worker restart", metric: ["visibleMs", "p95"], unit: "ms", atMost: 500 },
  { scenario: "realtime-after-restart", name: "change → seen by another pusher-js client p95 after a worker restart", metric: ["seenByOtherClientMs", "p95"], unit: "ms", atMost: 300 },
];

function dig(value: unknown, keys: string[]): number | null {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "number" && Number.isFinite(current) ? current : null;
}

/** One check per (driver, target) that ran; `pass: null` when the scenario failed to produce the figure. */
export function evaluateTargets(results: Record<string, Record<string, unknown>>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [driver, scenarios] of Object.entries(results)) {
    for (const target of TARGETS) {
      if (!(target.scenario in scenarios)) continue;
      const measured = dig(scenarios[target.scenario], target.metric);
      const pass =
        measured === null ? null : target.atLeast !== undefined ? measured >= target.atLeast : measured <= (target.atMost ?? Infinity);
      const bound = target.atLeast !== undefined ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
      checks.push({ driver, name: target.name, target: `${bound} ${target.unit}`, measured, unit: target.unit, pass });
    }
  }
  return checks;
}
