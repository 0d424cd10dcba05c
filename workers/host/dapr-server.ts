import http from "node:http";
import type { AddressInfo } from "node:net";
import { timingSafeEqual } from "node:crypto";
import { errorText } from "@/server/events/error-text";
import type { WorkerDefinition, WorkerServices } from "@/server/events/worker-types";
import { bulkEnvelopeSchema, deliverBulk, looksLikeBulk, type BulkSubscribeConfig } from "./bulk";
import { createDeliveryHandler, parseJson, type DaprStatus } from "./delivery";
import { createJobRunner } from "./jobs";
import { trackRequests } from "@/server/http/graceful";
import { declareWorker } from "./metrics";
import { processMetrics, PROMETHEUS_CONTENT_TYPE } from "./process-metrics";
import { daprSubscriptions, fanOutName, subscriptionsByTopic } from "./subscriptions";

export interface DaprServeOptions {
  /** The app port the sidecar calls (dapr.io/app-port); 0 = pick a free one (tests). */
  port: number;
  /** Interface to listen on; default 127.0.0.1 (the sidecar is the only caller). */
  host?: string;
  services: WorkerServices;
  maxDeliveryAttempts?: number;
  /** Least time an event keeps being retried before the worker gives up on it (default 60 s). */
  giveUpAfterMs?: number;
  /** `bulkSubscribe` advertised for event topics; false = one request per event. Default: enabled, 100 / 20 ms. */
  bulkSubscribe?: BulkSubscribeConfig | false;
}

export interface DaprWorkerServer {
  port: number;
  close(): Promise<void>;
}

/** Longest a delivery in hand may take on SIGTERM (Dapr's delivery timeout is 15 s). */
const DRAIN_TIMEOUT_MS = 15_000;

/** Room for a full bulk (100 events of a few KB each) with a wide margin. */
const MAX_BODY_BYTES = 8 * 1_048_576;

/** The app side of the Dapr contract for one worker: subscription discovery, deliveries, job callbacks, health. */
export async function serveWithDapr(worker: WorkerDefinition, options: DaprServeOptions): Promise<DaprWorkerServer> {
  const { services } = options;
  const log = services.log.child({ worker: worker.name });
  const scoped: WorkerServices = { ...services, log };
  const appToken = services.env.APP_API_TOKEN;
  // Declarative mode: daprd reads dapr-components/subscriptions/*.yaml, so advertising them here too would subscribe twice.
  const declarative = services.env.DAPR_SUBSCRIPTIONS === "declarative";
  const subscriptions = declarative
    ? []
    : daprSubscriptions(worker, services.env.DAPR_PUBSUB_NAME, options.maxDeliveryAttempts, options.bulkSubscribe);
  const byTopic = subscriptionsByTopic(worker);
  const delivery = createDeliveryHandler(worker.name, scoped, { maxAttempts: options.maxDeliveryAttempts, afterMs: options.giveUpAfterMs });
  const jobs = createJobRunner([worker], scoped);
  declareWorker(worker);

  const authorized = (req: http.IncomingMessage) => {
    if (!appToken) return true;
    const given = Buffer.from(String(req.headers["dapr-api-token"] ?? ""));
    const expected = Buffer.from(appToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  async function route(req: http.IncomingMessage, body: string): Promise<Answer> {
    const url = new URL(req.url ?? "/", "http://app");
    const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const [first, second, third] = segments;
    if (req.method === "GET" && url.pathname === "/healthz") return { status: 200, body: { status: "ok", worker: worker.name } };
    if (req.method === "GET" && url.pathname === "/metrics") return { status: 200, body: await processMetrics(), contentType: PROMETHEUS_CONTENT_TYPE };
    if (!authorized(req)) return { status: 401, body: { error: "missing or wrong dapr-api-token" } };
    if (req.method === "GET" && url.pathname === "/dapr/subscribe") return { status: 200, body: subscriptions };
    if (req.method !== "POST") return { status: 405 };

    if (first === "events" && second === worker.name && segments.length === 3 && third) {
      const fanOutTopic = [...byTopic.keys()].find((topic) => fanOutName(topic) === third);
      const targets = fanOutTopic !== undefined
        ? byTopic.get(fanOutTopic)
        : worker.subscriptions.filter((s) => s.name === third);
      const parsed = parseJson(body);
      if (!targets?.length) {
        // daprd dead-letters a single delivery answered 404 but takes a *bulk* answered 404 as delivered, which
        // would lose its events: each entry is answered DROP instead, so the sidecar dead-letters it too.
        const envelope = parsed && looksLikeBulk(parsed.json) ? bulkEnvelopeSchema.safeParse(parsed.json) : undefined;
        if (!envelope?.success) return { status: 404 };
        log.warn({ path: url.pathname, entries: envelope.data.entries.length }, "bulk delivery to a path with no subscription; dead-lettering it");
        return { status: 200, body: { statuses: envelope.data.entries.map((entry) => ({ entryId: entry.entryId, status: "DROP" satisfies DaprStatus })) } };
      }
      if (parsed && looksLikeBulk(parsed.json)) {
        const envelope = bulkEnvelopeSchema.safeParse(parsed.json);
        // A broken envelope is the sidecar's fault: a non-2xx answer makes it retry every entry.
        if (!envelope.success) return { status: 400, body: { error: envelope.error.message } };
        return { status: 200, body: await deliverBulk(delivery, targets, envelope.data) };
      }
      return { status: 200, body: { status: await delivery.deliverEvent(targets, parsed) satisfies DaprStatus } };
    }
    if (first === "dead-letters" && second === worker.name && segments.length === 3 && third && byTopic.has(third)) {
      return { status: 200, body: { status: await delivery.storeDeadLetter(third, body) } };
    }
    if (first === "job" && segments.length === 2 && second) {
      let data: unknown = null;
      try {
        data = body.trim() === "" ? null : (JSON.parse(body) as unknown);
      } catch {
        data = body;
      }
      const result = await jobs.run(second, data);
      return result === "done" ? { status: 200 } : result === "unknown" ? { status: 404 } : { status: 500 };
    }
    return { status: 404 };
  }

  const server = http.createServer((req, res) => {
    void readBody(req)
      .then((body) => route(req, body))
      .catch((cause: unknown): Answer => {
        // Never crash on a delivery: anything unexpected becomes a retry for the sidecar.
        log.error({ url: req.url, error: errorText(cause) }, "request failed");
        return cause instanceof BodyTooLarge ? { status: 413 } : { status: 500 };
      })
      .then(({ status, body, contentType }) => {
        if (contentType && typeof body === "string") {
          res.writeHead(status, { "content-type": contentType }).end(body);
          return;
        }
        res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const requests = trackRequests(server);
  const port = (server.address() as AddressInfo).port;
  log.info({ port, declarative, subscriptions: subscriptions.map((s) => s.topic) }, "worker serving the Dapr app API");
  return {
    port,
    // Deliveries and job callbacks in hand finish and are answered (the sidecar acks them); new ones are refused.
    close: async () => {
      await requests.drain(DRAIN_TIMEOUT_MS);
    },
  };
}

interface Answer {
  status: number;
  body?: unknown;
  /** Set for a pre-rendered text body (Prometheus exposition); otherwise the body is sent as JSON. */
  contentType?: string;
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
