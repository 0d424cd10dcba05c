import { asc, isNull, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { outbox } from "@/server/db/schema";
import type { CloudEvent } from "@/server/events/catalog";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { takeLeaseOwnership } from "@/server/events/relay-lease";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { idsByKey, insertEvents, makeEvent, recordingTransport, silentLog, waitFor } from "./relay-helpers";

let database: TestDatabase;
const relays: OutboxRelay[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  await database.drop();
});

const start = async (
  transport: ReturnType<typeof recordingTransport>,
  extra: { batchSize?: number; instanceId?: string; db?: DatabaseHandle; quietMs?: number; quietMaxWaitMs?: number } = {},
) => {
  const relay = await startOutboxRelay({ db: extra.db ?? database.handle, transport, log: silentLog, retryInitialMs: 20, retryMaxMs: 100, sweepIntervalMs: 0, ...extra });
  relays.push(relay);
  return relay;
};

const unpublishedCount = async () => (await database.handle.db.select().from(outbox).where(isNull(outbox.publishedAt))).length;

/** Two users' events, interleaved, written by separate commits. */
async function writeInterleaved(count: number, users = ["user-a", "user-b"]): Promise<CloudEvent[]> {
  const written: CloudEvent[] = [];
  for (let i = 0; i < count; i++) {
    const user = users[i % users.length] ?? "user-a";
    written.push(...(await insertEvents(database.handle, "task-events", [makeEvent(user)])));
  }
  return written;
}

