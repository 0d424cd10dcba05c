import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { pushSubscriptions } from "@/server/db/schema";
import type { Env } from "@/server/env";
import type { DomainContext } from "../context";
import { LimitError, NotFoundError, ValidationError } from "../errors";
import { vapidKeys } from "./vapid";
import { deviceNameFrom } from "@/lib/push/device-name";

export const MAX_DEVICES_PER_USER = 20;
const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `must be base64url (${what})`)
    .refine((v) => Buffer.from(v, "base64url").length === bytes, `must decode to ${bytes} bytes (${what})`);

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** What `PushSubscription.toJSON()` gives in the browser, plus a name for the device list. */
export const pushSubscribeInput = z
  .object({
    endpoint: z.url({ message: "must be the push service URL from the browser" }).max(2000),
    keys: z.object({ p256dh: base64url(65, "the browser's P-256 public key"), auth: base64url(16, "the auth secret") }),
    deviceName: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type PushSubscribeInput = z.input<typeof pushSubscribeInput>;

export const pushRemoveInput = z.object({ id: z.uuid({ message: "must be a valid id" }) }).strict();

/**
 * Push services are https; plain http is accepted only on loopback when PUSH_ALLOW_HTTP_LOOPBACK is set
 * (a local push service, e.g. the tests' double), so a subscription cannot aim the server at arbitrary hosts.
 */
function checkEndpoint(endpoint: string, allowHttpLoopback: boolean) {
  const url = new URL(endpoint);
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && allowHttpLoopback && LOOPBACK.has(url.hostname)) return;
  throw new ValidationError("endpoint", "must be an https:// push service URL");
}

export interface DeviceView {
  id: string;
  deviceName: string;
  endpointHost: string;
  createdAt: Date;
  lastSentAt: Date | null;
}

const toView = (row: typeof pushSubscriptions.$inferSelect): DeviceView => ({
  id: row.id,
  deviceName: row.deviceName,
  endpointHost: new URL(row.endpoint).host,
  createdAt: row.createdAt,
  lastSentAt: row.lastSentAt,
});

export function pushPublicKey(env: Env): { publicKey: string | null } {
  return { publicKey: vapidKeys(env)?.publicKey ?? null };
}

/** Registers this browser for pushes; the same endpoint again (a re-subscribe) updates its keys and owner. */
export async function subscribePush(ctx: DomainContext, raw: PushSubscribeInput, options: { userAgent?: string | null; allowHttpLoopback?: boolean } = {}): Promise<DeviceView> {
  const input = pushSubscribeInput.parse(raw);
  checkEndpoint(input.endpoint, options.allowHttpLoopback ?? false);
  const deviceName = input.deviceName ?? deviceNameFrom(options.userAgent);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, ctx.userId));
    const values = { userId: ctx.userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, deviceName, createdAt: ctx.now() };
    const [row] = await tx
      .insert(pushSubscriptions)
      .values(values)
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: ctx.userId, p256dh: values.p256dh, auth: values.auth, deviceName } })
      .returning();
    if ((existing?.n ?? 0) >= MAX_DEVICES_PER_USER) {
      const [after] = await tx.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, ctx.userId));
      if ((after?.n ?? 0) > MAX_DEVICES_PER_USER) throw new LimitError("devicesPerUser", MAX_DEVICES_PER_USER);
    }
    return toView(row!);
  });
}

export async function listDevices(ctx: DomainContext): Promise<DeviceView[]> {
  const rows = await ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, ctx.userId)).orderBy(asc(pushSubscriptions.createdAt));
  return rows.map(toView);
}

export async function removeDevice(ctx: DomainContext, raw: z.input<typeof pushRemoveInput>): Promise<{ id: string }> {
  const { id } = pushRemoveInput.parse(raw);
  const deleted = await ctx.db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, ctx.userId)))
    .returning({ id: pushSubscriptions.id });
  if (deleted.length === 0) throw new NotFoundError("device", id);
  return { id };
}

/** The service worker unsubscribed itself (or the user turned push off on this device): forget that endpoint. */
export async function removeDeviceByEndpoint(ctx: DomainContext, endpoint: string): Promise<{ removed: boolean }> {
  const deleted = await ctx.db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, ctx.userId)))
    .returning({ id: pushSubscriptions.id });
  return { removed: deleted.length > 0 };
}
