// Several app processes on one database: a WebSocket lands on one process's built-in Pusher endpoint, the notice
// for it is published in another (the background process's realtime worker, the Pusher HTTP API on whichever
// process took the request, a client event from a tab on another process). Two endpoints, each with its own
// bus (and, on PostgreSQL, its own connections), stand for two processes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import PusherServer from "pusher";
import PusherClient, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { createBusPublisher, createChannelAuthorizer, createEmbeddedPusher, type EmbeddedPusher } from "@/server/realtime/embedded";
import { createPostgresChannelBus } from "@/server/realtime/embedded/channel-bus";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { next, subscribe } from "../support/pusher-channels";

const APP = { appId: "cadence-bus-test", key: "bus-key", secret: "bus-secret" };
const sign = createChannelAuthorizer({ key: APP.key, secret: APP.secret });

interface Endpoint {
  pusher: EmbeddedPusher;
  server: Server;
  port: number;
}

let database: TestDatabase;
let secondHandle: DatabaseHandle | undefined;
let a: Endpoint;
let b: Endpoint;
const clients: PusherClient[] = [];

async function endpoint(handle: DatabaseHandle): Promise<Endpoint> {
  const pusher = createEmbeddedPusher({ ...APP, bus: createPostgresChannelBus(handle) });
  await pusher.ready;
  const server = createServer((req, res) => void pusher.handleHttp(req, res).then((handled) => handled || res.writeHead(404).end()));
  server.on("upgrade", (req, socket, head: Buffer) => pusher.handleUpgrade(req, socket, head) || socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { pusher, server, port: (server.address() as AddressInfo).port };
}

function connect(to: Endpoint): Promise<PusherClient> {
  const client = new PusherClient(APP.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: to.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: { customHandler: ({ socketId, channelName }, callback) => callback(null, sign(socketId, channelName)) },
  });
  clients.push(client);
  return new Promise((resolve) => client.connection.bind("connected", () => resolve(client)));
}

beforeAll(async () => {
  database = await createTestDatabase();
  // PostgreSQL: the second "process" has connections of its own; PGlite (one owner) shares its one handle.
  secondHandle = database.url ? await openDatabase({ driver: "postgres", url: database.url }) : undefined;
  [a, b] = await Promise.all([endpoint(database.handle), endpoint(secondHandle ?? database.handle)]);
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const { pusher, server } of [a, b]) {
    pusher.close();
    await new Promise((resolve) => server.close(resolve));
  }
  await secondHandle?.close();
  await database.drop();
});

describe("built-in Pusher endpoints of several processes on one database", () => {
  it("a notice published by a process without sockets reaches the user's tabs on every endpoint, and no one else", async () => {
    const [tabOnA, tabOnB, otherUser] = await Promise.all([connect(a), connect(b), connect(a)]);
    const [chA, chB, chOther] = await Promise.all([
      subscribe(tabOnA, "private-user-u1"),
      subscribe(tabOnB, "private-user-u1"),
      subscribe(otherUser, "private-user-u2"),
    ]);
    const heardByOther: string[] = [];
    chOther.bind_global((event: string) => void (event.startsWith("pusher:") || heardByOther.push(event)));

    const background = createBusPublisher(createPostgresChannelBus(secondHandle ?? database.handle));
    const arrivals = Promise.all([next(chA, "sync"), next(chB, "sync")]);
    await background.publishToUser("u1", "sync", { ids: ["t1"] });
    expect(await arrivals).toEqual([{ ids: ["t1"] }, { ids: ["t1"] }]);

    const marker = next(chOther, "marker");
    await background.publishToUser("u2", "marker", { n: 1 });
    await marker;
    expect(heardByOther).toEqual(["marker"]);
  });

  it("the Pusher HTTP API on one process reaches a socket on another", async () => {
    const tab = await connect(a);
    const channel = await subscribe(tab, "private-user-u3");
    const arrival = next(channel, "task.updated");
    const api = new PusherServer({ ...APP, host: "127.0.0.1", port: String(b.port), useTLS: false });
    await api.trigger("private-user-u3", "task.updated", { title: "Buy milk" });
    expect(await arrival).toEqual({ title: "Buy milk" });
  });

  it("a client event from a tab on one process reaches tabs on the other, never its sender", async () => {
    const [sender, receiver] = await Promise.all([connect(a), connect(b)]);
    const [fromChannel, toChannel] = await Promise.all([subscribe(sender, "private-user-u4"), subscribe(receiver, "private-user-u4")]);
    const echoed: unknown[] = [];
    fromChannel.bind("client-typing", (data: unknown) => echoed.push(data));
    const arrival = next(toChannel, "client-typing");
    fromChannel.trigger("client-typing", { field: "title" });
    expect(await arrival).toEqual({ field: "title" });

    // A later notice through the same bus arrives after any echo would have.
    const marker = next(fromChannel, "marker");
    await createBusPublisher(createPostgresChannelBus(database.handle)).publishToUser("u4", "marker", {});
    await marker;
    expect(echoed).toEqual([]);
  });

  it("a notice near Pusher's 10 kB limit, larger than one NOTIFY carries, arrives whole", async () => {
    const tab = await connect(b);
    const channel = await subscribe(tab, "private-user-u5");
    const note = { text: "é€𝄞 ".repeat(900) }; // multi-byte characters: ~9 kB of JSON
    expect(Buffer.byteLength(JSON.stringify(note))).toBeGreaterThan(8_000);
    const arrival = next(channel, "big");
    await createBusPublisher(createPostgresChannelBus(database.handle)).publishToUser("u5", "big", note);
    expect(await arrival).toEqual(note);
  });
});
