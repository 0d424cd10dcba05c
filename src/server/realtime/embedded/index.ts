import { randomInt } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { serveConnection } from "./connection";
import type { RealtimePublisher } from "../publisher";
import { userChannel } from "../publisher";
import type { BusNote, ChannelBus } from "./channel-bus";
import { createHttpApi, MAX_EVENT_DATA_BYTES } from "./http-api";
import { ChannelHub } from "./hub";

export { createChannelAuthorizer, isValidChannelName, isValidSocketId, type ChannelAuthorizer } from "./signing";

export interface EmbeddedPusherOptions {
  appId: string;
  key: string;
  secret: string;
  /** Seconds of client silence before the server pings; Pusher uses 120. */
  activityTimeoutSeconds?: number;
  /** How long a pinged client may take to answer before it is dropped; Pusher uses 30 s. */
  pongTimeoutMs?: number;
  /**
   * Several app processes on one database: every publish goes through the bus and each process delivers it to
   * its own sockets. Unset: one process, publishes go straight to the local channels.
   */
  bus?: ChannelBus;
}

export interface EmbeddedPusher extends RealtimePublisher {
  /** Takes WebSocket upgrades on `/app/{key}`; false means "not mine" so the caller can pass it on (e.g. Next.js HMR). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Serves Pusher's HTTP API under `/apps/{appId}/…`; false means "not mine". */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Open WebSocket connections (the live-connections gauge). */
  connections(): number;
  /** Resolves once this endpoint hears the bus (at once without one); publishes before that miss its sockets. */
  ready: Promise<void>;
  /** Drops every connection and stops accepting new ones. */
  close(): void;
}

/** Pusher protocol versions whose wire format this endpoint speaks (pusher-js 8 uses 7). */
const SUPPORTED_PROTOCOLS = new Set(["5", "6", "7"]);
/** Largest WebSocket frame accepted from a client; client events are capped at 10 kB anyway. */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * A Pusher-protocol server inside the app process, so pusher-js and the `pusher`
 * server library work unchanged in the embedded default with no external service.
 */
export function createEmbeddedPusher(opts: EmbeddedPusherOptions): EmbeddedPusher {
  const hub = new ChannelHub();
  const deliver = (note: BusNote) => void hub.publish(note.channel, note.message, note.excludeSocketId);
  const { bus } = opts;
  const broadcast = bus ? (note: BusNote) => bus.send(note) : async (note: BusNote) => deliver(note);
  const stopListening = bus ? bus.listen(deliver) : Promise.resolve(async () => {});
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const handleHttp = createHttpApi({ appId: opts.appId, key: opts.key, secret: opts.secret, hub, broadcast });
  const socketIds = new Set<string>();
  const settings = {
    key: opts.key,
    secret: opts.secret,
    hub,
    broadcast,
    activityTimeoutSeconds: opts.activityTimeoutSeconds ?? 120,
    pongTimeoutMs: opts.pongTimeoutMs ?? 30_000,
  };
  let closed = false;

  function newSocketId(): string {
    let id: string;
    do id = `${randomInt(1, 2 ** 40)}.${randomInt(1, 2 ** 40)}`;
    while (socketIds.has(id));
    return id;
  }

  /** Refuses like Pusher does: an error event then a 4xxx close code pusher-js understands. */
  function refuse(ws: WebSocket, code: number, message: string) {
    ws.send(JSON.stringify({ event: "pusher:error", data: { code, message } }));
    ws.close(code, message);
  }

  function accept(ws: WebSocket, url: URL) {
    const key = decodeURIComponent(url.pathname.slice("/app/".length));
    if (key !== opts.key) {
      refuse(ws, 4001, `App key ${key} does not exist`);
      return;
    }
    if (!SUPPORTED_PROTOCOLS.has(url.searchParams.get("protocol") ?? "")) {
      refuse(ws, 4007, "Unsupported protocol version");
      return;
    }
    const socketId = newSocketId();
    socketIds.add(socketId);
    ws.on("close", () => socketIds.delete(socketId));
    serveConnection(ws, socketId, settings);
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? "/", "http://embedded.invalid");
      if (!url.pathname.startsWith("/app/")) return false;
      if (closed) {
        socket.destroy();
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, url));
      return true;
    },
    handleHttp,
    // A realtime worker in this process pushes straight into the channels: no HTTP round trip to itself, which
    // used to time out (and cost notices) whenever the event loop was slow for 10 s.
    publishToUser: publisherOver(broadcast).publishToUser,
    connections: () => socketIds.size,
    ready: stopListening.then(() => undefined),
    close() {
      closed = true;
      void stopListening.then((stop) => stop()).catch(() => undefined);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** Publishes to a user's channel through `broadcast` with Pusher's size limit, as the HTTP API would. */
function publisherOver(broadcast: (note: BusNote) => Promise<void>): RealtimePublisher {
  return {
    async publishToUser(userId, event, data) {
      const json = JSON.stringify(data);
      const size = Buffer.byteLength(json);
      if (size > MAX_EVENT_DATA_BYTES) throw new Error(`event data of ${size} bytes exceeds Pusher's ${MAX_EVENT_DATA_BYTES}`);
      const channel = userChannel(userId);
      await broadcast({ channel, message: { event, channel, data: json } });
    },
  };
}

/**
 * For a process that runs the realtime worker but serves no WebSockets (the background process of a multi-process
 * app): its notices reach the endpoints of the web processes over the bus.
 */
export const createBusPublisher = (bus: ChannelBus): RealtimePublisher => publisherOver((note) => bus.send(note));
