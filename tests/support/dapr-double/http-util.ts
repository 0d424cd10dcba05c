import type { CircuitBreaker } from "./breaker";
// Tiny request/response helpers for the double's node:http listeners.
import type http from "node:http";
import type { Broker } from "./broker";
import type { JobScheduler } from "./jobs";
import type { StateStores } from "./state";
import type { DaprError } from "./types";

/** What every route handler may use; `callerAppId` is the app this call came from, if known. */
export interface SidecarContext {
  pubsubName: string;
  broker: Broker;
  jobs: JobScheduler;
  state: StateStores;
  secrets: Record<string, Record<string, string>>;
  callerAppId?: string;
  /** This sidecar's outbound breaker on the pubsub component (none when the resiliency has none). */
  breaker?: CircuitBreaker;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined && reply.status !== 204) {
    payload = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    headers["content-type"] ??= "application/json";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export function error(status: number, errorCode: string, message: string): Reply {
  const body: DaprError = { errorCode, message };
  return { status, body };
}

export function readBody(req: http.IncomingMessage, limitBytes = 8 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new Error("request body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** `?metadata.x=y` query parameters as a plain record (`{ x: "y" }`). */
export function metadataOf(url: URL): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name.startsWith("metadata.")) metadata[name.slice("metadata.".length)] = value;
  }
  return metadata;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
