import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import PusherClient, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask } from "@/server/domain/tasks";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { WorkerServices } from "@/server/events/worker-types";
import { createChannelAuthorizer, createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { embeddedPusherCredentials, pusherOptions, userChannel } from "@/server/realtime/publisher";
import { ALL_WORKERS, inProcessWorkers } from "@/server/workers";
import { createRealtimeWorker } from "@workers/realtime";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { deliver, lastEvent, subscription, workerServices } from "./worker-helpers";

let db: TestDatabase;
let services: WorkerServices;
let embedded: EmbeddedPusher;
let server: Server;
const clients: PusherClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // The app's own endpoint on its port, with the credentials generated into DATA_DIR, as the app starts it.
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
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  embedded.close();
  await new Promise((resolve) => server.close(resolve));
  await db.drop();
});

/** A browser tab of a user: pusher-js subscribed to the user's private channel, signed like the auth route. */
async function listen(userId: string): Promise<Channel> {
  const { key, secret } = embeddedPusherCredentials(services.env);
  const sign = createChannelAuthorizer({ key, secret });
  const client = new PusherClient(key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: services.env.PORT,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: { customHandler: ({ socketId, channelName }, callback) => callback(null, sign(socketId, channelName)) },
  });
  clients.push(client);
  const channel = client.subscribe(userChannel(userId));
  await new Promise<void>((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(JSON.stringify(error))));
  });
  return channel;
}

function heard(channel: Channel): unknown[] {
  const events: unknown[] = [];
  channel.bind("sync", (data: unknown) => events.push(data));
  return events;
}

const nextSync = (channel: Channel) => new Promise<unknown>((resolve) => channel.bind("sync", resolve));

describe("realtime worker", () => {
  it("pushes a task's sync notice to its owner's channel and to no one else", async () => {
    const worker = createRealtimeWorker();
    const notices = subscription(worker, "sync-notices");
    const [owner, stranger] = await Promise.all([createTestUser(db.handle), createTestUser(db.handle)]);
    const [ownerChannel, strangerChannel] = await Promise.all([listen(owner.userId), listen(stranger.userId)]);
    const strangerHeard = heard(strangerChannel);

    const task = await createTask(owner, { title: "Book flights" });
    const arrival = nextSync(ownerChannel);
    await deliver(notices, await lastEvent(db.handle, EVENT_TYPES.syncNotice, task.id), services);
    expect(await arrival).toEqual({ entity: "task", action: "created", id: task.id, version: 1 });

    // The stranger's own notice arrives after anything misrouted would have.
    const mine = await createTask(stranger, { title: "Stranger's task" });
    const strangerArrival = nextSync(strangerChannel);
    await deliver(notices, await lastEvent(db.handle, EVENT_TYPES.syncNotice, mine.id), services);
    await strangerArrival;
    expect(strangerHeard).toEqual([{ entity: "task", action: "created", id: mine.id, version: 1 }]);
  });

  it("in the app process, pushes into the built-in endpoint directly: no HTTP to its own port, which may be slow", async () => {
    const worker = inProcessWorkers(embedded).find((candidate) => candidate.name === "realtime");
    if (!worker) throw new Error("no realtime worker");
    expect(inProcessWorkers(undefined)).toBe(ALL_WORKERS);
    const owner = await createTestUser(db.handle);
    const ownerChannel = await listen(owner.userId);
    const task = await createTask(owner, { title: "Straight in" });
    const arrival = nextSync(ownerChannel);
    // The configured port answers nothing: the notice can only have come the in-process way.
    const noHttp = { ...services, env: { ...services.env, PORT: 1 } };
    await deliver(subscription(worker, "sync-notices"), await lastEvent(db.handle, EVENT_TYPES.syncNotice, task.id), noHttp);
    expect(await arrival).toEqual({ entity: "task", action: "created", id: task.id, version: 1 });
  });

  it("fails the delivery (so the transport retries) when the Pusher endpoint is unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = { ...services, env: { ...services.env, PORT: deadPort } };
    const owner = await createTestUser(db.handle);
    const task = await createTask(owner, { title: "Unheard" });

    const worker = createRealtimeWorker();
    await expect(deliver(subscription(worker, "sync-notices"), await lastEvent(db.handle, EVENT_TYPES.syncNotice, task.id), offline)).rejects.toThrow();
  });

  it("drops a notice that names no user instead of retrying it forever", async () => {
    const owner = await createTestUser(db.handle);
    const task = await createTask(owner, { title: "Orphan notice" });
    const event = await lastEvent(db.handle, EVENT_TYPES.syncNotice, task.id);
    delete event.userid;
    expect(await deliver(subscription(createRealtimeWorker(), "sync-notices"), event, services)).toBe("drop");
  });
});

describe("publisher configuration", () => {
  it("keeps the generated endpoint credentials in DATA_DIR so every process agrees", () => {
    const credentials = embeddedPusherCredentials(services.env);
    const stored: unknown = JSON.parse(readFileSync(path.join(services.env.DATA_DIR, "pusher.json"), "utf8"));
    expect(stored).toEqual(credentials);
    expect(pusherOptions(services.env)).toMatchObject({ ...credentials, host: "127.0.0.1", port: String(services.env.PORT), useTLS: false });
  });

  it("uses an external Pusher or Soketi endpoint when configured", () => {
    const external = {
      ...services.env,
      PUSHER_APP_ID: "123",
      PUSHER_KEY: "key",
      PUSHER_SECRET: "secret",
      PUSHER_HOST: "soketi.internal",
      PUSHER_PORT: 6001,
      PUSHER_USE_TLS: "false" as const,
    };
    expect(pusherOptions(external)).toEqual({ appId: "123", key: "key", secret: "secret", host: "soketi.internal", port: "6001", useTLS: false });
    expect(pusherOptions({ ...external, PUSHER_HOST: undefined, PUSHER_PORT: undefined, PUSHER_USE_TLS: undefined, PUSHER_CLUSTER: "eu" })).toEqual({
      appId: "123",
      key: "key",
      secret: "secret",
      cluster: "eu",
      useTLS: true,
    });
  });
});
