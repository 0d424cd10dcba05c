import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { outbox } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS, type CloudEvent } from "@/server/events/catalog";
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
 * Many events to many endpoints with one endpoint down: the healthy endpoints get everything while the dead one
 * is still down (it holds up nobody), and once it is back it gets everything too, in order, nothing lost.
 * (`npm run bench:webhooks` runs 1,000 events × 10 endpoints and reports p95 delivery latency.)
 */
process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";

const EVENTS = Number(process.env.WEBHOOK_TEST_EVENTS ?? 40);
const ENDPOINTS = 10;
let db: TestDatabase;
let transport: EmbeddedTransport;
let relay: OutboxRelay;
let workers: EmbeddedWorkers;
const receivers: Receiver[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const services = workerServices(db.handle, { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" });
  transport = createEmbeddedTransport({ db: db.handle.db, log: silentLog, initialDelayMs: 10, maxDelayMs: 100 });
  workers = await runEmbedded([createWebhooksWorker({ dispatch: { retryBaseMs: 50, retryMaxMs: 300 }, reconcileIntervalMs: 500 })], services, transport);
  relay = await startOutboxRelay({ db: db.handle, transport, log: silentLog, sweepIntervalMs: 100 });
}, 180_000);

afterAll(async () => {
  await relay.stop();
  await transport.close();
  await workers.stop();
  await Promise.all(receivers.map((r) => r.close()));
  await db.drop();
}, 180_000);

it(`${EVENTS} events to ${ENDPOINTS} endpoints, one down: nothing lost, the others not held up, order kept`, { timeout: 240_000 }, async () => {
  const { caller, userId } = await callerForNewUser(db.handle);
  for (let i = 0; i < ENDPOINTS; i += 1) {
    const r = await startReceiver();
    receivers.push(r);
    const { secret } = await caller.webhook.create({ url: r.url, eventTypes: [EVENT_TYPES.taskUpdated] });
    r.secrets = [secret];
  }
  const down = receivers[0]!;
  let isDown = true;
  down.respond = () => (isDown ? 503 : 200);

  const events: CloudEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
    specversion: "1.0",
    id: randomUUID(),
    source: "cadence/test",
    type: EVENT_TYPES.taskUpdated,
    subject: `task-${i}`,
    userid: userId,
    data: { sequence: i },
  }));
  await db.handle.db.insert(outbox).values(
    events.map((event) => ({ eventId: event.id, topic: TOPICS.taskEvents, partitionKey: userId, event: event as unknown as Record<string, unknown> })),
  );

  const healthy = receivers.slice(1);
  const progress = setInterval(() => process.env.WEBHOOK_TEST_DEBUG && console.log(receivers.map((r) => `${r.processed.length}/${r.requests.length}`).join(" ")), 2000);
  await until(() => healthy.every((r) => r.processed.length === EVENTS), 180_000, "healthy endpoints received everything").finally(() => clearInterval(progress));
  expect(down.processed).toHaveLength(0); // still down while the others finished
  expect(down.requests.length).toBeGreaterThan(0);
  isDown = false;
  await until(() => down.processed.length === EVENTS, 120_000, "the recovered endpoint received everything");

  const expected = events.map((e) => e.id);
  for (const r of receivers) {
    expect(r.processed.map((p) => p.id)).toEqual(expected); // each exactly once, in order
    expect(r.requests.every((req) => req.verified[0])).toBe(true);
  }
});
