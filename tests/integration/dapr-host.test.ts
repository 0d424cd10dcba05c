import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import type { CloudEvent } from "@/server/events/catalog";
import { listDeadLetters } from "@/server/events/dead-letters";
import type { WorkerDefinition } from "@/server/events/worker-types";
import { serveWithDapr, type DaprWorkerServer } from "@workers/host/dapr-server";
import { startDaprDouble, type DaprDouble } from "../support/dapr-double";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeEvent, silentLog, waitFor } from "./relay-helpers";

const API_TOKEN = "sidecar-api-token-for-tests";
const APP_TOKEN = "app-api-token-for-tests";
const COMPLETED = "cadence.task.completed.v1";

let database: TestDatabase;
let double: DaprDouble;
let server: DaprWorkerServer;
const handled: CloudEvent[] = [];
/** event id → how many more times the handler should throw for it */
const failuresToGo = new Map<string, number>();
const jobsRun: string[] = [];

const worker: WorkerDefinition = {
  name: "probe",
  subscriptions: [
    {
      name: "completed",
      topic: "task-events",
      types: [COMPLETED],
      async handle(event) {
        const left = failuresToGo.get(event.id) ?? 0;
        if (left > 0) {
          failuresToGo.set(event.id, left - 1);
          throw new Error(`transient failure, ${left - 1} left`);
        }
        handled.push(event);
      },
    },
  ],
  jobs: [
    {
      prefix: "probe-",
      async handle(jobName) {
        if (jobName === "probe-broken") throw new Error("job failed");
        jobsRun.push(jobName);
      },
    },
  ],
};

beforeAll(async () => {
  database = await createTestDatabase();
  const env = parseEnv({ APP_API_TOKEN: APP_TOKEN, DAPR_API_TOKEN: API_TOKEN });
  server = await serveWithDapr(worker, { port: 0, host: "127.0.0.1", giveUpAfterMs: 0, services: { env, db: database.handle, log: silentLog } });
  double = await startDaprDouble({
    apps: [{ appId: "probe", appPort: server.port }],
    apiToken: API_TOKEN,
    appToken: APP_TOKEN,
    resiliency: { maxRetries: 5, initialIntervalMs: 5, maxIntervalMs: 20 },
  });
  await double.discover("probe");
});
afterAll(async () => {
  await double?.close();
  await server?.close();
  await database?.drop();
});

/** Publishes through the app's own sidecar exactly as the Dapr transport does. */
async function publish(event: unknown, partitionKey = "user-1"): Promise<number> {
  const sidecar = double.sidecar("probe");
  const response = await fetch(`${sidecar.url}/v1.0/publish/pubsub/task-events?metadata.partitionKey=${partitionKey}`, {
    method: "POST",
    headers: { "content-type": "application/cloudevents+json", "dapr-api-token": API_TOKEN },
    body: JSON.stringify(event),
  });
  return response.status;
}

const storedDeadLetters = async () => (await listDeadLetters(database.handle.db, { limit: 100 })).items;

