// On PostgreSQL a transaction can take an outbox id and commit after rows with higher ids were published. The
// relay's low-water mark (claims skip ids at or below it) must not hide such a row: before, it stayed unpublished
// until the next sweep reset the mark (up to 15 s — the soak's lag spikes of 9–12 s).
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { createTestDatabase, testDriver, type TestDatabase } from "../support/database";
import { insertEvents, makeEvent, recordingTransport, silentLog, waitFor } from "./relay-helpers";

let database: TestDatabase | undefined;
let relay: OutboxRelay | undefined;
let other: postgres.Sql | undefined;
afterEach(async () => {
  await relay?.stop();
  await other?.end({ timeout: 5 });
  await database?.drop();
  relay = undefined;
  other = undefined;
  database = undefined;
});

describe.skipIf(testDriver() !== "postgres")("outbox relay and late commits", () => {
  it("publishes a row whose transaction took a lower id but committed after later rows were published", async () => {
    database = await createTestDatabase();
    const handle = database.handle;
    const transport = recordingTransport();
    // No sweep: the row must come out through the relay's own wake-ups, not a periodic reset.
    relay = await startOutboxRelay({ db: handle, transport, log: silentLog, retryInitialMs: 20, retryMaxMs: 100, sweepIntervalMs: 0 });
    other = postgres(database.url!, { max: 1, onnotice: () => {} });
    const late = makeEvent("user-late", "cadence.task.created.v1");
    let commit: () => void = () => {};
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let inserted: () => void = () => {};
    const insertedLate = new Promise<void>((resolve) => (inserted = resolve));
    const slowTransaction = other.begin(async (tx) => {
      await tx`INSERT INTO outbox (event_id, topic, partition_key, event) VALUES (${late.id}, 'task-events', 'user-late', ${tx.json(late as never)})`;
      inserted();
      await committed;
    });
    await insertedLate;
    // Later ids commit and are published while the first transaction is still open, and the relay idles twice
    // (each idle reads the mark again).
    for (let round = 0; round < 3; round++) {
      const [event] = await insertEvents(handle, "task-events", [makeEvent("user-early", "cadence.task.created.v1")]);
      await waitFor(() => transport.sent.map((sent) => sent.event.id), (ids) => ids.includes(event!.id));
      await relay.flush();
    }
    commit();
    await slowTransaction;
    await waitFor(() => transport.sent.map((sent) => sent.event.id), (ids) => ids.includes(late.id), 10_000);
    expect(transport.sent.filter((sent) => sent.event.id === late.id)).toHaveLength(1);
  });
});
