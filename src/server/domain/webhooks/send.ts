import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { bareHost, isPublicAddress } from "./network-guard";

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SendOptions {
  allowPrivateNetworks: boolean;
  /** Whole exchange, from DNS to the last byte read. */
  timeoutMs?: number;
  /** Bytes of the answer read at most; the rest is never downloaded. */
  maxResponseBytes?: number;
}

export type SendResult =
  | { kind: "answered"; status: number; latencyMs: number; snippet: string }
  | { kind: "failed"; error: string; latencyMs: number };

export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
const SNIPPET_CHARS = 1_000;

// Keep-alive per resolved address: one endpoint's deliveries go out one after another.
const agents = { "http:": new http.Agent({ keepAlive: true, maxSockets: 4 }), "https:": new https.Agent({ keepAlive: true, maxSockets: 4 }) };

class Refused extends Error {}

/** Resolves once; every resolved address must be public unless private networks are allowed. */
async function resolveOnce(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new Refused(`${host} did not resolve`);
  if (!allowPrivate) {
    const inner = addresses.find((a) => !isPublicAddress(a.address));
    if (inner) throw new Refused(`refused: ${host} resolves to the non-public address ${inner.address}`);
  }
  return addresses[0]!;
}

/**
 * POSTs one signed webhook. The host name is resolved once and the connection goes to that very address
 * (TLS still verifies the certificate for the host name), so a DNS answer cannot swap in an internal address
 * after the check. Redirects are not followed; the answer is capped in size and the whole exchange in time.
 */
export async function sendWebhook(request: WebhookRequest, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(request.url);
  const hostname = bareHost(url.hostname);
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const target = await Promise.race([
      resolveOnce(hostname, options.allowPrivateNetworks),
      new Promise<never>((_, reject) => deadline.addEventListener("abort", () => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), { once: true })),
    ]);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const client = protocol === "https:" ? https : http;
      const req = client.request({
        protocol,
        host: target.address,
        family: target.family,
        port: url.port || (protocol === "https:" ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: "POST",
        agent: agents[protocol],
        // SNI and certificate check against the name the user gave, not the IP we connect to.
        ...(protocol === "https:" && isIP(hostname) === 0 ? { servername: hostname } : {}),
        headers: { ...request.headers, host: url.host, "content-type": "application/json", "content-length": Buffer.byteLength(request.body), "user-agent": "Cadence-Webhooks/1" },
        signal: deadline,
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        res.on("data", (chunk: Buffer) => {
          if (size >= maxBytes) return;
          chunks.push(chunk.subarray(0, maxBytes - size));
          size += chunk.length;
          if (size >= maxBytes) {
            finish();
            res.destroy(); // enough read: the rest is never downloaded
          }
        });
        res.on("end", finish);
        res.on("error", (error) => (size >= maxBytes ? finish() : reject(error)));
      });
      req.on("error", (error) => reject(deadline.aborted ? new Error(`timed out after ${timeoutMs / 1000} s`) : error));
      req.end(request.body);
    });
    return { kind: "answered", status, latencyMs: elapsed(), snippet: body.slice(0, SNIPPET_CHARS) };
  } catch (cause) {
    const error = cause instanceof Error ? cause.message : String(cause);
    return { kind: "failed", error: error || "request failed", latencyMs: elapsed() };
  }
}
