import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Pusher's socket id shape ("123.456"); anything else is refused before signing. */
export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;
/** Pusher's channel name rules: these characters only, at most 164 of them. */
export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;

export function isValidSocketId(socketId: string): boolean {
  return SOCKET_ID_PATTERN.test(socketId);
}

export function isValidChannelName(channelName: string): boolean {
  return CHANNEL_NAME_PATTERN.test(channelName);
}

export function isPrivateChannel(channelName: string): boolean {
  return channelName.startsWith("private-");
}

export function isPresenceChannel(channelName: string): boolean {
  return channelName.startsWith("presence-");
}

export function hmacSha256Hex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data).digest("hex");
}

export function md5Hex(data: string | Buffer): string {
  return createHash("md5").update(data).digest("hex");
}

/** Constant-time string comparison so signature checks do not leak timing. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The `auth` value Pusher expects for a private channel: `key:HMAC(secret, "socketId:channel")`. */
export function signChannelAuth(key: string, secret: string, socketId: string, channelName: string): string {
  return `${key}:${hmacSha256Hex(secret, `${socketId}:${channelName}`)}`;
}

export type ChannelAuthorizer = (socketId: string, channelName: string) => { auth: string };

/**
 * Signs private channel subscriptions exactly as the `pusher` server library does,
 * so the same auth endpoint works against the embedded endpoint and Pusher/Soketi.
 * Deciding *who* may join which channel is the caller's job; this only validates formats.
 */
export function createChannelAuthorizer(opts: { key: string; secret: string }): ChannelAuthorizer {
  return (socketId, channelName) => {
    if (!isValidSocketId(socketId)) throw new Error(`Invalid socket id: ${JSON.stringify(socketId)}`);
    if (!isValidChannelName(channelName)) throw new Error(`Invalid channel name: ${JSON.stringify(channelName)}`);
    return { auth: signChannelAuth(opts.key, opts.secret, socketId, channelName) };
  };
}

/** Pusher rejects HTTP API requests whose timestamp is more than 600 seconds off. */
const MAX_CLOCK_SKEW_SECONDS = 600;

export type ApiSignatureCheck = { ok: true } | { ok: false; message: string };

/**
 * Verifies a Pusher HTTP API request signature: auth_signature is
 * HMAC-SHA256(secret, "METHOD\nPATH\nsorted query without auth_signature").
 */
export function verifyApiSignature(input: {
  key: string;
  secret: string;
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
  nowSeconds?: number;
}): ApiSignatureCheck {
  const { query } = input;
  const signature = query.get("auth_signature");
  if (!signature) return { ok: false, message: "Missing auth_signature" };
  if (query.get("auth_key") !== input.key) return { ok: false, message: "Unknown auth_key" };
  if (query.get("auth_version") !== "1.0") return { ok: false, message: "auth_version must be 1.0" };

  const timestamp = Number(query.get("auth_timestamp"));
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, message: `Timestamp expired: auth_timestamp must be within ${MAX_CLOCK_SKEW_SECONDS}s of server time` };
  }
  if (input.body.length > 0 && query.get("body_md5") !== md5Hex(input.body)) {
    return { ok: false, message: "body_md5 does not match the request body" };
  }

  const params: Array<[string, string]> = [];
  for (const [name, value] of query) {
    if (name !== "auth_signature") params.push([name.toLowerCase(), value]);
  }
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const toSign = [input.method.toUpperCase(), input.path, params.map(([k, v]) => `${k}=${v}`).join("&")].join("\n");
  const expected = hmacSha256Hex(input.secret, toSign);
  if (!safeEqual(signature, expected)) {
    return { ok: false, message: `Invalid signature: you should have sent HmacSHA256Hex(${JSON.stringify(toSign)}, your_secret)` };
  }
  return { ok: true };
}
