import webPush from "web-push";
import type { VapidKeys } from "./vapid";

/** How long a signed VAPID header is valid (the push services' maximum is 24 h). */
const LIFETIME_SECONDS = 12 * 60 * 60;
/** A header is signed again once less than this is left, so none goes out about to expire. */
const RENEW_BEFORE_MS = 60 * 60 * 1000;

const signed = new Map<string, { authorization: string; expiresAt: number }>();

/**
 * The VAPID Authorization header for a push service origin. Signing (ES256) is the costliest step of a push
 * after the payload encryption, and the header depends only on the origin and the key pair, so one signature
 * serves every push to that service for hours instead of one per push.
 */
export function vapidAuthorization(keys: VapidKeys, endpoint: string, now = Date.now()): string {
  const audience = new URL(endpoint).origin;
  const cacheKey = `${keys.publicKey}|${keys.subject}|${audience}`;
  const cached = signed.get(cacheKey);
  if (cached && cached.expiresAt - now > RENEW_BEFORE_MS) return cached.authorization;
  const expiresAt = now + LIFETIME_SECONDS * 1000;
  const headers = webPush.getVapidHeaders(audience, keys.subject, keys.publicKey, keys.privateKey, "aes128gcm", Math.floor(expiresAt / 1000));
  const authorization = headers.Authorization as string;
  signed.set(cacheKey, { authorization, expiresAt });
  return authorization;
}
