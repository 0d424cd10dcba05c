import type { CloudEvent } from "./catalog";
import type { EventTransport } from "./transport";
import { errorText } from "./error-text";

/** An outbox row claimed by the relay. */
export interface ClaimedRow {
  id: number;
  eventId: string;
  topic: string;
  partitionKey: string;
  event: Record<string, unknown>;
  attempts: number;
  /** Age of the event when it was claimed (now − created_at), in ms; the lag metric. */
  ageMs?: number;
}

export interface PublishOutcome {
  published: ClaimedRow[];
  failed: { row: ClaimedRow; error: string }[];
  /** Claimed but not attempted (behind a failure of their partition key, or out of time): back to the queue. */
  released: ClaimedRow[];
}

/**
 * Publishes claimed rows in waves: wave n holds the n-th row of every partition key on each topic, so rows of one
 * key on one topic go strictly one after another (in id = commit order) while different keys and topics go out
 * together. Kafka orders only within a topic's partition and each topic is consumed on its own, so one user's
 * rows on two topics need no order between them (one change's task and reminder events leave in one wave).
 * A failure blocks the rest of its key on that topic for this pass, so those events never overtake each other.
 */
export async function publishInWaves(
  transport: EventTransport,
  rows: ClaimedRow[],
  deadline: number,
  /** Called with each partition key's outcome as soon as that key is done (per-key path only). */
  onKeyDone?: (outcome: PublishOutcome) => void,
): Promise<PublishOutcome> {
  if (!transport.publishBatch) return publishPerKey(transport, groupBy(rows, (row) => row.partitionKey), deadline, onKeyDone);
  const byKey = groupBy(rows, (row) => `${row.topic}\u0000${row.partitionKey}`);
  const outcome: PublishOutcome = { published: [], failed: [], released: [] };
  const blocked = new Set<string>();
  const attempted = new Set<number>();
  for (let wave = 0; Date.now() < deadline; wave++) {
    const current = [...byKey.entries()].flatMap(([key, keyRows]) => {
      const row = blocked.has(key) ? undefined : keyRows[wave];
      return row ? [row] : [];
    });
    if (current.length === 0) break;
    const errors = await publishWave(transport, current);
    for (const row of current) {
      attempted.add(row.id);
      const error = errors.get(row.id);
      if (error === undefined) outcome.published.push(row);
      else {
        outcome.failed.push({ row, error });
        blocked.add(`${row.topic}\u0000${row.partitionKey}`);
      }
    }
  }
  outcome.released = rows.filter((row) => !attempted.has(row.id));
  return outcome;
}

/**
 * Without a bulk path (the embedded transport, whose publish lasts until the subscribers are done) waves would
 * make every key wait for the slowest handler of each wave: instead each key runs its own chain, rows one
 * after another, all keys at once. Same guarantees: per-key order, a failure blocks the rest of its key.
 */
async function publishPerKey(
  transport: EventTransport,
  byKey: Map<string, ClaimedRow[]>,
  deadline: number,
  onKeyDone?: (outcome: PublishOutcome) => void,
): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { published: [], failed: [], released: [] };
  const publishKey = async (keyRows: ClaimedRow[]): Promise<PublishOutcome> => {
    const own: PublishOutcome = { published: [], failed: [], released: [] };
    for (const [index, row] of keyRows.entries()) {
      if (Date.now() >= deadline) {
        own.released.push(...keyRows.slice(index));
        return own;
      }
      try {
        await transport.publish(row.topic, asEvent(row), row.partitionKey);
        own.published.push(row);
      } catch (cause) {
        own.failed.push({ row, error: errorText(cause) });
        own.released.push(...keyRows.slice(index + 1));
        return own;
      }
    }
    return own;
  };
  await Promise.all(
    [...byKey.values()].map(async (keyRows) => {
      const own = await publishKey(keyRows);
      outcome.published.push(...own.published);
      outcome.failed.push(...own.failed);
      outcome.released.push(...own.released);
      onKeyDone?.(own);
    }),
  );
  return outcome;
}

/** Returns row id → error for the rows that were not published. */
async function publishWave(transport: EventTransport, rows: ClaimedRow[]): Promise<Map<number, string>> {
  const errors = new Map<number, string>();
  const byTopic = new Map<string, ClaimedRow[]>();
  for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
  await Promise.all(
    [...byTopic.entries()].map(async ([topic, topicRows]) => {
      if (transport.publishBatch && topicRows.length > 1) {
        try {
          const entries = topicRows.map((row) => ({ entryId: String(row.id), event: asEvent(row), partitionKey: row.partitionKey }));
          const result = await transport.publishBatch(topic, entries);
          for (const failure of result.failed) errors.set(Number(failure.entryId), failure.error);
        } catch (cause) {
          for (const row of topicRows) errors.set(row.id, errorText(cause));
        }
        return;
      }
      await Promise.all(
        topicRows.map(async (row) => {
          try {
            await transport.publish(topic, asEvent(row), row.partitionKey);
          } catch (cause) {
            errors.set(row.id, errorText(cause));
          }
        }),
      );
    }),
  );
  return errors;
}

const asEvent = (row: ClaimedRow) => row.event as unknown as CloudEvent;

/** Rows grouped by `keyOf`, each group in the rows' order (id order). */
function groupBy(rows: ClaimedRow[], keyOf: (row: ClaimedRow) => string): Map<string, ClaimedRow[]> {
  const groups = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
