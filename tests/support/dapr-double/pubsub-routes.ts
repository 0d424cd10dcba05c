// POST /v1.0/publish/{pubsub}/{topic} and the bulk variant.
import type http from "node:http";
import { BrokerDownError } from "./broker";
import { BreakerOpenError } from "./breaker";
import { buildEvent, isCloudEventsType, parseBody } from "./events";
import { error, metadataOf, parseJson, readBody, type Reply, type SidecarContext } from "./http-util";
import { bulkPublishSchema } from "./types";

export async function publish(
  ctx: SidecarContext,
  req: http.IncomingMessage,
  url: URL,
  pubsub: string,
  topic: string,
): Promise<Reply> {
  if (pubsub !== ctx.pubsubName) return error(404, "ERR_PUBSUB_NOT_FOUND", `pubsub ${pubsub} not found`);
  const contentType = req.headers["content-type"];
  const parsed = parseBody(await readBody(req), contentType);
  if (!parsed.ok) return error(400, "ERR_PUBSUB_CLOUD_EVENTS_SER", "request body is not valid JSON");
  const built = buildEvent({
    payload: parsed.payload,
    contentType,
    topic,
    pubsubname: pubsub,
    source: ctx.callerAppId ?? "dapr-double",
    traceparent: headerOf(req, "traceparent"),
  });
  if (!built.ok) return error(400, "ERR_PUBSUB_CLOUD_EVENTS_SER", built.message);
  try {
    const send = () => ctx.broker.publish(topic, built.event, metadataOf(url).partitionKey);
    if (ctx.breaker) ctx.breaker.run(send);
    else send();
    return { status: 204 };
  } catch (cause) {
    if (cause instanceof BrokerDownError || cause instanceof BreakerOpenError) {
      const why = cause instanceof BreakerOpenError ? "circuit breaker is open" : "broker unavailable";
      return error(500, "ERR_PUBSUB_PUBLISH_MESSAGE", `error when publish to topic ${topic} in pubsub ${pubsub}: ${why}`);
    }
    throw cause;
  }
}

/** Non-transactional: answers 500 listing `failedEntries` when some (or all) entries failed. */
export async function publishBulk(
  ctx: SidecarContext,
  req: http.IncomingMessage,
  url: URL,
  pubsub: string,
  topic: string,
): Promise<Reply> {
  if (pubsub !== ctx.pubsubName) return error(404, "ERR_PUBSUB_NOT_FOUND", `pubsub ${pubsub} not found`);
  const json = parseJson(await readBody(req));
  const entries = json.ok ? bulkPublishSchema.safeParse(json.value) : undefined;
  if (!entries?.success) return error(400, "ERR_PUBSUB_EVENTS_SER", "malformed bulk publish request");
  if (new Set(entries.data.map((e) => e.entryId)).size !== entries.data.length) {
    return error(400, "ERR_PUBSUB_EVENTS_SER", "entryId is duplicated");
  }
  const requestMetadata = metadataOf(url);
  const failedEntries: { entryId: string; error: string }[] = [];
  // One bulk is one call to the component, so one request through the breaker.
  const unavailable = brokerUnavailable(ctx);
  for (const entry of entries.data) {
    // A CloudEvent entry may arrive as a JSON string; daprd parses it the same way.
    const asText = isCloudEventsType(entry.contentType) && typeof entry.event === "string";
    const parsed = asText ? parseJson(entry.event as string) : { ok: true as const, value: entry.event };
    const built = buildEvent({
      payload: parsed.ok ? parsed.value : undefined,
      contentType: entry.contentType,
      topic,
      pubsubname: pubsub,
      source: ctx.callerAppId ?? "dapr-double",
      traceparent: headerOf(req, "traceparent"),
    });
    if (!built.ok) {
      failedEntries.push({ entryId: entry.entryId, error: built.message });
      continue;
    }
    if (unavailable) {
      failedEntries.push({ entryId: entry.entryId, error: unavailable });
      continue;
    }
    const partitionKey = entry.metadata?.partitionKey ?? requestMetadata.partitionKey;
    ctx.broker.publish(topic, built.event, partitionKey);
  }
  if (failedEntries.length === 0) return { status: 204 };
  return {
    status: 500,
    body: { errorCode: "ERR_PUBSUB_PUBLISH_MESSAGE", message: "some entries failed to publish", failedEntries },
  };
}

/** Why the broker cannot be reached now through this sidecar's breaker, or undefined when it can. */
function brokerUnavailable(ctx: SidecarContext): string | undefined {
  const probe = () => {
    if (ctx.broker.isDown) throw new BrokerDownError();
  };
  try {
    if (ctx.breaker) ctx.breaker.run(probe);
    else probe();
    return undefined;
  } catch (cause) {
    return cause instanceof BreakerOpenError ? "circuit breaker is open" : "broker unavailable";
  }
}

function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
