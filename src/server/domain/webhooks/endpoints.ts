import { randomUUID } from "node:crypto";
import { and, count, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { webhookDeliveries, webhookEndpoints } from "@/server/db/schema";
import type { Executor } from "@/server/db/client";
import { env } from "@/server/env";
import { EVENT_TYPES, TOPICS } from "@/server/events/catalog";
import { buildCloudEvent, writeEvents } from "@/server/events/outbox-writer";
import type { DomainContext } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE } from "./event-types";
import { validateEndpointUrl } from "./network-guard";
import { openWebhookSecret, sealWebhookSecret } from "./secrets";
import { generateWebhookSecret } from "./signing";

/** A user's webhook endpoints: the one place their rules live (tRPC and any other adapter call these). */

export const MAX_ENDPOINTS_PER_USER = 20;
/** After a rotation the old secret keeps signing this long, so receivers can switch without losing messages. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

const eventTypesInput = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: "is not an event type Cadence sends" }))
  .min(1, "choose at least one event type")
  .transform((types) => [...new Set(types)]);

export const webhookCreateInput = z
  .object({
    url: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
    description: z.string().trim().max(200, "must be at most 200 characters").default(""),
    eventTypes: eventTypesInput,
  })
  .strict();
export const webhookUpdateInput = z
  .object({
    id: z.uuid({ message: "must be a valid id" }),
    url: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters").optional(),
    description: z.string().trim().max(200, "must be at most 200 characters").optional(),
    eventTypes: eventTypesInput.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export const webhookIdInput = z.object({ id: z.uuid({ message: "must be a valid id" }) }).strict();
export const webhookDeliveriesInput = z
  .object({
    endpointId: z.uuid({ message: "must be a valid id" }),
    limit: z.number().int().min(1).max(100, "must be at most 100").default(25),
    /** The last delivery id of the previous page. */
    cursor: z.number().int().positive().optional(),
  })
  .strict();
export const webhookResendInput = z.object({ deliveryId: z.number().int().positive("must be a delivery id") }).strict();

export type WebhookCreateInput = z.input<typeof webhookCreateInput>;
export type WebhookUpdateInput = z.input<typeof webhookUpdateInput>;

export interface WebhookNetworkOptions {
  /** Defaults to WEBHOOKS_ALLOW_PRIVATE_NETWORKS. */
  allowPrivateNetworks?: boolean;
}

const allowPrivate = (options: WebhookNetworkOptions) => options.allowPrivateNetworks ?? env().WEBHOOKS_ALLOW_PRIVATE_NETWORKS;

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  retryAt: Date | null;
  /** Start of the secret's prefix, so the user can tell which secret a receiver holds. */
  secretHint: string;
  rotatingUntil: Date | null;
  createdAt: Date;
}

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  retryAt: webhookEndpoints.retryAt,
  secret: webhookEndpoints.secret,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  createdAt: webhookEndpoints.createdAt,
};

type EndpointRow = { [K in keyof typeof endpointColumns]: (typeof webhookEndpoints.$inferSelect)[K] };

function toView(row: EndpointRow, now: Date): WebhookEndpointView {
  const { secret, previousSecretExpiresAt, ...rest } = row;
  return {
    ...rest,
    secretHint: `${openWebhookSecret(row.id, secret).slice(0, 10)}…`,
    rotatingUntil: previousSecretExpiresAt && previousSecretExpiresAt > now ? previousSecretExpiresAt : null,
  };
}

async function ownedEndpoint(db: Executor, ctx: DomainContext, id: string): Promise<EndpointRow> {
  const [row] = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, ctx.userId)));
  if (!row) throw new NotFoundError("webhookEndpoint", id);
  return row;
}

/** The kick for the webhooks worker, committed with the delivery rows it should send. */
const queuedEvent = (endpointId: string) => ({ topic: TOPICS.webhooks, type: EVENT_TYPES.webhookQueued, subject: endpointId, data: { endpointId } });

/** Creates an endpoint; the returned `secret` is shown once and never returned again. */
export async function createWebhookEndpoint(ctx: DomainContext, rawInput: WebhookCreateInput, options: WebhookNetworkOptions = {}) {
  const input = webhookCreateInput.parse(rawInput);
  const url = validateEndpointUrl(input.url, allowPrivate(options));
  return ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, ctx.userId));
    if (n >= MAX_ENDPOINTS_PER_USER) throw new ValidationError("url", `at most ${MAX_ENDPOINTS_PER_USER} webhook endpoints per user`);
    const secret = generateWebhookSecret();
    const id = randomUUID(); // chosen here: the encrypted secret is bound to it
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ id, userId: ctx.userId, url, description: input.description, eventTypes: input.eventTypes, secret: sealWebhookSecret(id, secret), createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning(endpointColumns);
    return { endpoint: toView(row!, ctx.now()), secret };
  });
}

export async function listWebhookEndpoints(ctx: DomainContext): Promise<WebhookEndpointView[]> {
  const rows = await ctx.db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.userId, ctx.userId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map((row) => toView(row, ctx.now()));
}

