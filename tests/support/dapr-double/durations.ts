// Time strings Dapr accepts for jobs: Go durations ("1m30s", "500ms") and RFC 3339 times.

const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  "µs": 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go `time.ParseDuration` subset: returns milliseconds, or undefined when not a duration. */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^([0-9]*\.?[0-9]+(ns|us|µs|ms|s|m|h))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const part of trimmed.matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g)) {
    const [, amount, unit] = part;
    total += Number(amount) * (unitMs[unit ?? "ms"] ?? 1);
  }
  return total;
}

/** A dueTime/ttl: RFC 3339 instant or duration from `from`; undefined when unparseable. */
export function parseInstant(text: string, from: number): number | undefined {
  const duration = parseGoDuration(text);
  if (duration !== undefined) return from + duration;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * A repeating `schedule`: `@every <duration>` or a bare duration. Cron expressions and
 * `@daily`-style periods are not simulated by the double (returns undefined → 400).
 */
export function parseInterval(schedule: string): number | undefined {
  const every = /^@every\s+(.+)$/.exec(schedule.trim());
  const ms = parseGoDuration(every?.[1] ?? schedule);
  return ms !== undefined && ms > 0 ? ms : undefined;
}
