import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks signing (standardwebhooks.com): `whsec_` + base64 key; the signed content is
 * `<webhook-id>.<webhook-timestamp>.<body>`; `webhook-signature` lists `v1,<base64 HMAC-SHA256>` per secret,
 * space-separated, so a receiver holding either secret accepts the message during a rotation.
 */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** 32 random bytes: the key size the specification recommends (24–64). */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, "base64");
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export function signWebhook(messageId: string, timestamp: Date, body: string, secrets: readonly string[]): SignedHeaders {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const content = `${messageId}.${seconds}.${body}`;
  const signatures = secrets.map((secret) => `v1,${createHmac("sha256", secretKey(secret)).update(content, "utf8").digest("base64")}`);
  return { "webhook-id": messageId, "webhook-timestamp": seconds, "webhook-signature": signatures.join(" ") };
}
