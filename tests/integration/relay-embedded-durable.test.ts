// Embedded mode must not lose an event that was taken from the outbox but not yet handled: the row is marked
// published only once the in-process subscribers settled it (handled, or stored as a dead letter).
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "@/server/db/schema";
import { listDeadLetters } from "@/server/events/dead-letters";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport, type EmbeddedTransport } from "@/server/events/transports/embedded";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { insertEvents, makeEvent, silentLog, waitFor } from "./relay-helpers";

let database: TestDatabase;
const running: { transport: EmbeddedTransport; relay?: OutboxRelay }[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const { transport, relay } of running.splice(0)) {
    await transport.close();
    await relay?.stop();
  }
  await database.drop();
});

function embedded(retry: { maxRetries?: number; initialDelayMs: number; maxDelayMs: number; retryInPlaceMs?: number }, relayRetryMs?: number) {
  const transport = createEmbeddedTransport({ db: database.handle.db, log: silentLog, ...retry });
  const entry: { transport: EmbeddedTransport; relay?: OutboxRelay } = { transport };
  running.push(entry);
  return {
    transport,
    async startRelay() {
      entry.relay = await startOutboxRelay({ db: database.handle, transport, log: silentLog, sweepIntervalMs: 0, retryInitialMs: relayRetryMs, retryMaxMs: relayRetryMs });
      return entry.relay;
    },
  };
}

const publishedAt = async (eventId: string) => {
  const [row] = await database.handle.db.select({ publishedAt: outbox.publishedAt }).from(outbox).where(eq(outbox.eventId, eventId));
  return row?.publishedAt ?? null;
};

