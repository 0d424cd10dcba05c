// Worker host + Dapr double with bulk subscribe: per-entry idempotency, retry, DROP → stored dead letter, order per user.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import type { CloudEvent } from "@/server/events/catalog";
import { processOnce } from "@/server/events/consumer";
import { listDeadLetters } from "@/server/events/dead-letters";
import type { WorkerDefinition } from "@/server/events/worker-types";
import { serveWithDapr, type DaprWorkerServer } from "@workers/host/dapr-server";
import { startDaprDouble, type DaprDouble } from "../support/dapr-double";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeEvent, silentLog, waitFor } from "./relay-helpers";

const COMPLETED = "cadence.task.completed.v1";

let database: TestDatabase;
let double: DaprDouble;
let server: DaprWorkerServer;
/** Effects that really happened (inside the idempotency transaction), in order. */
let effects: string[] = [];
let calls: string[] = [];
const failuresToGo = new Map<string, number>();

const worker: WorkerDefinition = {
  name: "probe",
  subscriptions: [
    {
      name: "completed",
      topic: "task-events",
      types: [COMPLETED],
      async handle(event, services) {
        calls.push(event.id);
        const left = failuresToGo.get(event.id) ?? 0;
        if (left > 0) {
          failuresToGo.set(event.id, left - 1);
          throw new Error("transient failure");
        }
        await processOnce(services.db.db, "probe/completed", event.id, async () => {
          effects.push(event.id);
        });
      },
    },
  ],
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await serveWithDapr(worker, { port: 0, host: "127.0.0.1", services: { env: parseEnv({}), db: database.handle, log: silentLog } });
  double = await startDaprDouble({ apps: [{ appId: "probe", appPort: server.port }], resiliency: { maxRetries: 5, initialIntervalMs: 5, maxIntervalMs: 20 } });
  await double.discover("probe");
});
afterAll(async () => {
  await double?.close();
  await server?.close();
  await database?.drop();
});
beforeEach(() => {
  effects = [];
  calls = [];
});

/** All events in one bulk publish, each keyed by its user, like the relay's Dapr transport does. */
async function publish(events: CloudEvent[]): Promise<void> {
  const body = events.map((e) => ({ entryId: e.id, event: e, contentType: "application/cloudevents+json", metadata: { partitionKey: e.userid ?? "" } }));
  const res = await fetch(`${double.sidecar("probe").url}/v1.0-alpha1/publish/bulk/pubsub/task-events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(204);
}

const completed = (user: string, n: number) => makeEvent(user, COMPLETED, { n });

describe("worker host with Dapr bulk subscribe", () => {
  it("advertises bulkSubscribe for event topics and keeps dead-letter topics per message", () => {
    const subscriptions = double.subscriptions("probe");
    expect(subscriptions.find((s) => s.topic === "task-events")?.bulkSubscribe).toEqual({ enabled: true, maxMessagesCount: 100, maxAwaitDurationMs: 20 });
    expect(subscriptions.find((s) => s.topic === "task-events-dlq")?.bulkSubscribe).toBeUndefined();
  });

  it("handles many users' events in shared bulks, retries only the failed entry, and keeps each user's order", async () => {
    const events = ["u1", "u2", "u3", "u4"].flatMap((user) => [1, 2, 3].map((n) => completed(user, n)));
    const flaky = events[0]!; // u1's first event fails twice: u1's later events must still come after it
    failuresToGo.set(flaky.id, 2);
    await publish(events);
    await double.idle();

    expect([...effects].sort()).toEqual(events.map((e) => e.id).sort());
    for (const user of ["u1", "u2", "u3", "u4"]) {
      const mine = events.filter((e) => e.userid === user).map((e) => e.id);
      expect(effects.filter((id) => mine.includes(id))).toEqual(mine);
    }
    expect(calls.filter((id) => id === flaky.id)).toHaveLength(3);
    const attempts = double.deliveries({ topic: "task-events" }).filter((d) => events.some((e) => e.id === d.eventId));
    // Fewer requests than events: several users' events shared a bulk.
    expect(new Set(attempts.map((d) => d.bulkId)).size).toBeLessThan(attempts.length);
  });

  it("treats a redelivered entry as a no-op and dead-letters a malformed entry alone", async () => {
    const good = completed("u5", 1);
    await publish([good]);
    await double.idle();
    const malformed = { ...completed("u6", 1), specversion: "0.3" } as unknown as CloudEvent;
    await publish([good, malformed, completed("u7", 1)]); // `good` again = a redelivery
    await double.idle();

    expect(effects.filter((id) => id === good.id)).toHaveLength(1);
    expect(double.deadLetters("task-events").map((d) => d.event.id)).toEqual([malformed.id]);
    const letters = await waitFor(
      async () => (await listDeadLetters(database.handle.db, { limit: 50 })).items,
      (rows) => rows.some((row) => row.eventId === malformed.id),
    );
    expect(letters.find((row) => row.eventId === malformed.id)?.reason).toContain("specversion");
  });

  it("answers a bulk with one status per entry and holds back a user's later entries after a RETRY", async () => {
    // Real Dapr may put several events of one user in a bulk; the host must not let them overtake each other.
    const first = completed("u8", 1);
    const second = completed("u8", 2);
    const other = completed("u9", 1);
    failuresToGo.set(first.id, 1);
    const entries = [first, second, other].map((event, i) => ({ entryId: `e${i}`, event, contentType: "application/cloudevents+json", metadata: {} }));
    const res = await fetch(`http://127.0.0.1:${server.port}/events/probe/completed`, {
      method: "POST",
      headers: { "content-type": "application/cloudevents+json" },
      body: JSON.stringify({ id: "bulk-1", entries, metadata: { pubsubName: "pubsub" }, topic: "task-events", pubsubname: "pubsub", type: "com.dapr.event.sent.bulk" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      statuses: [
        { entryId: "e0", status: "RETRY" },
        { entryId: "e1", status: "RETRY" },
        { entryId: "e2", status: "SUCCESS" },
      ],
    });
    expect(calls).not.toContain(second.id);
    expect(effects).toEqual([other.id]);
  });

  it("dead-letters a bulk sent to a path with no subscription (daprd takes a bulk answered 404 as delivered)", async () => {
    const entries = [completed("u10", 1), completed("u11", 1)].map((event, i) => ({ entryId: `x${i}`, event, contentType: "application/cloudevents+json", metadata: {} }));
    const post = (body: unknown) =>
      fetch(`http://127.0.0.1:${server.port}/events/probe/renamed-away`, { method: "POST", headers: { "content-type": "application/cloudevents+json" }, body: JSON.stringify(body) });
    const res = await post({ id: "", entries, topic: "task-events", pubsubname: "pubsub", type: "com.dapr.event.sent.bulk" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ statuses: [{ entryId: "x0", status: "DROP" }, { entryId: "x1", status: "DROP" }] });
    expect(calls).toEqual([]);
    // A single delivery there stays a 404, which daprd dead-letters itself.
    expect((await post(completed("u12", 1))).status).toBe(404);
  });
});