describe("worker served for a Dapr sidecar", () => {
  it("declares its subscriptions with one default route, a dead-letter topic and a dead-letter consumer", () => {
    const subscriptions = double.subscriptions("probe");
    expect(subscriptions).toContainEqual({
      pubsubname: "pubsub",
      topic: "task-events",
      routes: { default: "/events/probe/completed" },
      deadLetterTopic: "task-events-dlq",
      metadata: { maxDeliveryAttempts: "5" },
      bulkSubscribe: { enabled: true, maxMessagesCount: 100, maxAwaitDurationMs: 20 },
    });
    expect(subscriptions.find((s) => s.topic === "task-events-dlq")?.routes?.default).toBe("/dead-letters/probe/task-events");
  });

  it("handles a delivered event and acknowledges it", async () => {
    const event = makeEvent("user-1", COMPLETED, { n: 1 });
    expect(await publish(event)).toBe(204);
    await double.idle();
    expect(handled.map((e) => e.id)).toContain(event.id);
    const attempts = double.deliveries().filter((d) => d.eventId === event.id);
    expect(attempts.map((d) => d.outcome)).toEqual(["success"]);
    expect(attempts[0]?.bulkId).toBeDefined(); // came as an entry of a bulk delivery
  });

  it("acknowledges event types it does not handle without running the handler or dead-lettering them", async () => {
    const other = makeEvent("user-1", "cadence.task.updated.v1");
    expect(await publish(other)).toBe(204);
    await double.idle();
    expect(handled.map((e) => e.id)).not.toContain(other.id);
    expect(double.deliveries().filter((d) => d.eventId === other.id).map((d) => d.outcome)).toEqual(["success"]);
    expect(double.deadLetters().map((d) => d.event.id)).not.toContain(other.id);
  });

  it("answers RETRY when the handler throws, and succeeds on a later attempt", async () => {
    const event = makeEvent("user-1", COMPLETED, { n: 2 });
    failuresToGo.set(event.id, 2);
    expect(await publish(event)).toBe(204);
    await double.idle();
    expect(double.deliveries().filter((d) => d.eventId === event.id).map((d) => d.outcome)).toEqual(["retry", "retry", "success"]);
    expect(handled.filter((e) => e.id === event.id)).toHaveLength(1);
    expect(double.deadLetters().map((d) => d.event.id)).not.toContain(event.id);
  });

  it("drops a malformed CloudEvent, which reaches the dead-letter topic and is stored", async () => {
    const malformed = { ...makeEvent("user-1", COMPLETED), specversion: "0.3" };
    expect(await publish(malformed)).toBe(204);
    await double.idle();
    expect(double.deliveries().filter((d) => d.eventId === malformed.id).map((d) => d.outcome)).toContain("drop");
    expect(double.deadLetters("task-events").map((d) => [d.event.id, d.reason])).toContainEqual([malformed.id, "drop"]);
    const letters = await waitFor(storedDeadLetters, (rows) => rows.some((row) => row.eventId === malformed.id));
    const letter = letters.find((row) => row.eventId === malformed.id);
    expect(letter).toMatchObject({ topic: "task-events", consumer: "probe/completed" });
    expect(letter?.reason).toContain("specversion");
    expect(handled.map((e) => e.id)).not.toContain(malformed.id);
  });

  it("gives up on an event whose handler keeps failing after 5 attempts (and the give-up time), and stores it once as a dead letter", async () => {
    const poison = makeEvent("user-2", COMPLETED);
    failuresToGo.set(poison.id, 1_000);
    expect(await publish(poison, "user-2")).toBe(204);
    await double.idle();
    const letters = await waitFor(storedDeadLetters, (rows) => rows.some((row) => row.eventId === poison.id));
    const mine = letters.filter((row) => row.eventId === poison.id);
    expect(mine).toHaveLength(1);
    // The sidecar would retry for ever (a down worker must lose nothing); the worker answers DROP on the 5th failure.
    expect(double.deliveries().filter((d) => d.eventId === poison.id && d.topic === "task-events").map((d) => d.outcome)).toEqual(["retry", "retry", "retry", "retry", "drop"]);
    expect(mine[0]).toMatchObject({ consumer: "probe/completed", attempts: 5 });
    expect(mine[0]?.reason).toContain("transient failure");
  });

  it("runs job callbacks by name prefix: 200 done, 404 unknown, 500 retry", async () => {
    const call = (name: string) =>
      fetch(`http://127.0.0.1:${server.port}/job/${name}`, {
        method: "POST",
        headers: { "content-type": "application/json", "dapr-api-token": APP_TOKEN },
        body: JSON.stringify({ reminderId: "r1" }),
      }).then((response) => response.status);
    expect(await call("probe-1")).toBe(200);
    expect(await call("elsewhere-1")).toBe(404);
    expect(await call("probe-broken")).toBe(500);
    expect(jobsRun).toEqual(["probe-1"]);
  });

  it("rejects calls that do not carry the app token", async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const event = makeEvent("user-1", COMPLETED);
    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/cloudevents+json", ...headers }, body: JSON.stringify(event) });
    expect((await fetch(`${base}/dapr/subscribe`)).status).toBe(401);
    expect((await post("/events/probe/completed")).status).toBe(401);
    expect((await post("/events/probe/completed", { "dapr-api-token": "wrong" })).status).toBe(401);
    expect((await post("/job/probe-2")).status).toBe(401);
    expect(handled.map((e) => e.id)).not.toContain(event.id);
    expect(jobsRun).not.toContain("probe-2");
    expect((await fetch(`${base}/healthz`)).status).toBe(200); // probes carry no token
  });
});
