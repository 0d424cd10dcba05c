import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { drainWebhookEndpoint, enqueueWebhookEvent } from "@/server/domain/webhooks/dispatch";
import { createWebhookEndpoint } from "@/server/domain/webhooks/endpoints";
import { EVENT_TYPES, type CloudEvent } from "@/server/events/catalog";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { startReceiver, type Receiver } from "./webhooks-helpers";

/** Two senders (e.g. two worker replicas) woken for the same endpoint: one sends, in order, each message once. */
let db: TestDatabase;
let receiver: Receiver;

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await startReceiver();
}, 180_000);

afterAll(async () => {
  await receiver.close();
  await db.drop();
}, 180_000);

it("concurrent senders for one endpoint never send a message twice or out of order", { timeout: 120_000 }, async () => {
  const user = await createTestUser(db.handle);
  const { endpoint, secret } = await createWebhookEndpoint(user, { url: receiver.url, eventTypes: [EVENT_TYPES.taskUpdated] }, { allowPrivateNetworks: true });
  receiver.secrets = [secret];
  const ids: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    const event: CloudEvent = { specversion: "1.0", id: randomUUID(), source: "cadence/test", type: EVENT_TYPES.taskUpdated, subject: `t${i}`, userid: user.userId, data: { i } };
    ids.push(event.id);
    expect(await enqueueWebhookEvent(db.handle.db, event)).toEqual([endpoint.id]);
    expect(await enqueueWebhookEvent(db.handle.db, event)).toEqual([]); // a redelivered event queues nothing
  }
  const options = { allowPrivateNetworks: true };
  const results = await Promise.all([drainWebhookEndpoint(db.handle.db, endpoint.id, options), drainWebhookEndpoint(db.handle.db, endpoint.id, options)]);
  expect(results.map((r) => r.status).sort()).toEqual(["busy", "idle"]);
  expect(receiver.requests.map((r) => r.id)).toEqual(ids);
});