/** Edits an endpoint; re-enabling it clears the failure state and sends what is still pending. */
export async function updateWebhookEndpoint(ctx: DomainContext, rawInput: WebhookUpdateInput, options: WebhookNetworkOptions = {}) {
  const input = webhookUpdateInput.parse(rawInput);
  const url = input.url === undefined ? undefined : validateEndpointUrl(input.url, allowPrivate(options));
  return ctx.db.transaction(async (tx) => {
    const current = await ownedEndpoint(tx, ctx, input.id);
    const reEnabled = input.enabled === true && !current.enabled;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        url,
        description: input.description,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        ...(reEnabled ? { disabledReason: null, failingSince: null, retryAt: null } : {}),
        ...(input.enabled === false && current.enabled ? { disabledReason: "Disabled by you" } : {}),
        updatedAt: ctx.now(),
      })
      .where(and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.userId, ctx.userId)))
      .returning(endpointColumns);
    if (reEnabled) await writeEvents(tx, ctx, [queuedEvent(input.id)]);
    return toView(row!, ctx.now());
  });
}

export async function deleteWebhookEndpoint(ctx: DomainContext, rawInput: z.input<typeof webhookIdInput>) {
  const { id } = webhookIdInput.parse(rawInput);
  const deleted = await ctx.db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, ctx.userId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) throw new NotFoundError("webhookEndpoint", id);
  return { id };
}

/**
 * New secret, shown once. The old one keeps signing beside it (two signatures per message) for
 * SECRET_ROTATION_OVERLAP_MS, so a receiver can switch without rejecting anything.
 */
export async function rotateWebhookSecret(ctx: DomainContext, rawInput: z.input<typeof webhookIdInput>) {
  const { id } = webhookIdInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await ownedEndpoint(tx, ctx, id);
    const secret = generateWebhookSecret();
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        secret: sealWebhookSecret(id, secret),
        previousSecret: current.secret, // still encrypted, bound to the same endpoint
        previousSecretExpiresAt: new Date(ctx.now().getTime() + SECRET_ROTATION_OVERLAP_MS),
        updatedAt: ctx.now(),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning(endpointColumns);
    return { endpoint: toView(row!, ctx.now()), secret };
  });
}

export interface WebhookDeliveryView {
  id: number;
  messageId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  responseStatus: number | null;
  latencyMs: number | null;
  responseSnippet: string | null;
  error: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  messageId: webhookDeliveries.messageId,
  eventType: webhookDeliveries.eventType,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  responseStatus: webhookDeliveries.responseStatus,
  latencyMs: webhookDeliveries.latencyMs,
  responseSnippet: webhookDeliveries.responseSnippet,
  error: webhookDeliveries.error,
  createdAt: webhookDeliveries.createdAt,
  deliveredAt: webhookDeliveries.deliveredAt,
};

/** The endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(ctx: DomainContext, rawInput: z.input<typeof webhookDeliveriesInput>) {
  const input = webhookDeliveriesInput.parse(rawInput);
  await ownedEndpoint(ctx.db, ctx, input.endpointId);
  const rows: WebhookDeliveryView[] = await ctx.db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, input.endpointId),
        eq(webhookDeliveries.userId, ctx.userId),
        input.cursor ? lt(webhookDeliveries.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** Queues the same message again (same `webhook-id`, so an idempotent receiver can tell) at the end of the line. */
export async function resendWebhookDelivery(ctx: DomainContext, rawInput: z.input<typeof webhookResendInput>) {
  const { deliveryId } = webhookResendInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [original] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.userId, ctx.userId)));
    if (!original) throw new NotFoundError("webhookDelivery", String(deliveryId));
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ endpointId: original.endpointId, userId: ctx.userId, messageId: original.messageId, eventType: original.eventType, payload: original.payload, createdAt: ctx.now() })
      .returning(deliveryColumns);
    await writeEvents(tx, ctx, [queuedEvent(original.endpointId)]);
    return row!;
  });
}

/** Queues a `cadence.webhook.test.v1` CloudEvent for this endpoint only, whatever types it subscribes to. */
export async function sendWebhookTest(ctx: DomainContext, rawInput: z.input<typeof webhookIdInput>) {
  const { id } = webhookIdInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const endpoint = await ownedEndpoint(tx, ctx, id);
    const event = buildCloudEvent(ctx, { topic: TOPICS.webhooks, type: EVENT_TYPES.webhookQueued, subject: id, data: null });
    const payload = { ...event, type: WEBHOOK_TEST_EVENT_TYPE, data: { endpointId: id, url: endpoint.url, message: "Test event from Cadence" } };
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ endpointId: id, userId: ctx.userId, messageId: payload.id, eventType: WEBHOOK_TEST_EVENT_TYPE, payload, createdAt: ctx.now() })
      .returning(deliveryColumns);
    await writeEvents(tx, ctx, [queuedEvent(id)]);
    return row!;
  });
}
