import { createHmac, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webPush from "web-push";
import type { Env } from "@/server/env";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const DEFAULT_SUBJECT = "mailto:cadence@localhost.invalid";
const cache = new Map<string, VapidKeys | null>();

/**
 * The server's VAPID identity. From VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY when set (PostgreSQL mode: every process
 * must sign with the same pair); in the embedded default generated once and kept in DATA_DIR/secrets.json, so
 * browsers' subscriptions survive restarts. Null = push is not configured (PostgreSQL mode without keys).
 */
export function vapidKeys(env: Env): VapidKeys | null {
  const key = `${env.DATA_DIR}|${env.DATABASE_URL ?? ""}|${env.VAPID_PUBLIC_KEY ?? ""}`;
  if (cache.has(key)) return cache.get(key)!;
  const subject = env.VAPID_SUBJECT ?? DEFAULT_SUBJECT;
  let keys: VapidKeys | null = null;
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) keys = { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  else if (!env.DATABASE_URL) keys = { ...persistedKeyPair(path.resolve(env.DATA_DIR)), subject };
  cache.set(key, keys);
  return keys;
}

function persistedKeyPair(dataDir: string): { publicKey: string; privateKey: string } {
  const file = path.join(dataDir, "secrets.json");
  mkdirSync(dataDir, { recursive: true });
  const stored: Record<string, string> = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  if (stored.vapidPublicKey && stored.vapidPrivateKey) return { publicKey: stored.vapidPublicKey, privateKey: stored.vapidPrivateKey };
  const pair = webPush.generateVAPIDKeys();
  writeFileSync(file, JSON.stringify({ ...stored, vapidPublicKey: pair.publicKey, vapidPrivateKey: pair.privateKey }, null, 2), { mode: 0o600 });
  return pair;
}

/**
 * A push carries a token that lets the service worker report "shown"/"clicked" and snooze that one reminder
 * without a session (the notification can outlive it). Signed with the VAPID private key, which every
 * process that sends or receives these already has.
 */
export function receiptToken(keys: VapidKeys, reminderId: string, subscriptionId: string): string {
  return createHmac("sha256", keys.privateKey).update(`${reminderId}.${subscriptionId}`).digest("base64url");
}

export function verifyReceiptToken(keys: VapidKeys, reminderId: string, subscriptionId: string, token: string): boolean {
  const expected = Buffer.from(receiptToken(keys, reminderId, subscriptionId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