describe("embedded transport durability", () => {
  it("keeps the outbox row unpublished while the subscriber fails, and through a crash; the next start delivers it", async () => {
    const first = embedded({ maxRetries: 50, initialDelayMs: 20, maxDelayMs: 20 });
    let failures = 0;
    first.transport.subscribe({
      consumer: "w/down",
      topic: "task-events",
      handle: async () => {
        failures += 1;
        throw new Error("database unavailable");
      },
    });
    const [event] = await insertEvents(database.handle, "task-events", [makeEvent("u1", "cadence.task.completed.v1")]);
    if (!event) throw new Error("no event");
    const relay = await first.startRelay();
    await waitFor(() => failures, (n) => n >= 3);
    expect(await publishedAt(event.id)).toBeNull();

    // "Crash": the process goes away while the event is still being retried in memory.
    const stopped = relay.stop();
    await first.transport.close();
    await stopped;
    expect(await publishedAt(event.id)).toBeNull();

    // Restart with a healthy subscriber: the same event is delivered from the outbox, then marked published.
    const second = embedded({ maxRetries: 5, initialDelayMs: 1, maxDelayMs: 5 });
    const handled: string[] = [];
    second.transport.subscribe({ consumer: "w/down", topic: "task-events", handle: async (e) => void handled.push(e.id) });
    const relay2 = await second.startRelay();
    // The crashed pass left the row with a short retry delay; wait for the relay to pick it up again.
    await waitFor(() => publishedAt(event.id), (value) => value !== null);
    await relay2.flush();
    expect(handled).toEqual([event.id]);
    expect(await listDeadLetters(database.handle.db, { limit: 10 }).then((page) => page.items)).toHaveLength(0);
  });

  it("marks the row published only after the subscriber handled it on a later attempt", async () => {
    const { transport, startRelay } = embedded({ maxRetries: 5, initialDelayMs: 30, maxDelayMs: 30 });
    let calls = 0;
    const rowStateWhileFailing: (Date | null)[] = [];
    const [event] = await insertEvents(database.handle, "task-events", [makeEvent("u1")]);
    if (!event) throw new Error("no event");
    transport.subscribe({
      consumer: "w/flaky",
      topic: "task-events",
      handle: async () => {
        calls += 1;
        rowStateWhileFailing.push(await publishedAt(event.id));
        if (calls <= 2) throw new Error("transient");
      },
    });
    const relay = await startRelay();
    await relay.flush();
    await waitFor(() => publishedAt(event.id), (value) => value !== null);
    expect(calls).toBe(3);
    expect(rowStateWhileFailing).toEqual([null, null, null]);
  });

  it("rides out a subscriber failing for a slow spell without a dead letter, and other users' events flow meanwhile", async () => {
    // The default give-up rule (5 failures over at least 60 s), with short retries so the failures pile up quickly.
    const { transport, startRelay } = embedded({ initialDelayMs: 5, maxDelayMs: 5, retryInPlaceMs: 20 }, 30);
    let slowSpell = true;
    const handled: string[] = [];
    let failures = 0;
    transport.subscribe({
      consumer: "realtime/sync-notices",
      topic: "task-updates",
      handle: async (event) => {
        if (event.userid === "slow" && slowSpell) {
          failures += 1;
          throw new Error("Pusher answered 504: timeout");
        }
        handled.push(`${event.userid}:${(event.data as { n: number }).n}`);
      },
    });
    const relay = await startRelay();
    await insertEvents(database.handle, "task-updates", [makeEvent("slow", undefined, { n: 1 }), makeEvent("slow", undefined, { n: 2 })]);
    await waitFor(() => failures, (n) => n >= 5);
    // While "slow" keeps failing, another user's event is published: the relay's pass is not held by the retries.
    const [other] = await insertEvents(database.handle, "task-updates", [makeEvent("other", undefined, { n: 1 })]);
    if (!other) throw new Error("no event");
    await waitFor(() => publishedAt(other.id), (value) => value !== null);
    expect(handled).toEqual(["other:1"]);
    slowSpell = false;
    await waitFor(() => handled.filter((entry) => entry.startsWith("slow")), (done) => done.length === 2, 10_000);
    await relay.flush();
    expect(handled.filter((entry) => entry.startsWith("slow"))).toEqual(["slow:1", "slow:2"]);
    expect((await listDeadLetters(database.handle.db, { limit: 10 })).items).toHaveLength(0);
  });

  it("does not hold other users' events while one user's handler is slow: they are marked published, and later ones too", async () => {
    const { transport, startRelay } = embedded({ initialDelayMs: 5, maxDelayMs: 5 });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    transport.subscribe({
      consumer: "recurrence/task-completed",
      topic: "task-events",
      handle: async (event) => {
        if (event.userid === "slow") await gate;
        handled.push(`${event.userid}:${(event.data as { n: number }).n}`);
      },
    });
    // One statement: both rows land in the same claimed batch.
    const [slow, other] = await insertEvents(database.handle, "task-events", [makeEvent("slow", undefined, { n: 1 }), makeEvent("other", undefined, { n: 1 })]);
    if (!slow || !other) throw new Error("no events");
    const relay = await startRelay();
    await waitFor(() => publishedAt(other.id), (value) => value !== null);
    const [later] = await insertEvents(database.handle, "task-events", [makeEvent("other", undefined, { n: 2 })]);
    if (!later) throw new Error("no event");
    await waitFor(() => publishedAt(later.id), (value) => value !== null);
    expect(await publishedAt(slow.id)).toBeNull();
    expect(handled).toEqual(["other:1", "other:2"]);
    release();
    await waitFor(() => publishedAt(slow.id), (value) => value !== null);
    await relay.flush();
    expect(handled).toEqual(["other:1", "other:2", "slow:1"]);
  });

  it("marks a dropped event's row published once its dead letter is stored", async () => {
    const { transport, startRelay } = embedded({ maxRetries: 5, initialDelayMs: 1, maxDelayMs: 5 });
    transport.subscribe({ consumer: "w/picky", topic: "task-events", handle: async () => "drop" });
    const [event] = await insertEvents(database.handle, "task-events", [makeEvent("u1")]);
    if (!event) throw new Error("no event");
    const relay = await startRelay();
    await relay.flush();
    await waitFor(() => publishedAt(event.id), (value) => value !== null);
    const letters = (await listDeadLetters(database.handle.db, { limit: 10 })).items;
    expect(letters.map((letter) => [letter.eventId, letter.consumer])).toEqual([[event.id, "w/picky"]]);
  });
});
