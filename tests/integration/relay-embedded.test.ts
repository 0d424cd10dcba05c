import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import type { CloudEvent } from "@/server/events/catalog";
import { listDeadLetters } from "@/server/events/dead-letters";
import { startOutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport, type EmbeddedTransport } from "@/server/events/transports/embedded";
import type { WorkerDefinition } from "@/server/events/worker-types";
import { runEmbedded } from "@workers/host/embedded";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { insertEvents, makeEvent, silentLog } from "./relay-helpers";

let database: TestDatabase;
let transport: EmbeddedTransport;

beforeEach(async () => {
  database = await createTestDatabase();
  // No minimum time before giving up here: these cases are about the retries in place and what gets dead-lettered.
  transport = createEmbeddedTransport({ db: database.handle.db, log: silentLog, maxRetries: 5, giveUpAfterMs: 0, initialDelayMs: 1, maxDelayMs: 5 });
});
afterEach(async () => {
  await transport.close();
  await database.drop();
});

const deadLetters = async () => (await listDeadLetters(database.handle.db, { limit: 100 })).items;

describe("embedded transport", () => {
  it("retries a failing handler and stops once it succeeds", async () => {
    let calls = 0;
    transport.subscribe({
      consumer: "w/flaky",
      topic: "task-events",
      handle: async () => {
        calls += 1;
        if (calls <= 2) throw new Error("database busy");
      },
    });
    await transport.publish("task-events", makeEvent("u1"), "u1");
    await transport.idle();
    expect(calls).toBe(3);
    expect(await deadLetters()).toHaveLength(0);
  });

  it("treats an outcome of 'retry' like a failure and 'drop' as a dead letter with the reason", async () => {
    const seen: string[] = [];
    transport.subscribe({
      consumer: "w/picky",
      topic: "task-events",
      handle: async (event) => {
        seen.push(event.id);
        return seen.length === 1 ? "retry" : "drop";
      },
    });
    const event = makeEvent("u1");
    await transport.publish("task-events", event, "u1");
    await transport.idle();
    expect(seen).toEqual([event.id, event.id]);
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ topic: "task-events", consumer: "w/picky", eventId: event.id, attempts: 2 });
    expect(letter?.reason).toContain("dropped");
    expect(letter?.event).toEqual(event);
  });

  it("dead-letters an event whose handler throws on every attempt, after bounded retries", async () => {
    let calls = 0;
    transport.subscribe({
      consumer: "w/broken",
      topic: "reminders",
      handle: async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      },
    });
    const event = makeEvent("u1", "cadence.reminder.due.v1");
    await transport.publish("reminders", event, "u1");
    await transport.idle();
    expect(calls).toBe(6);
    const letters = await deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ topic: "reminders", consumer: "w/broken", eventId: event.id, attempts: 6 });
    expect(letters[0]?.reason).toContain("boom 6");
  });

  it("keeps failing deliveries alive for the give-up time: the publish fails for the relay to retry, and only the subscriber that failed gets the event again", async () => {
    const slow = createEmbeddedTransport({
      db: database.handle.db,
      log: silentLog,
      maxRetries: 4,
      giveUpAfterMs: 400,
      initialDelayMs: 5,
      maxDelayMs: 5,
      retryInPlaceMs: 30,
    });
    let healthyCalls = 0;
    let brokenCalls = 0;
    slow.subscribe({ consumer: "w/healthy", topic: "task-events", handle: async () => void (healthyCalls += 1) });
    slow.subscribe({
      consumer: "w/broken",
      topic: "task-events",
      handle: async () => {
        brokenCalls += 1;
        throw new Error("pusher endpoint timed out");
      },
    });
    const event = makeEvent("u1");
    try {
      // Five and more failures within the first 400 ms: still not given up, the publish reports the failure.
      await expect(slow.publish("task-events", event, "u1")).rejects.toThrow(/w\/broken failed \d+ time\(s\), retried later: pusher endpoint timed out/);
      await expect(slow.publish("task-events", event, "u1")).rejects.toThrow(/retried later/);
      expect(brokenCalls).toBeGreaterThanOrEqual(5);
      expect(await deadLetters()).toHaveLength(0);
      // Past the give-up time the next delivery (the relay's retry) dead-letters it, and the publish succeeds.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await slow.publish("task-events", event, "u1");
      const letters = await deadLetters();
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ consumer: "w/broken", eventId: event.id, attempts: brokenCalls });
      expect(letters[0]?.reason).toContain("retries exhausted: pusher endpoint timed out");
      expect(healthyCalls).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it("delivers only the subscribed types and keeps one user's events in order while another's flow", async () => {
    const order: string[] = [];
    let failedOnce = false;
    transport.subscribe({
      consumer: "w/ordered",
      topic: "task-events",
      types: ["cadence.task.completed.v1"],
      handle: async (event) => {
        if (event.userid === "slow" && !failedOnce) {
          failedOnce = true;
          throw new Error("first attempt fails");
        }
        order.push(`${event.userid}:${(event.data as { n: number }).n}`);
      },
    });
    const completed = (user: string, n: number) => makeEvent(user, "cadence.task.completed.v1", { n });
    await transport.publish("task-events", completed("slow", 1), "slow");
    await transport.publish("task-events", makeEvent("slow", "cadence.task.updated.v1", { n: 99 }), "slow");
    await transport.publish("task-events", completed("slow", 2), "slow");
    await transport.publish("task-events", completed("fast", 1), "fast");
    await transport.idle();
    expect(order.filter((entry) => entry.startsWith("slow"))).toEqual(["slow:1", "slow:2"]);
    expect(order).toContain("fast:1");
  });

  it("runs in-process workers from outbox rows end to end via the relay", async () => {
    const handled: CloudEvent[] = [];
    let started = false;
    const worker: WorkerDefinition = {
      name: "probe",
      subscriptions: [{ name: "completed", topic: "task-events", types: ["cadence.task.completed.v1"], handle: async (event) => void handled.push(event) }],
      start: async () => {
        started = true;
        return async () => {
          started = false;
        };
      },
    };
    const services = { env: parseEnv({}), db: database.handle, log: silentLog };
    const workers = await runEmbedded([worker], services, transport);
    const relay = await startOutboxRelay({ db: database.handle, transport, log: silentLog, sweepIntervalMs: 0 });
    const [done] = await insertEvents(database.handle, "task-events", [makeEvent("u1", "cadence.task.completed.v1"), makeEvent("u1")]);
    await relay.flush();
    await transport.idle();
    expect(started).toBe(true);
    expect(handled.map((e) => e.id)).toEqual([done?.id]);
    await relay.stop();
    await workers.stop();
    expect(started).toBe(false);
  });
});
