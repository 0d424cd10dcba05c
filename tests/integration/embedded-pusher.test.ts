import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import PusherServer from "pusher";
import PusherClient, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createChannelAuthorizer, createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { next, subscribe } from "../support/pusher-channels";

const APP = { appId: "cadence-test", key: "test-key", secret: "test-secret" };
const sign = createChannelAuthorizer({ key: APP.key, secret: APP.secret });
const forge = createChannelAuthorizer({ key: APP.key, secret: "not-the-secret" });

interface Running {
  embedded: EmbeddedPusher;
  server: Server;
  port: number;
  /** Upgrade paths the endpoint declined, as the app server would hand them to Next.js. */
  passedOn: string[];
}

async function start(options: Partial<Parameters<typeof createEmbeddedPusher>[0]> = {}): Promise<Running> {
  const embedded = createEmbeddedPusher({ ...APP, ...options });
  const passedOn: string[] = [];
  const server = createServer((req, res) => {
    void embedded.handleHttp(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end("not found");
    });
  });
  server.on("upgrade", (req, socket, head: Buffer) => {
    if (embedded.handleUpgrade(req, socket, head)) return;
    passedOn.push(req.url ?? "");
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { embedded, server, port: (server.address() as AddressInfo).port, passedOn };
}

async function stop({ embedded, server }: Running) {
  embedded.close();
  await new Promise((resolve) => server.close(resolve));
}

let running: Running;
const clients: PusherClient[] = [];

function connect(authorize = sign): Promise<PusherClient> {
  const client = new PusherClient(APP.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: running.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => callback(null, authorize(socketId, channelName)),
    },
  });
  clients.push(client);
  return new Promise((resolve) => client.connection.bind("connected", () => resolve(client)));
}

/** Records every non-internal event a channel hears, so tests can assert what did *not* arrive. */
function record(channel: Channel): Array<{ event: string; data: unknown }> {
  const heard: Array<{ event: string; data: unknown }> = [];
  channel.bind_global((event: string, data: unknown) => {
    if (!event.startsWith("pusher:")) heard.push({ event, data });
  });
  return heard;
}

function server(secret = APP.secret) {
  return new PusherServer({ appId: APP.appId, key: APP.key, secret, host: "127.0.0.1", port: String(running.port), useTLS: false });
}

beforeAll(async () => {
  running = await start();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await stop(running);
});

