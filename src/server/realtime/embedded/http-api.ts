import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { BusNote } from "./channel-bus";
import type { ChannelHub } from "./hub";
import { isValidChannelName, SOCKET_ID_PATTERN, verifyApiSignature } from "./signing";

/** Pusher's HTTP API limits. */
export const MAX_EVENT_DATA_BYTES = 10 * 1024;
const MAX_CHANNELS_PER_EVENT = 100;
const MAX_BATCH_EVENTS = 10;
/** Enough for a full batch of maximum-size events plus JSON overhead. */
const MAX_BODY_BYTES = 256 * 1024;

const channelName = z.string().refine(isValidChannelName, "invalid channel name");
const eventFields = {
  name: z.string().min(1).max(200),
  data: z.string({ error: "data must be a string (JSON-encode objects first)" }),
  socket_id: z.string().regex(SOCKET_ID_PATTERN, "socket_id must look like 123.456").optional(),
  info: z.string().optional(),
};
const eventSchema = z
  .object({
    ...eventFields,
    channel: channelName.optional(),
    channels: z.array(channelName).min(1).max(MAX_CHANNELS_PER_EVENT).optional(),
  })
  .refine((event) => (event.channel === undefined) !== (event.channels === undefined), {
    message: "exactly one of channel or channels is required",
  });
const batchSchema = z.object({
  batch: z.array(z.object({ ...eventFields, channel: channelName })).max(MAX_BATCH_EVENTS),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit keep draining without buffering, so the 413 can still be written back.
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

function parseJsonBody<T>(body: Buffer, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "Request body must be JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, `Invalid request body: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function assertDataSize(data: string) {
  const size = Buffer.byteLength(data);
  if (size > MAX_EVENT_DATA_BYTES) {
    throw new HttpError(413, `The data content of this event exceeds the allowed maximum (${MAX_EVENT_DATA_BYTES} bytes), got ${size} bytes`);
  }
}

const wantsCount = (info: string | null | undefined) => info?.split(",").includes("subscription_count") ?? false;

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export interface HttpApiSettings {
  appId: string;
  key: string;
  secret: string;
  hub: ChannelHub;
  /** Publishes to a channel's subscribers in every app process (the hub alone when there is one process). */
  broadcast(note: BusNote): Promise<void>;
}

/** Serves the subset of Pusher's HTTP API the `pusher` server library uses; false = not ours. */
export function createHttpApi(settings: HttpApiSettings) {
  const { hub } = settings;
  const prefix = `/apps/${settings.appId}`;

  function routeFor(pathname: string): { method: string; run: (body: Buffer, query: URLSearchParams) => unknown } | null {
    if (pathname === `${prefix}/events`) {
      return {
        method: "POST",
        run: async (body) => {
          const event = parseJsonBody(body, eventSchema);
          assertDataSize(event.data);
          const channels = event.channels ?? (event.channel ? [event.channel] : []);
          for (const channel of channels) {
            await settings.broadcast({ channel, message: { event: event.name, channel, data: event.data }, excludeSocketId: event.socket_id });
          }
          if (!wantsCount(event.info)) return {};
          return { channels: Object.fromEntries(channels.map((c) => [c, { subscription_count: hub.subscriptionCount(c) }])) };
        },
      };
    }
    if (pathname === `${prefix}/batch_events`) {
      return {
        method: "POST",
        run: async (body) => {
          const { batch } = parseJsonBody(body, batchSchema);
          batch.forEach((event) => assertDataSize(event.data));
          for (const event of batch) {
            const message = { event: event.name, channel: event.channel, data: event.data };
            await settings.broadcast({ channel: event.channel, message, excludeSocketId: event.socket_id });
          }
          if (!batch.some((event) => wantsCount(event.info))) return {};
          return { batch: batch.map((event) => ({ subscription_count: hub.subscriptionCount(event.channel) })) };
        },
      };
    }
    if (pathname === `${prefix}/channels`) {
      return {
        method: "GET",
        run: (_body, query) => {
          const names = hub.occupiedChannels(query.get("filter_by_prefix") ?? "");
          const withCount = wantsCount(query.get("info"));
          return {
            channels: Object.fromEntries(
              names.map((name) => [name, withCount ? { subscription_count: hub.subscriptionCount(name) } : {}]),
            ),
          };
        },
      };
    }
    if (pathname.startsWith(`${prefix}/channels/`)) {
      const name = decodeURIComponent(pathname.slice(`${prefix}/channels/`.length));
      return {
        method: "GET",
        run: (_body, query) => {
          if (!isValidChannelName(name)) throw new HttpError(400, "Invalid channel name");
          const count = hub.subscriptionCount(name);
          return wantsCount(query.get("info")) ? { occupied: count > 0, subscription_count: count } : { occupied: count > 0 };
        },
      };
    }
    return null;
  }

  return async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://embedded.invalid");
    const route = routeFor(url.pathname);
    if (!route) return false;
    try {
      if (req.method !== route.method) throw new HttpError(405, `Use ${route.method} for ${url.pathname}`);
      const body = await readBody(req);
      const check = verifyApiSignature({
        key: settings.key,
        secret: settings.secret,
        method: req.method,
        path: url.pathname,
        query: url.searchParams,
        body,
      });
      if (!check.ok) throw new HttpError(401, check.message);
      sendJson(res, 200, await route.run(body, url.searchParams));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : "Internal error";
      if (!res.headersSent) {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
        res.end(message);
      }
    }
    return true;
  };
}
