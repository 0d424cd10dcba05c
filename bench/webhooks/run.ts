// Webhook benchmark: N events to M endpoints of one user, one endpoint down for a while. Reports p95 delivery
// latency (event time → receiver) of the healthy endpoints, and checks nothing was lost or reordered anywhere.
//   npm run bench:webhooks [-- --driver pglite|postgres --events 1000 --endpoints 10 --rate 50 --down-seconds 300
//     --retry-base-ms 5000 --retry-max-ms 60000]
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { outbox, webhookDeliveries } from "@/server/db/schema";
import { createWebhookEndpoint } from "@/server/domain/webhooks/endpoints";
import { parseEnv } from "@/server/env";
import { EVENT_TYPES, TOPICS, type CloudEvent } from "@/server/events/catalog";
import { startOutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport } from "@/server/events/transports/embedded";
import { runEmbedded } from "@workers/host/embedded";
import { createWebhooksWorker } from "@workers/webhooks";
import { adminDatabaseUrl } from "../lib/postgres-admin";
import { summarize } from "../lib/percentiles";
import { writeResult } from "../lib/results";
import { createUsers, freshDatabase, type Driver } from "../events/database";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const { values: args } = parseArgs({
  options: {
    driver: { type: "string", default: "pglite" },
    events: { type: "string", default: "1000" },
    endpoints: { type: "string", default: "10" },
    rate: { type: "string", default: "50" },
    "down-seconds": { type: "string", default: "300" },
    "retry-base-ms": { type: "string", default: "5000" },
    "retry-max-ms": { type: "string", default: "60000" },
  },
});
const num = (name: keyof typeof args) => {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number >= 0`);
  return value;
};
const driver = args.driver as Driver;
if (driver !== "pglite" && driver !== "postgres") throw new Error("--driver must be pglite or postgres");
const EVENTS = num("events");
const ENDPOINTS = num("endpoints");
const say = (message: string) => process.stderr.write(`[bench:webhooks] ${message}\n`);
const log = pino({ level: process.env.BENCH_LOG_LEVEL ?? "warn" }, pino.destination(2));

interface Receiver {
  url: string;
  down: boolean;
  firstArrival: Map<string, number>;
  order: string[];
  requests: number;
  server: Server;
}

async function receiver(): Promise<Receiver> {
  const r: Receiver = { url: "", down: false, firstArrival: new Map(), order: [], requests: 0, server: createServer() };
  r.server.on("request", (req, res) => {
    req.resume();
    req.on("end", () => {
      r.requests += 1;
      if (r.down) return void res.writeHead(503).end();
      const id = String(req.headers["webhook-id"]);
      if (!r.firstArrival.has(id)) {
        r.firstArrival.set(id, Date.now());
        r.order.push(id);
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => r.server.listen(0, "127.0.0.1", resolve));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hook`;
  return r;
}

const db = await freshDatabase(driver, driver === "postgres" ? adminDatabaseUrl(ROOT) : undefined);
const [user] = await createUsers(db.handle, 1);
const env = parseEnv({ DATA_DIR: os.tmpdir(), WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" });
const transport = createEmbeddedTransport({ db: db.handle.db, log });
const worker = createWebhooksWorker({ dispatch: { retryBaseMs: num("retry-base-ms"), retryMaxMs: num("retry-max-ms") } });
const workers = await runEmbedded([worker], { env, db: db.handle, log }, transport);
const relay = await startOutboxRelay({ db: db.handle, transport, log });

const receivers: Receiver[] = [];
const endpointIds: string[] = [];
for (let i = 0; i < ENDPOINTS; i += 1) {
  const r = await receiver();
  receivers.push(r);
  endpointIds.push((await createWebhookEndpoint(user!, { url: r.url, eventTypes: [EVENT_TYPES.taskUpdated] }, { allowPrivateNetworks: true })).endpoint.id);
}
const downEndpointId = endpointIds[0];
const downReceiver = receivers[0]!;
downReceiver.down = true;
const downMs = num("down-seconds") * 1000;
const started = Date.now();
setTimeout(() => {
  downReceiver.down = false;
  say(`endpoint 1 back up after ${downMs / 1000} s`);
}, downMs).unref();

say(`${driver}: ${EVENTS} events at ${num("rate")}/s to ${ENDPOINTS} endpoints, endpoint 1 down for ${downMs / 1000} s`);
const sentAt = new Map<string, number>();
const ids: string[] = [];
const intervalMs = 1000 / num("rate");
for (let i = 0; i < EVENTS; i += 1) {
  const event: CloudEvent = { specversion: "1.0", id: randomUUID(), source: "cadence/bench", type: EVENT_TYPES.taskUpdated, subject: `task-${i}`, time: new Date().toISOString(), userid: user!.userId, data: { sequence: i } };
  ids.push(event.id);
  sentAt.set(event.id, Date.now());
  await db.handle.db.insert(outbox).values({ eventId: event.id, topic: TOPICS.taskEvents, partitionKey: user!.userId, event: event as unknown as Record<string, unknown> });
  const next = started + (i + 1) * intervalMs;
  if (next > Date.now()) await new Promise((resolve) => setTimeout(resolve, next - Date.now()));
}
const healthy = receivers.slice(1);
const deadline = Date.now() + downMs + 30 * 60_000;
while (receivers.some((r) => r.firstArrival.size < EVENTS) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
const healthyDoneAt = Math.max(...healthy.flatMap((r) => [...r.firstArrival.values()]));
const latencies = healthy.flatMap((r) => ids.map((id) => (r.firstArrival.get(id) ?? Number.NaN) - sentAt.get(id)!)).filter(Number.isFinite);
// Where the time went: event written → delivery row queued (relay + enqueue), queued → recorded as delivered.
const stages = await db.handle.db
  .select({ createdAt: webhookDeliveries.createdAt, deliveredAt: webhookDeliveries.deliveredAt, messageId: webhookDeliveries.messageId, endpointId: webhookDeliveries.endpointId })
  .from(webhookDeliveries);
const healthyStages = stages.filter((row) => row.endpointId !== downEndpointId && row.deliveredAt);
const result = {
  benchmark: "webhooks",
  at: new Date().toISOString(),
  driver,
  config: { events: EVENTS, endpoints: ENDPOINTS, ratePerSecond: num("rate"), downSeconds: downMs / 1000, retryBaseMs: num("retry-base-ms"), retryMaxMs: num("retry-max-ms") },
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) },
  healthyDeliveryMs: summarize(latencies),
  healthyStagesMs: {
    queued: summarize(healthyStages.map((row) => row.createdAt.getTime() - sentAt.get(row.messageId)!)),
    recordedAfterQueued: summarize(healthyStages.map((row) => row.deliveredAt!.getTime() - row.createdAt.getTime())),
  },
  healthyAllDeliveredAfterMs: healthyDoneAt - started,
  lost: receivers.map((r) => EVENTS - r.firstArrival.size),
  inOrder: receivers.map((r) => r.order.join() === ids.join()),
  downEndpoint: { requests: downReceiver.requests, allDeliveredAfterMs: Math.max(...downReceiver.firstArrival.values()) - started },
  target: { healthyP95Ms: 1000, met: summarize(latencies).p95 <= 1000 },
};
const { latest } = writeResult("webhooks", result);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
say(`written ${latest}`);
await relay.stop();
await transport.close();
await workers.stop();
for (const r of receivers) r.server.close();
await db.drop();
process.exit(0);
