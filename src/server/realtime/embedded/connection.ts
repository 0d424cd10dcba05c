import { WebSocket, type RawData } from "ws";
import { z } from "zod";
import type { BusNote } from "./channel-bus";
import type { ChannelHub, PusherMessage, Subscriber } from "./hub";
import { isPresenceChannel, isPrivateChannel, isValidChannelName, safeEqual, signChannelAuth } from "./signing";

export interface ConnectionSettings {
  key: string;
  secret: string;
  hub: ChannelHub;
  /** Publishes to a channel's subscribers in every app process (the hub alone when there is one process). */
  broadcast(note: BusNote): Promise<void>;
  /** Seconds of silence before the server pings (sent to the client as `activity_timeout`). */
  activityTimeoutSeconds: number;
  /** How long a pinged client has to answer before it is considered dead and dropped. */
  pongTimeoutMs: number;
}

/** Pusher's limits for client events. */
const MAX_CLIENT_EVENT_BYTES = 10 * 1024;
const MAX_CLIENT_EVENTS_PER_SECOND = 10;
/** A client this far behind on reads is not keeping up; drop it rather than buffer forever. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

const incomingSchema = z.object({
  event: z.string().min(1),
  channel: z.string().optional(),
  data: z.unknown().optional(),
});
const subscribeSchema = z.object({
  channel: z.string(),
  auth: z.string().optional(),
  channel_data: z.string().optional(),
});
const unsubscribeSchema = z.object({ channel: z.string() });

/** Client-sent data may arrive as an object or as a JSON string; normalise to an object. */
function decodeData(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/** Runs Pusher protocol 7 over one accepted WebSocket until it closes. */
export function serveConnection(ws: WebSocket, socketId: string, settings: ConnectionSettings): Subscriber {
  const { hub } = settings;
  let pongTimer: NodeJS.Timeout | undefined;
  let rateWindowStart = 0;
  let rateWindowCount = 0;

  const subscriber: Subscriber = {
    socketId,
    send(message: PusherMessage) {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(message));
    },
  };
  const sendError = (message: string, code: number | null = null) =>
    subscriber.send({ event: "pusher:error", data: { code, message } });

  // Idle → ping; no answer within pongTimeoutMs → the peer is gone, drop it.
  const idleTimer = setTimeout(() => {
    subscriber.send({ event: "pusher:ping", data: "{}" });
    pongTimer = setTimeout(() => ws.terminate(), settings.pongTimeoutMs);
  }, settings.activityTimeoutSeconds * 1000);
  const markActive = () => {
    if (pongTimer) clearTimeout(pongTimer);
    pongTimer = undefined;
    idleTimer.refresh();
  };

  function refuseSubscription(channel: string, message: string) {
    // Pusher reports the failure on the connection; pusher-js apps listen on the channel, so send both.
    sendError(message);
    subscriber.send({
      event: "pusher:subscription_error",
      channel,
      data: { type: "AuthError", error: message, status: 401 },
    });
  }

  function handleSubscribe(data: unknown) {
    const parsed = subscribeSchema.safeParse(decodeData(data));
    if (!parsed.success || !isValidChannelName(parsed.data.channel)) {
      sendError("Invalid subscription request: a valid channel name is required");
      return;
    }
    const { channel, auth } = parsed.data;
    if (isPresenceChannel(channel)) {
      refuseSubscription(channel, "Presence channels are not supported by the embedded endpoint");
      return;
    }
    if (isPrivateChannel(channel)) {
      const expected = signChannelAuth(settings.key, settings.secret, socketId, channel);
      if (!auth || !safeEqual(auth, expected)) {
        refuseSubscription(channel, `Invalid signature: expected HMAC SHA256 hex digest of ${socketId}:${channel}`);
        return;
      }
    }
    hub.subscribe(channel, subscriber);
    subscriber.send({ event: "pusher_internal:subscription_succeeded", channel, data: "{}" });
  }

  function handleUnsubscribe(data: unknown) {
    const parsed = unsubscribeSchema.safeParse(decodeData(data));
    if (parsed.success) hub.unsubscribe(parsed.data.channel, subscriber);
  }

  function handleClientEvent(message: PusherMessage, rawSize: number) {
    const channel = message.channel;
    if (!channel || !(isPrivateChannel(channel) || isPresenceChannel(channel))) {
      sendError("Client event rejected - only supported on private and presence channels");
      return;
    }
    if (!hub.isSubscribed(channel, subscriber)) {
      sendError(`Client event rejected - not subscribed to channel ${channel}`);
      return;
    }
    if (rawSize > MAX_CLIENT_EVENT_BYTES) {
      sendError(`Client event rejected - event exceeds ${MAX_CLIENT_EVENT_BYTES} bytes`);
      return;
    }
    const now = Date.now();
    if (now - rateWindowStart >= 1000) {
      rateWindowStart = now;
      rateWindowCount = 0;
    }
    rateWindowCount += 1;
    if (rateWindowCount > MAX_CLIENT_EVENTS_PER_SECOND) {
      sendError(`Client event rejected - more than ${MAX_CLIENT_EVENTS_PER_SECOND} per second`);
      return;
    }
    // Client events never echo back to their sender.
    settings.broadcast({ channel, message: { event: message.event, channel, data: message.data }, excludeSocketId: socketId }).catch(() => {
      sendError("Client event not delivered - try again");
    });
  }

  function handleMessage(raw: RawData) {
    markActive();
    const text = raw.toString();
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      sendError("Invalid message: not JSON");
      return;
    }
    const parsed = incomingSchema.safeParse(json);
    if (!parsed.success) {
      sendError("Invalid message: an event name is required");
      return;
    }
    const message = parsed.data;
    switch (message.event) {
      case "pusher:ping":
        subscriber.send({ event: "pusher:pong", data: "{}" });
        return;
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        handleSubscribe(message.data);
        return;
      case "pusher:unsubscribe":
        handleUnsubscribe(message.data);
        return;
      default:
        // Other pusher:* events (e.g. signin) are not offered by the embedded endpoint.
        if (message.event.startsWith("client-")) handleClientEvent(message, Buffer.byteLength(text));
    }
  }

  ws.on("message", handleMessage);
  ws.on("pong", markActive);
  ws.on("error", () => ws.terminate());
  ws.on("close", () => {
    clearTimeout(idleTimer);
    if (pongTimer) clearTimeout(pongTimer);
    hub.removeSubscriber(subscriber);
  });

  subscriber.send({
    event: "pusher:connection_established",
    data: JSON.stringify({ socket_id: socketId, activity_timeout: settings.activityTimeoutSeconds }),
  });
  return subscriber;
}
