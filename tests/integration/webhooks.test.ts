import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, webhookEndpoints } from "@/server/db/schema";
import { createTask } from "@/server/domain/tasks";
import { WEBHOOK_TEST_EVENT_TYPE } from "@/server/domain/webhooks/event-types";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport, type EmbeddedTransport } from "@/server/events/transports/embedded";
import type { WorkerServices } from "@/server/events/worker-types";
import { runEmbedded, type EmbeddedWorkers } from "@workers/host/embedded";
import { createWebhooksWorker } from "@workers/webhooks";
import { callerForNewUser } from "../support/caller";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { silentLog } from "./relay-helpers";
import { startReceiver, until, type Receiver } from "./webhooks-helpers";
import { workerServices } from "./worker-helpers";

/**
 * Outgoing webhooks end to end in the embedded mode: tasks changed through tRPC → outbox → relay → the
 * `webhooks` worker → a receiver on loopback that verifies every message with the `standardwebhooks` package.
 */
// The receivers listen on loopback: allowed for development only, read by the tRPC procedures' domain calls.
process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";

let db: TestDatabase;
let services: WorkerServices;
let transport: EmbeddedTransport;
let relay: OutboxRelay;
let workers: EmbeddedWorkers;
const receivers: Receiver[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  services = workerServices(db.handle, { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" });
  transport = createEmbeddedTransport({ db: db.handle.db, log: silentLog, initialDelayMs: 10, maxDelayMs: 100 });
  // Short backoff and windows so hours of retry policy play out in milliseconds.
  const worker = createWebhooksWorker({ dispatch: { retryBaseMs: 20, retryMaxMs: 200, disableAfterMs: 60_000 }, reconcileIntervalMs: 200 });
  workers = await runEmbedded([worker], services, transport);
  relay = await startOutboxRelay({ db: db.handle, transport, log: silentLog, sweepIntervalMs: 100 });
}, 180_000);

afterAll(async () => {
  await relay.stop();
  await transport.close();
  await workers.stop();
  await Promise.all(receivers.map((r) => r.close()));
  await db.drop();
}, 180_000);

async function receiver() {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

describe("outgoing webhooks", { timeout: 120_000 }, () => {
  it("a receiver failing the first 5 attempts gets every event exactly once, in order, signed per Standard Webhooks", async () => {
    const { caller, domain } = await callerForNewUser(db.handle);
    const r = await receiver();
    r.respond = (index) => (index < 5 ? 503 : 200);
    const { endpoint, secret } = await caller.webhook.create({ url: r.url, eventTypes: ["cadence.task.created.v1", "cadence.task.completed.v1"] });
    expect(secret).toMatch(/^whsec_/);
    r.secrets = [secret];

    const titles = Array.from({ length: 12 }, (_, i) => `Webhook task ${i + 1}`);
    const created = [];
    for (const title of titles) created.push(await createTask(domain, { title }));
    await caller.task.complete({ id: created[0]!.id });

    await until(() => r.processed.length === 13, 20_000);
    expect(r.requests.slice(0, 5).every((req) => req.verified[0])).toBe(true);
    expect(r.requests.length).toBeGreaterThanOrEqual(18); // 5 refused + 13 accepted
    // In order: the 12 creations in creation order, then the completion.
    expect(r.processed.map((p) => p.event.type)).toEqual([...titles.map(() => "cadence.task.created.v1"), "cadence.task.completed.v1"]);
    expect(r.processed.slice(0, 12).map((p) => (p.event.data as { task: { title: string } }).task.title)).toEqual(titles);
    // Payload = the CloudEvent; webhook-id = its id.
    for (const p of r.processed) expect(p.id).toBe(p.event.id);
    expect(new Set(r.processed.map((p) => p.id)).size).toBe(13);

    // The receiver answers before the sender records the answer: wait for the log to catch up.
    let log = await caller.webhook.deliveries({ endpointId: endpoint.id });
    await until(async () => (log = await caller.webhook.deliveries({ endpointId: endpoint.id })).items.every((d) => d.status === "delivered"), 10_000, "log shows all delivered");
    const first = log.items[log.items.length - 1]!;
    expect(first).toMatchObject({ status: "delivered", attempts: 6, responseStatus: 200, responseSnippet: "ok" });
    expect(first.latencyMs).toBeGreaterThanOrEqual(0);
    expect(log.items).toHaveLength(13);
    const [row] = await db.handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ enabled: true, failingSince: null, retryAt: null });
  });

  it("after a secret rotation each message carries both signatures until the overlap ends", async () => {
    const { caller } = await callerForNewUser(db.handle);
    const r = await receiver();
    const { endpoint, secret: oldSecret } = await caller.webhook.create({ url: r.url, eventTypes: ["cadence.task.created.v1"] });
    const { secret: newSecret } = await caller.webhook.rotateSecret({ id: endpoint.id });
    expect(newSecret).not.toBe(oldSecret);
    r.secrets = [oldSecret, newSecret];
    await caller.webhook.sendTest({ id: endpoint.id });
    await until(() => r.processed.length === 1, 10_000);
    expect(r.requests[0]!.verified).toEqual([true, true]);
    expect(String(r.requests[0]!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(r.processed[0]!.event.type).toBe(WEBHOOK_TEST_EVENT_TYPE);
    const listed = await caller.webhook.list();
    expect(JSON.stringify(listed)).not.toContain(newSecret.slice(6)); // never shown again
  });

  it("resend sends the same message again with the same webhook-id", async () => {
    const { caller } = await callerForNewUser(db.handle);
    const r = await receiver();
    const { endpoint, secret } = await caller.webhook.create({ url: r.url, eventTypes: ["cadence.task.created.v1"] });
    r.secrets = [secret];
    await caller.webhook.sendTest({ id: endpoint.id });
    await until(() => r.requests.length === 1, 10_000);
    const [delivery] = (await caller.webhook.deliveries({ endpointId: endpoint.id })).items;
    await caller.webhook.resend({ deliveryId: delivery!.id });
    await until(() => r.requests.length === 2, 10_000);
    expect(r.requests[1]!.id).toBe(r.requests[0]!.id);
    expect(r.processed).toHaveLength(1); // the receiver's idempotency sees one message
    await until(async () => (await caller.webhook.deliveries({ endpointId: endpoint.id })).items.every((d) => d.status === "delivered"), 5_000);
  });

  it("410 Gone disables the endpoint and tells its owner", async () => {
    const { caller, domain } = await callerForNewUser(db.handle);
    const r = await receiver();
    r.respond = () => 410;
    const { endpoint, secret } = await caller.webhook.create({ url: r.url, eventTypes: ["cadence.task.created.v1"] });
    r.secrets = [secret];
    await createTask(domain, { title: "Goes nowhere" });
    await until(async () => (await caller.webhook.list())[0]?.enabled === false, 10_000);
    const [listed] = await caller.webhook.list();
    expect(listed!.disabledReason).toContain("410");
    expect(r.requests).toHaveLength(1); // not retried
    const inbox = await db.handle.db.select().from(notifications).where(eq(notifications.userId, domain.userId));
    expect(inbox.map((n) => n.title)).toContain("Webhook endpoint disabled");
    expect((await caller.webhook.deliveries({ endpointId: endpoint.id })).items[0]).toMatchObject({ status: "failed", responseStatus: 410 });
  });

  it("another user's endpoint and deliveries are not found", async () => {
    const owner = await callerForNewUser(db.handle);
    const other = await callerForNewUser(db.handle);
    const r = await receiver();
    const { endpoint } = await owner.caller.webhook.create({ url: r.url, eventTypes: ["cadence.task.created.v1"] });
    await expect(other.caller.webhook.deliveries({ endpointId: endpoint.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.webhook.update({ id: endpoint.id, enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.webhook.delete({ id: endpoint.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.webhook.sendTest({ id: endpoint.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await other.caller.webhook.list()).toEqual([]);
  });

  it("refuses bad input with the field and the reason", async () => {
    const { caller } = await callerForNewUser(db.handle);
    await expect(caller.webhook.create({ url: "ftp://example.com", eventTypes: ["cadence.task.created.v1"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("https://"),
    });
    await expect(caller.webhook.create({ url: "https://example.com/h", eventTypes: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.webhook.create({ url: "https://example.com/h", eventTypes: ["cadence.sync.v1" as "cadence.task.created.v1"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
