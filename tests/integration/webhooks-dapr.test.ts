import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { webhookDeliveries } from "@/server/db/schema";
import { createWebhookEndpoint } from "@/server/domain/webhooks/endpoints";
import { EVENT_TYPES, TOPICS, type CloudEvent } from "@/server/events/catalog";
import type { WorkerServices } from "@/server/events/worker-types";
import { serveWithDapr, type DaprWorkerServer } from "@workers/host/dapr-server";
import { createWebhooksWorker, webhookJobName } from "@workers/webhooks";
import { startDaprDouble, type DaprDouble } from "../support/dapr-double";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { startReceiver, until, type Receiver } from "./webhooks-helpers";
import { workerServices } from "./worker-helpers";

/**
 * The distributed mode: the `webhooks` worker as its own Dapr app, events arriving through the sidecar's
 * pub/sub (programmatic subscriptions), and each backoff scheduled as a Jobs API job the sidecar calls back.
 */
let db: TestDatabase;
let dapr: DaprDouble;
let server: DaprWorkerServer;
let services: WorkerServices;
let receiver: Receiver;

beforeAll(async () => {
  db = await createTestDatabase();
  services = workerServices(db.handle, { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" });
  dapr = await startDaprDouble();
  const worker = createWebhooksWorker({ dispatch: { retryBaseMs: 100, retryMaxMs: 400 } });
  server = await serveWithDapr(worker, { port: 0, host: "127.0.0.1", services });
  const sidecar = await dapr.addApp({ appId: "cadence-webhooks", appPort: server.port });
  services.env.DAPR_HTTP_PORT = sidecar.port; // the worker's retry jobs go to its own sidecar
  await dapr.discover("cadence-webhooks");
  receiver = await startReceiver();
}, 180_000);

afterAll(async () => {
  await server.close();
  await dapr.close();
  await receiver.close();
  await db.drop();
}, 180_000);

it("events published through the sidecar reach the endpoint once each, in queue order; retries wait on Jobs API jobs", { timeout: 120_000 }, async () => {
  const user = await createTestUser(db.handle);
  const { endpoint, secret } = await createWebhookEndpoint(user, { url: receiver.url, eventTypes: [EVENT_TYPES.taskUpdated] }, { allowPrivateNetworks: true });
  receiver.secrets = [secret];
  receiver.respond = (index) => (index < 3 ? 500 : 200);
  expect(dapr.subscriptions("cadence-webhooks").map((s) => s.topic)).toEqual(expect.arrayContaining([TOPICS.taskEvents, TOPICS.reminders, TOPICS.webhooks]));

  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const event: CloudEvent = { specversion: "1.0", id: randomUUID(), source: "cadence/test", type: EVENT_TYPES.taskUpdated, subject: `t${i}`, userid: user.userId, data: { i } };
    ids.push(event.id);
    const response = await fetch(`${dapr.sidecar("cadence-webhooks").url}/v1.0/publish/pubsub/${TOPICS.taskEvents}`, {
      method: "POST",
      headers: { "content-type": "application/cloudevents+json" },
      body: JSON.stringify(event),
    });
    expect(response.ok).toBe(true);
  }
  await until(() => receiver.processed.length === 5, 30_000, "all five delivered");
  // Each exactly once, in the order the worker queued them (the order the sidecar delivered the events;
  // with Kafka that is the per-user partition order).
  expect(new Set(receiver.processed.map((p) => p.id))).toEqual(new Set(ids));
  const queued = await db.handle.db.select({ messageId: webhookDeliveries.messageId }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).orderBy(asc(webhookDeliveries.id));
  expect(receiver.processed.map((p) => p.id)).toEqual(queued.map((q) => q.messageId));
  expect(dapr.jobTriggers().filter((t) => t.name === webhookJobName(endpoint.id)).length).toBeGreaterThanOrEqual(1);
  // The worker's own Prometheus page counts the attempts by outcome.
  const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  expect(metrics).toMatch(/cadence_webhook_attempts_total\{outcome="retrying"\} [1-9]/);
  expect(metrics).toMatch(/cadence_webhook_attempts_total\{outcome="delivered"\} [1-9]/);
});