describe("embedded Pusher endpoint", () => {
  it("delivers a user's events to all of that user's sockets and to no one else", async () => {
    const [a1, a2, b] = await Promise.all([connect(), connect(), connect()]);
    const [chA1, chA2, chB] = await Promise.all([
      subscribe(a1, "private-user-A"),
      subscribe(a2, "private-user-A"),
      subscribe(b, "private-user-B"),
    ]);
    const heardByB = record(chB);

    const arrivals = Promise.all([next(chA1, "task.updated"), next(chA2, "task.updated")]);
    await server().trigger("private-user-A", "task.updated", { id: 1, title: "Buy milk" });
    expect(await arrivals).toEqual([{ id: 1, title: "Buy milk" }, { id: 1, title: "Buy milk" }]);

    // A later event for B arrives after anything B could have wrongly received before it.
    const marker = next(chB, "marker");
    await server().trigger("private-user-B", "marker", { n: 1 });
    await marker;
    expect(heardByB).toEqual([{ event: "marker", data: { n: 1 } }]);
  });

  it("takes a realtime worker's events in process: the user's sockets hear them, oversized data is refused", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const [chA, chB] = await Promise.all([subscribe(a, "private-user-A"), subscribe(b, "private-user-B")]);
    const heardByB = record(chB);
    const arrival = next(chA, "sync");
    await running.embedded.publishToUser("A", "sync", { kind: "task", ids: ["t1"] });
    expect(await arrival).toEqual({ kind: "task", ids: ["t1"] });
    await expect(running.embedded.publishToUser("A", "sync", "x".repeat(10 * 1024 + 1))).rejects.toThrow(/exceeds Pusher's 10240/);
    const marker = next(chB, "marker");
    await running.embedded.publishToUser("B", "marker", { n: 1 });
    await marker;
    expect(heardByB).toEqual([{ event: "marker", data: { n: 1 } }]);
  });

  it("refuses a private subscription with a forged signature", async () => {
    const intruder = await connect(forge);
    await expect(subscribe(intruder, "private-user-A")).rejects.toThrow(/AuthError.*Invalid signature/);
  });

  it("rejects API calls signed with the wrong secret, delivering nothing", async () => {
    const listener = await connect();
    const channel = await subscribe(listener, "private-user-C");
    const heard = record(channel);

    await expect(server("wrong-secret").trigger("private-user-C", "task.deleted", { id: 2 })).rejects.toMatchObject({
      status: 401,
    });

    const marker = next(channel, "marker");
    await server().trigger("private-user-C", "marker", {});
    await marker;
    expect(heard.map((entry) => entry.event)).toEqual(["marker"]);
  });

  it("skips the socket named in socket_id", async () => {
    const [origin, other] = await Promise.all([connect(), connect()]);
    const [chOrigin, chOther] = await Promise.all([subscribe(origin, "private-user-D"), subscribe(other, "private-user-D")]);
    const heardByOrigin = record(chOrigin);

    const otherHears = next(chOther, "task.created");
    await server().trigger("private-user-D", "task.created", { id: 3 }, { socket_id: origin.connection.socket_id });
    expect(await otherHears).toEqual({ id: 3 });

    const marker = next(chOrigin, "marker");
    await server().trigger("private-user-D", "marker", {});
    await marker;
    expect(heardByOrigin.map((entry) => entry.event)).toEqual(["marker"]);
  });

  it("delivers batch events to their own channels", async () => {
    const [e, f] = await Promise.all([connect(), connect()]);
    const [chE, chF] = await Promise.all([subscribe(e, "private-user-E"), subscribe(f, "private-user-F")]);
    const arrivals = Promise.all([next(chE, "task.created"), next(chF, "task.completed")]);
    await server().triggerBatch([
      { channel: "private-user-E", name: "task.created", data: { id: 4 } },
      { channel: "private-user-F", name: "task.completed", data: { id: 5 } },
    ]);
    expect(await arrivals).toEqual([{ id: 4 }, { id: 5 }]);
  });

  it("forwards client events to the other subscribers only", async () => {
    const [g1, g2] = await Promise.all([connect(), connect()]);
    const [chG1, chG2] = await Promise.all([subscribe(g1, "private-user-G"), subscribe(g2, "private-user-G")]);
    const heardBySender = record(chG1);

    const received = next(chG2, "client-typing");
    chG1.trigger("client-typing", { taskId: 6 });
    expect(await received).toEqual({ taskId: 6 });

    const marker = next(chG1, "marker");
    await server().trigger("private-user-G", "marker", {});
    await marker;
    expect(heardBySender.map((entry) => entry.event)).toEqual(["marker"]);
  });

  it("answers bad bodies with 400 and oversized data with 413, like Pusher", async () => {
    await expect(server().post({ path: "/events", body: "not an event" })).rejects.toMatchObject({
      status: 400,
      body: expect.stringContaining("Invalid request body"),
    });
    await expect(server().trigger("private-user-A", "big", "x".repeat(10 * 1024 + 1))).rejects.toMatchObject({
      status: 413,
    });
  });

  it("lists occupied channels", async () => {
    const h = await connect();
    await subscribe(h, "private-user-H");
    const response = await server().get({ path: "/channels", params: { filter_by_prefix: "private-user-H" } });
    expect(await response.json()).toEqual({ channels: { "private-user-H": {} } });

    // Extra signed query parameters (info) verify too, and report the subscriber count.
    const triggered = await server().trigger("private-user-H", "ping", {}, { info: "subscription_count" });
    expect(await triggered.json()).toEqual({ channels: { "private-user-H": { subscription_count: 1 } } });
  });

  it("passes upgrades for other paths back to the app server", async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${running.port}/_next/webpack-hmr`);
    await new Promise((resolve) => socket.once("error", resolve));
    expect(running.passedOn).toEqual(["/_next/webpack-hmr"]);
  });
});

describe("embedded Pusher endpoint liveness", () => {
  it("pings a silent connection and drops it when no pong comes back", async () => {
    const quick = await start({ activityTimeoutSeconds: 1, pongTimeoutMs: 100 });
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${quick.port}/app/${APP.key}?protocol=7&client=js&version=8.6.0`);
      const events: string[] = [];
      socket.on("message", (raw) => events.push((JSON.parse(raw.toString()) as { event: string }).event));
      await new Promise((resolve) => socket.once("close", resolve));
      expect(events).toEqual(["pusher:connection_established", "pusher:ping"]);
    } finally {
      await stop(quick);
    }
  });
});
