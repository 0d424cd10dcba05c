import { isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@/server/db/schema";
import { parseEnv } from "@/server/env";
import type { CloudEvent } from "@/server/events/catalog";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { createDaprTransport } from "@/server/events/transports/dapr";
import type { WorkerDefinition } from "@/server/events/worker-types";
import { serveWithDapr, type DaprWorkerServer } from "@workers/host/dapr-server";
import { startDaprDouble, type DaprDouble } from "../support/dapr-double";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { idsByKey, insertEvents, makeEvent, silentLog, waitFor } from "./relay-helpers";

const API_TOKEN = "sidecar-token-relay-tests";
let database: TestDatabase;
let double: DaprDouble;
let server: DaprWorkerServer;
let relay: OutboxRelay;
const received: CloudEvent[] = [];

const worker: WorkerDefinition = {
  name: "sink",
  subscriptions: [{ name: "all", topic: "task-events", handle: async (event) => void received.push(event) }],
};

beforeAll(async () => {
  database = await createTestDatabase();
  const env = parseEnv({ DAPR_API_TOKEN: API_TOKEN });
  server = await serveWithDapr(worker, { port: 0, host: "127.0.0.1", services: { env, db: database.handle, log: silentLog } });
  double = await startDaprDouble({ apps: [{ appId: "sink", appPort: server.port }], apiToken: API_TOKEN });
  const transport = createDaprTransport({ httpPort: double.sidecar("sink").port, apiToken: API_TOKEN });
  relay = await startOutboxRelay({ db: database.handle, transport, log: silentLog, retryInitialMs: 20, retryMaxMs: 100, sweepIntervalMs: 0 });
});
afterAll(async () => {
  await relay?.stop();
  await double?.close();
  await server?.close();
  await database?.drop();
});

const unpublished = () => database.handle.db.select().from(outbox).where(isNull(outbox.publishedAt));
const written: CloudEvent[] = [];
const byKey = (events: CloudEvent[]) => idsByKey(events.map((event) => ({ event, partitionKey: event.userid ?? "" })));

describe("outbox relay over the Dapr sidecar", () => {
  it("publishes outbox rows as CloudEvents with the user as partition key, keeping ids and order", async () => {
    written.push(...(await insertEvents(database.handle, "task-events", ["a", "b", "a", "c", "a", "b"].map((u) => makeEvent(u)))));
    await relay.flush();
    const published = double.published("task-events");
    expect(published.map((m) => m.event.id).sort()).toEqual(written.map((e) => e.id).sort());
    expect(published.every((m) => m.partitionKey === m.event.userid)).toBe(true);
    expect(idsByKey(published.map((m) => ({ event: m.event as unknown as CloudEvent, partitionKey: m.partitionKey ?? "" })))).toEqual(byKey(written));
    await double.idle();
    expect(received.map((e) => e.id).sort()).toEqual(written.map((e) => e.id).sort());
  });

  it("keeps events while the broker is down and delivers them once, in order, when it is back", async () => {
    double.setBrokerDown(true);
    const outage = await insertEvents(database.handle, "task-events", ["a", "b", "a", "a", "b"].map((u) => makeEvent(u)));
    written.push(...outage);
    await relay.flush();
    const waiting = await unpublished();
    expect(waiting).toHaveLength(5);
    expect(waiting.some((row) => row.attempts > 0 && (row.lastError ?? "").includes("broker unavailable"))).toBe(true);

    double.setBrokerDown(false);
    await waitFor(async () => (await unpublished()).length, (n) => n === 0);
    const published = double.published("task-events");
    const ids = published.map((m) => m.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(written.map((e) => e.id).sort());
    expect(idsByKey(published.map((m) => ({ event: m.event as unknown as CloudEvent, partitionKey: m.partitionKey ?? "" })))).toEqual(byKey(written));
  });

  it("single publish throws with the sidecar's status and body when the event is not accepted", async () => {
    const transport = createDaprTransport({ httpPort: double.sidecar("sink").port, apiToken: "wrong-token", bulk: false });
    await expect(transport.publish("task-events", makeEvent("a"), "a")).rejects.toThrow(/401/);
    const unknownPubsub = createDaprTransport({ httpPort: double.sidecar("sink").port, apiToken: API_TOKEN, pubsubName: "nope" });
    await expect(unknownPubsub.publish("task-events", makeEvent("a"), "a")).rejects.toThrow(/404.*ERR_PUBSUB_NOT_FOUND/);
  });
});
