import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { notifications } from "@/server/db/schema";
import { createTask } from "@/server/domain/tasks";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport, type EmbeddedTransport } from "@/server/events/transports/embedded";
import { runEmbedded, type EmbeddedWorkers } from "@workers/host/embedded";
import { createWebhooksWorker } from "@workers/webhooks";
import { callerForNewUser } from "../support/caller";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { silentLog } from "./relay-helpers";
import { startReceiver, until, type Receiver } from "./webhooks-helpers";
import { workerServices } from "./worker-helpers";

/**
 * An endpoint that keeps failing is disabled after the failing period (3 days in production, shortened here),
 * its owner notified, and its pending messages kept: re-enabling it delivers them, in order.
 */
process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";

let db: TestDatabase;
let transport: EmbeddedTransport;
let relay: OutboxRelay;
let workers: EmbeddedWorkers;
let receiver: Receiver;

beforeAll(async () => {
  db = await createTestDatabase();
  const services = workerServices(db.handle, { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" });
  transport = createEmbeddedTransport({ db: db.handle.db, log: silentLog, initialDelayMs: 10, maxDelayMs: 100 });
  const worker = createWebhooksWorker({ dispatch: { retryBaseMs: 30, retryMaxMs: 100, disableAfterMs: 600 }, reconcileIntervalMs: 200 });
  workers = await runEmbedded([worker], services, transport);
  relay = await startOutboxRelay({ db: db.handle, transport, log: silentLog, sweepIntervalMs: 100 });
  receiver = await startReceiver();
}, 180_000);

afterAll(async () => {
  await relay.stop();
  await transport.close();
  await workers.stop();
  await receiver.close();
  await db.drop();
}, 180_000);

it("failing for the whole period disables the endpoint, notifies the owner, and keeps its messages for a re-enable", { timeout: 120_000 }, async () => {
  const { caller, domain } = await callerForNewUser(db.handle);
  let failing = true;
  receiver.respond = () => (failing ? 500 : 200);
  const { endpoint, secret } = await caller.webhook.create({ url: receiver.url, eventTypes: ["cadence.task.created.v1"] });
  receiver.secrets = [secret];
  await createTask(domain, { title: "First" });
  await createTask(domain, { title: "Second" });

  await until(async () => (await caller.webhook.list())[0]?.enabled === false, 60_000, "endpoint disabled");
  const [disabled] = await caller.webhook.list();
  expect(disabled!.disabledReason).toMatch(/^Failing since/);
  expect(receiver.requests.length).toBeGreaterThanOrEqual(2); // retried, with backoff, until the period ran out
  expect(receiver.processed).toHaveLength(0);
  const inbox = await db.handle.db.select().from(notifications).where(eq(notifications.userId, domain.userId));
  expect(inbox.find((n) => n.kind === "webhook")?.body).toContain(receiver.url);

  failing = false;
  await caller.webhook.update({ id: endpoint.id, enabled: true });
  await until(() => receiver.processed.length === 2, 30_000, "pending messages delivered after re-enable");
  expect(receiver.processed.map((p) => (p.event.data as { task: { title: string } }).task.title)).toEqual(["First", "Second"]);
});
