import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import PusherClient from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasks } from "@/server/db/schema";
import { listNotifications } from "@/server/domain/notifications";
import { completeTask, createTask } from "@/server/domain/tasks";
import { startOutboxRelay, type OutboxRelay } from "@/server/events/relay";
import { createEmbeddedTransport, type EmbeddedTransport } from "@/server/events/transports/embedded";
import type { WorkerServices } from "@/server/events/worker-types";
import { createChannelAuthorizer, createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { embeddedPusherCredentials, userChannel } from "@/server/realtime/publisher";
import { runEmbedded, type EmbeddedWorkers } from "@workers/host/embedded";
import { notificationsWorker } from "@workers/notifications";
import { createRealtimeWorker } from "@workers/realtime";
import { recurrenceWorker } from "@workers/recurrence";
import { createRemindersWorker } from "@workers/reminders";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { silentLog } from "./relay-helpers";
import { waitFor, workerServices } from "./worker-helpers";

/** The embedded default end to end: outbox relay → in-process transport → the four workers → the app's Pusher endpoint. */
let db: TestDatabase;
let services: WorkerServices;
let transport: EmbeddedTransport;
let relay: OutboxRelay;
let workers: EmbeddedWorkers;
let embedded: EmbeddedPusher;
let server: Server;
let client: PusherClient | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  server = createServer((req, res) => {
    void embedded.handleHttp(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  server.on("upgrade", (req, socket, head: Buffer) => {
    if (!embedded.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  services = workerServices(db.handle, { PORT: String((server.address() as AddressInfo).port) });
  embedded = createEmbeddedPusher(embeddedPusherCredentials(services.env));
  transport = createEmbeddedTransport({ db: db.handle.db, log: silentLog, initialDelayMs: 10, maxDelayMs: 100 });
  workers = await runEmbedded([recurrenceWorker, createRemindersWorker(), notificationsWorker, createRealtimeWorker()], services, transport);
  relay = await startOutboxRelay({ db: db.handle, transport, log: silentLog, sweepIntervalMs: 100 });
});

afterAll(async () => {
  client?.disconnect();
  await relay.stop();
  await workers.stop();
  await transport.close();
  embedded.close();
  await new Promise((resolve) => server.close(resolve));
  await db.drop();
});

async function listen(userId: string): Promise<unknown[]> {
  const { key, secret } = embeddedPusherCredentials(services.env);
  const sign = createChannelAuthorizer({ key, secret });
  client = new PusherClient(key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: services.env.PORT,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: { customHandler: ({ socketId, channelName }, callback) => callback(null, sign(socketId, channelName)) },
  });
  const channel = client.subscribe(userChannel(userId));
  await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
  const heard: unknown[] = [];
  channel.bind("sync", (data: unknown) => heard.push(data));
  return heard;
}

describe("workers in the embedded default", () => {
  it("completing a recurring task brings the next occurrence live; a reminder becomes a live notification", async () => {
    const setAt = new Date();
    const ctx = await createTestUser(db.handle, { now: () => setAt });
    const heard = await listen(ctx.userId);

    const first = await createTask(ctx, { title: "Stand-up notes", dueAt: new Date("2030-06-03T09:00:00Z"), recurrenceRule: "FREQ=DAILY" });
    await completeTask(ctx, first.id);
    const [next] = await waitFor(
      () => db.handle.db.select().from(tasks).where(eq(tasks.previousOccurrenceId, first.id)),
      (rows) => rows.length === 1,
    );
    await waitFor(() => heard, (events) => events.some((e) => (e as { id?: string }).id === next!.id));

    await createTask(ctx, { title: "Leave for the airport", dueAt: new Date(setAt.getTime() + 3_600_000), reminders: [{ at: new Date(setAt.getTime() + 200) }] });
    const { items } = await waitFor(() => listNotifications(ctx), (list) => list.items.length === 1);
    expect(items[0]).toMatchObject({ title: "Leave for the airport", readAt: null });
    await waitFor(() => heard, (events) => events.some((e) => (e as { entity?: string }).entity === "notification"));
    expect(heard).toContainEqual({ entity: "notification", action: "created", id: items[0]!.id });
  });
});
