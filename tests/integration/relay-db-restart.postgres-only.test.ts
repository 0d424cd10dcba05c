// Events the relay has handed to the broker must not go out again because the database went away before the
// relay could record them (a restart ends every session): it keeps recording until the database is back.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CloudEvent } from "@/server/events/catalog";
import { startOutboxRelay } from "@/server/events/relay";
import type { EventTransport } from "@/server/events/transport";
import { createTestDatabase, testDriver, type TestDatabase } from "../support/database";
import { insertEvents, makeEvent, silentLog, waitFor } from "./relay-helpers";

describe.skipIf(testDriver() !== "postgres")("the relay when the database goes away mid-batch", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("publishes each event once: the batch that went out while the sessions ended is recorded when they are back", async () => {
    const admin = postgres(testDb.url!, { max: 1, onnotice: () => {} });
    const database = new URL(testDb.url!).pathname.slice(1);
    const sent: string[] = [];
    let sessionsEnded = false;
    // A bulk transport (as the Dapr sidecar's): the first batch reaches the broker, then every session of the
    // database ends before the relay can record it.
    const transport: EventTransport = {
      kind: "dapr",
      async publish(_topic, event) {
        sent.push(event.id);
      },
      async publishBatch(_topic, entries) {
        sent.push(...entries.map((entry) => entry.event.id));
        if (!sessionsEnded) {
          sessionsEnded = true;
          await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${database} AND pid <> pg_backend_pid()`;
        }
        return { failed: [] };
      },
    };
    const written: CloudEvent[] = [];
    for (const user of ["user-a", "user-b", "user-c"]) written.push(...(await insertEvents(testDb.handle, "task-events", [makeEvent(user), makeEvent(user)])));
    // A short lease and a frequent sweep: without the retry, the unrecorded rows would come back within a second.
    const relay = await startOutboxRelay({ db: testDb.handle, transport, log: silentLog, leaseMs: 1_000, sweepIntervalMs: 200, retryInitialMs: 20 });
    try {
      // Read through the admin session, the one the termination spares.
      const unpublished = async () => (await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)[0]!.n;
      await waitFor(unpublished, (n) => n === 0);
      await new Promise((resolve) => setTimeout(resolve, 2_500)); // past the lease and several sweeps
      expect(sessionsEnded).toBe(true);
      expect([...sent].sort()).toEqual(written.map((event) => event.id).sort());
    } finally {
      await relay.stop();
      await admin.end();
    }
  });
});
