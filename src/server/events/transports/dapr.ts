import type { CloudEvent } from "../catalog";
import { errorText } from "../error-text";
import { TransportError, type BatchResult, type EventTransport, type TransportEntry } from "../transport";

export interface DaprTransportOptions {
  /** DAPR_HTTP_PORT of the sidecar. */
  httpPort: number;
  /** DAPR_PUBSUB_NAME (default "pubsub"). */
  pubsubName?: string;
  /** DAPR_API_TOKEN, sent as `dapr-api-token` when set. */
  apiToken?: string;
  host?: string;
  /** Per-request timeout; a hung sidecar must not stall the relay forever. */
  timeoutMs?: number;
  /** Use the alpha bulk endpoint for batches (default true). */
  bulk?: boolean;
}

const CLOUDEVENTS = "application/cloudevents+json";

/**
 * Publishes through the sidecar's plain HTTP API with fetch: the SDK can resolve on non-2xx answers
 * (see the contract's pitfalls), and only a 204 means "published".
 */
export function createDaprTransport(options: DaprTransportOptions): EventTransport {
  const base = `http://${options.host ?? "127.0.0.1"}:${options.httpPort}`;
  const pubsub = encodeURIComponent(options.pubsubName ?? "pubsub");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers = (contentType?: string): Record<string, string> => ({
    ...(contentType ? { "content-type": contentType } : {}),
    ...(options.apiToken ? { "dapr-api-token": options.apiToken } : {}),
  });

  async function request(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await fetch(`${base}${path}`, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (cause) {
      throw new TransportError(`dapr sidecar unreachable at ${base}: ${errorText(cause)}`);
    }
  }

  const publish = async (topic: string, event: CloudEvent, partitionKey: string): Promise<void> => {
    const query = new URLSearchParams({ "metadata.partitionKey": partitionKey });
    const response = await request(`/v1.0/publish/${pubsub}/${encodeURIComponent(topic)}?${query}`, {
      method: "POST",
      headers: headers(CLOUDEVENTS),
      body: JSON.stringify(event),
    });
    if (response.status !== 204) {
      throw new TransportError(`dapr publish to ${topic} failed: ${response.status} ${await response.text()}`, response.status);
    }
  };

  const publishBatch = async (topic: string, entries: TransportEntry[]): Promise<BatchResult> => {
    const body = entries.map((entry) => ({
      entryId: entry.entryId,
      event: entry.event,
      contentType: CLOUDEVENTS,
      metadata: { partitionKey: entry.partitionKey },
    }));
    const response = await request(`/v1.0-alpha1/publish/bulk/${pubsub}/${encodeURIComponent(topic)}`, {
      method: "POST",
      headers: headers("application/json"),
      body: JSON.stringify(body),
    });
    if (response.status === 204) return { failed: [] };
    const text = await response.text();
    const failed = parseFailedEntries(text);
    // A 500 listing failedEntries is a partial success; anything else published nothing.
    if (response.status !== 500 || !failed) {
      throw new TransportError(`dapr bulk publish to ${topic} failed: ${response.status} ${text}`, response.status);
    }
    return { failed };
  };

  /** Waits for `GET /v1.0/healthz/outbound` → 204, with capped exponential backoff. */
  const ready = async (signal?: AbortSignal): Promise<void> => {
    let delay = 50;
    for (;;) {
      signal?.throwIfAborted();
      try {
        const response = await request("/v1.0/healthz/outbound", { method: "GET", headers: headers() }, signal);
        await response.body?.cancel();
        if (response.status === 204) return;
      } catch (cause) {
        if (signal?.aborted) throw cause;
      }
      await abortableDelay(delay, signal);
      delay = Math.min(delay * 2, 2_000);
    }
  };

  return { kind: "dapr", publish, ...(options.bulk === false ? {} : { publishBatch }), ready };
}

function parseFailedEntries(text: string): BatchResult["failed"] | undefined {
  try {
    const parsed = JSON.parse(text) as { failedEntries?: unknown };
    if (!Array.isArray(parsed.failedEntries)) return undefined;
    return parsed.failedEntries.flatMap((entry: unknown) => {
      const e = entry as { entryId?: unknown; error?: unknown };
      return typeof e.entryId === "string" ? [{ entryId: e.entryId, error: String(e.error ?? "failed") }] : [];
    });
  } catch {
    return undefined;
  }
}

function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
