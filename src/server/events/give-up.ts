/**
 * When a consumer that keeps failing on an event is given up on (the event becomes a dead letter), the same rule
 * for the Dapr workers and the embedded transport: at least this many failed attempts...
 */
export const DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;
/** ...spread over at least this long: a dependency that restarts, or a server slow for a while, must not cost events. */
export const DEFAULT_GIVE_UP_AFTER_MS = 60_000;

/** Failed attempts of one (consumer, event), counted across redeliveries; bounded, oldest forgotten first. */
export class FailureCounter {
  private readonly entries = new Map<string, { attempts: number; since: number }>();

  constructor(
    private readonly maxAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS,
    private readonly afterMs = DEFAULT_GIVE_UP_AFTER_MS,
    private readonly capacity = 1_000,
  ) {}

  /** Counts one more failed attempt; true when the event has used up both its attempts and its time. */
  fail(key: string, now = Date.now()): boolean {
    const before = this.entries.get(key);
    const entry = { attempts: (before?.attempts ?? 0) + 1, since: before?.since ?? now };
    this.entries.delete(key); // re-inserted last: the map's order is least recently failed first
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value ?? "");
    return entry.attempts >= this.maxAttempts && now - entry.since >= this.afterMs;
  }

  attempts(key: string): number {
    return this.entries.get(key)?.attempts ?? 0;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
