// How daprd turns a publish request body into the CloudEvent that subscribers receive.
import { randomBytes, randomUUID } from "node:crypto";
import { cloudEventSchema, type CloudEvent } from "./types";

export interface EventInput {
  /** Parsed JSON for JSON content types, the raw text otherwise. */
  payload: unknown;
  contentType?: string;
  topic: string;
  pubsubname: string;
  /** The publishing app-id, used as `source` when daprd builds the envelope. */
  source: string;
  traceparent?: string;
}

export type EventResult = { ok: true; event: CloudEvent } | { ok: false; message: string };

export function isCloudEventsType(contentType: string | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("application/cloudevents+json");
}

export function isJsonType(contentType: string | undefined): boolean {
  return /[/+]json\b/i.test(contentType ?? "");
}

/**
 * `application/cloudevents+json`: keep the caller's CloudEvent (id/type/source/subject/time);
 * anything else: wrap the payload in a fresh envelope with a new id. Both get topic,
 * pubsubname and a W3C traceparent.
 */
export function buildEvent(input: EventInput): EventResult {
  const traceparent = input.traceparent ?? newTraceparent();
  if (isCloudEventsType(input.contentType)) {
    const parsed = cloudEventSchema.safeParse(input.payload);
    if (!parsed.success) {
      return { ok: false, message: `not a CloudEvent: ${parsed.error.issues.map((i) => i.path.join(".") || i.message).join(", ")}` };
    }
    const event: CloudEvent = { ...parsed.data };
    event.topic = input.topic;
    event.pubsubname = input.pubsubname;
    if (typeof event.traceparent !== "string") event.traceparent = traceparent;
    if (typeof event.traceid !== "string") event.traceid = event.traceparent;
    return { ok: true, event };
  }
  const contentType = input.contentType || "text/plain";
  return {
    ok: true,
    event: {
      specversion: "1.0",
      id: randomUUID(),
      source: input.source,
      type: "com.dapr.event.sent",
      datacontenttype: contentType,
      data: input.payload,
      time: new Date().toISOString(),
      topic: input.topic,
      pubsubname: input.pubsubname,
      traceparent,
      traceid: traceparent,
      tracestate: "",
    },
  };
}

/** Parses a request body according to its content type; undefined payload = malformed JSON. */
export function parseBody(text: string, contentType: string | undefined): { ok: true; payload: unknown } | { ok: false } {
  if (!isJsonType(contentType)) return { ok: true, payload: text };
  try {
    return { ok: true, payload: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function newTraceparent(): string {
  return `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-01`;
}
