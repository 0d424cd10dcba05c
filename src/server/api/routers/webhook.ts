import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhookEndpoint,
  webhookCreateInput,
  webhookDeliveriesInput,
  webhookIdInput,
  webhookResendInput,
  webhookUpdateInput,
} from "@/server/domain/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/server/domain/webhooks/event-types";
import { protectedProcedure, router } from "../trpc";

/** Outgoing webhooks: `create` and `rotateSecret` are the only calls that ever return a secret. */
export const webhookRouter = router({
  eventTypes: protectedProcedure.query(() => [...WEBHOOK_EVENT_TYPES]),
  create: protectedProcedure.input(webhookCreateInput).mutation(({ ctx, input }) => createWebhookEndpoint(ctx.domain, input)),
  list: protectedProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.domain)),
  update: protectedProcedure.input(webhookUpdateInput).mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.domain, input)),
  delete: protectedProcedure.input(webhookIdInput).mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.domain, input)),
  rotateSecret: protectedProcedure.input(webhookIdInput).mutation(({ ctx, input }) => rotateWebhookSecret(ctx.domain, input)),
  deliveries: protectedProcedure.input(webhookDeliveriesInput).query(({ ctx, input }) => listWebhookDeliveries(ctx.domain, input)),
  resend: protectedProcedure.input(webhookResendInput).mutation(({ ctx, input }) => resendWebhookDelivery(ctx.domain, input)),
  sendTest: protectedProcedure.input(webhookIdInput).mutation(({ ctx, input }) => sendWebhookTest(ctx.domain, input)),
});
