import { z } from "zod";
import { listDevices, pushPublicKey, pushRemoveInput, pushSubscribeInput, removeDevice, removeDeviceByEndpoint, subscribePush } from "@/server/domain/push/subscriptions";
import { env } from "@/server/env";
import { protectedProcedure, router } from "../trpc";

export const pushRouter = router({
  /** The VAPID public key browsers subscribe with; null when push is not configured on this server. */
  publicKey: protectedProcedure.input(z.void()).query(() => pushPublicKey(env())),
  devices: protectedProcedure.input(z.void()).query(({ ctx }) => listDevices(ctx.domain)),
  subscribe: protectedProcedure
    .input(pushSubscribeInput)
    .mutation(({ ctx, input }) => subscribePush(ctx.domain, input, { allowHttpLoopback: env().PUSH_ALLOW_HTTP_LOOPBACK })),
  remove: protectedProcedure.input(pushRemoveInput).mutation(({ ctx, input }) => removeDevice(ctx.domain, input)),
  /** This browser turned notifications off: forget its endpoint (a no-op when it was never registered). */
  forgetEndpoint: protectedProcedure
    .input(z.object({ endpoint: z.string().max(2000) }).strict())
    .mutation(({ ctx, input }) => removeDeviceByEndpoint(ctx.domain, input.endpoint)),
});