describe("outbox relay", () => {
  it("publishes every event in commit order per user and marks it published", async () => {
    const transport = recordingTransport();
    const written = await writeInterleaved(9, ["user-a", "user-b", "user-c"]);
    const relay = await start(transport, { batchSize: 4 });
    await relay.flush();

    expect(transport.sent.map((s) => s.event.id).sort()).toEqual(written.map((e) => e.id).sort());
    expect(idsByKey(transport.sent)).toEqual(idsByKey(written.map((event) => ({ event, partitionKey: event.userid ?? "" }))));
    expect(transport.sent.every((s) => s.topic === "task-events" && s.partitionKey === s.event.userid)).toBe(true);
    expect(await unpublishedCount()).toBe(0);
    expect(relay.metrics.published).toBe(9);
    expect(relay.metrics.pending).toBe(0);
  });

  it("reports how late events got out: the lag gauge keeps the last batch's wait once the outbox is drained", async () => {
    const transport = recordingTransport();
    await writeInterleaved(3, ["user-a"]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the events wait before any relay runs
    const relay = await start(transport);
    await relay.flush();
    expect(await unpublishedCount()).toBe(0);
    // Not 0 just because nothing is left: the events had waited at least the 300 ms.
    expect(relay.metrics.lagMs).toBeGreaterThanOrEqual(300);
  });

  it("updates the lag gauge while the relay is busy, not only when it idles", async () => {
    const transport = recordingTransport();
    await writeInterleaved(2, ["user-a", "user-b"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    let unblock = () => {};
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    const publish = transport.publish.bind(transport);
    transport.publish = async (...args) => {
      // The second batch hangs: the relay has published one batch and has not idled since.
      if (transport.sent.length === 1) await blocked;
      return publish(...args);
    };
    const relay = await start(transport, { batchSize: 1 });
    await waitFor(() => transport.sent.length, (n) => n === 1);
    await waitFor(() => relay.metrics.lagMs, (lag) => lag >= 300);
    unblock();
    await relay.flush();
    expect(transport.sent).toHaveLength(2);
  });

  it("wakes on NOTIFY: an insert is published without a flush or a timer", async () => {
    const transport = recordingTransport();
    await start(transport);
    const [event] = await insertEvents(database.handle, "reminders", [makeEvent("user-a", "cadence.reminder.due.v1")]);
    const sent = await waitFor(() => transport.sent, (list) => list.length === 1);
    expect(sent[0]?.event.id).toBe(event?.id);
    expect(sent[0]?.topic).toBe("reminders");
    await waitFor(unpublishedCount, (n) => n === 0);
  });

  it("sends a burst of changes out in one pass once the commits pause, not a pass per commit", async () => {
    const transport = recordingTransport();
    let burstOver = false;
    const seenDuringBurst: boolean[] = [];
    const publish = transport.publish.bind(transport);
    transport.publish = async (...args) => {
      seenDuringBurst.push(!burstOver);
      return publish(...args);
    };
    const relay = await start(transport, { quietMs: 1_000, quietMaxWaitMs: 20_000 });
    await relay.flush(); // the pass every relay makes at start is over before the burst begins
    const written: CloudEvent[] = [];
    // A person's (or a script's) changes a few tens of milliseconds apart: far more than a pass takes.
    for (let i = 0; i < 12; i++) {
      written.push(...(await insertEvents(database.handle, "task-events", [makeEvent(`user-${i % 3}`)])));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    burstOver = true;
    await waitFor(() => transport.sent.length, (n) => n === written.length);
    // Nothing went out while changes kept committing (each commit used to start a pass of its own); then all of them.
    expect(seenDuringBurst).toEqual(written.map(() => false));
    expect(idsByKey(transport.sent)).toEqual(idsByKey(written.map((event) => ({ event, partitionKey: event.userid ?? "" }))));
    await waitFor(unpublishedCount, (n) => n === 0);
    expect(relay.metrics.published).toBe(12);
  });

  it("records failed attempts with backoff and the error while the transport is down", async () => {
    const transport = recordingTransport();
    transport.down = true;
    const relay = await start(transport);
    await writeInterleaved(2);
    await waitFor(async () => (await database.handle.db.select().from(outbox)).every((row) => row.attempts >= 2), Boolean);
    await relay.flush();

    const rows = await database.handle.db.select().from(outbox).orderBy(asc(outbox.id));
    for (const row of rows) {
      expect(row.publishedAt).toBeNull();
      expect(row.lastError).toContain("transport unavailable");
    }
    expect(transport.sent).toHaveLength(0);
    expect(relay.metrics.failed).toBeGreaterThanOrEqual(4);
  });

  it("keeps events while the transport is down and delivers all of them, once and in order, when it returns", async () => {
    const transport = recordingTransport();
    transport.down = true;
    const relay = await start(transport, { batchSize: 3 });
    const written = await writeInterleaved(6);
    await relay.flush(); // every first row per user is now waiting for a retry
    written.push(...(await writeInterleaved(6))); // the app keeps writing during the outage
    await relay.flush();
    expect(await unpublishedCount()).toBe(12);

    transport.down = false;
    await waitFor(unpublishedCount, (n) => n === 0);
    await relay.flush();

    const ids = transport.sent.map((s) => s.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(written.map((e) => e.id).sort());
    expect(idsByKey(transport.sent)).toEqual(idsByKey(written.map((event) => ({ event, partitionKey: event.userid ?? "" }))));
  });

  it("publishes each event exactly once with two relays on one database, keeping per-user order", async () => {
    const transport = recordingTransport();
    // On PostgreSQL the second relay gets its own connection pool, like a second app instance.
    const otherHandle = database.url ? await openDatabase({ driver: "postgres", url: database.url }) : database.handle;
    const first = await start(transport, { batchSize: 5, instanceId: "a" });
    const second = await start(transport, { batchSize: 5, instanceId: "b", db: otherHandle });
    const users = ["u1", "u2", "u3", "u4"];
    const written: CloudEvent[] = [];
    for (let round = 0; round < 10; round++) {
      written.push(...(await insertEvents(database.handle, "task-events", users.map((user) => makeEvent(user)))));
      written.push(...(await writeInterleaved(3, users)));
    }
    await waitFor(unpublishedCount, (n) => n === 0);
    await Promise.all([first.flush(), second.flush()]);

    const ids = transport.sent.map((s) => s.event.id);
    expect(ids).toHaveLength(written.length);
    expect(new Set(ids).size).toBe(written.length);
    expect(idsByKey(transport.sent)).toEqual(idsByKey(written.map((event) => ({ event, partitionKey: event.userid ?? "" }))));
    expect(first.metrics.published + second.metrics.published).toBe(written.length);
    await second.stop();
    if (otherHandle !== database.handle) await otherHandle.close();
  });

  /** Rows as a relay left them mid-publish: leased by `key` for `seconds` more. */
  const leaseAll = (key: number, seconds: number) =>
    database.handle.db.update(outbox).set({ leasedBy: key, nextAttemptAt: sql`now() + make_interval(secs => ${seconds})` }).where(isNull(outbox.publishedAt));

  it("publishes at once the rows a relay killed mid-publish had leased, not when their 60 s lease runs out", async () => {
    const written = await writeInterleaved(6);
    await leaseAll(987_654, 60); // no live session holds this relay's lock: it died
    const transport = recordingTransport();
    const startedAt = Date.now();
    await start(transport);
    await waitFor(unpublishedCount, (n) => n === 0, 10_000);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(transport.sent.map((s) => s.event.id).sort()).toEqual(written.map((e) => e.id).sort());
    expect((await database.handle.db.select().from(outbox)).every((row) => row.leasedBy === null)).toBe(true);
  });

  it("leaves the rows leased by a live relay alone until that lease runs out", async () => {
    const written = await writeInterleaved(4);
    const alive = await takeLeaseOwnership(database.handle); // another instance, still running
    try {
      await leaseAll(alive.key, 3);
      const transport = recordingTransport();
      await start(transport);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(transport.sent).toEqual([]);
      await waitFor(unpublishedCount, (n) => n === 0, 15_000);
      expect(transport.sent).toHaveLength(written.length);
    } finally {
      await alive.release();
    }
  });
});
