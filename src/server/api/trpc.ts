import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { createDomainContext } from "@/server/domain/context";
import { consumeRateLimit } from "@/server/limits/rate-limit";
import { appMetrics } from "@/server/metrics";
import type { InnerContext } from "./context";
import { errorDetails, toTRPCError } from "./errors";
import { apiTransformer } from "./transformer";

const t = initTRPC.context<InnerContext>().create({
  transformer: apiTransformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level reasons only for bad input; other errors carry their domain details.
        zodError: error.code === "BAD_REQUEST" && cause instanceof ZodError ? cause.flatten() : null,
        details: errorDetails(cause) ?? null,
      },
    };
  },
});

/** Maps domain and database errors once, for every procedure. */
const mapErrors = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (mapped) throw mapped;
    ctx.log?.error({ err: result.error.cause ?? result.error }, "unhandled error in procedure");
  }
  return result;
});

/** Latency and outcome of every procedure call, for the API dashboard and the p95 alert. */
const timed = t.middleware(async ({ path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const metrics = appMetrics();
  metrics.trpcDuration.observe({ procedure: path, type }, (performance.now() - started) / 1000);
  metrics.trpcRequests.inc({ procedure: path, type, code: result.ok ? "OK" : result.error.code });
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(timed).use(mapErrors);

/** Narrows ctx.user to the signed-in user and hands procedures a domain context scoped to them. */
const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const domain = createDomainContext({
    db: ctx.db,
    userId: ctx.user.id,
    timeZone: ctx.user.timeZone,
    now: ctx.now,
    correlationId: ctx.correlationId,
  });
  return next({ ctx: { ...ctx, user: ctx.user, domain } });
});

/** Every change a signed-in user makes counts against their writes-per-minute limit. */
const limitWrites = t.middleware(async ({ ctx, type, next }) => {
  if (type === "mutation" && ctx.user && ctx.rateLimits) {
    await consumeRateLimit(ctx.db, { kind: "writes", subject: ctx.user.id, limit: ctx.rateLimits.writesPerMinute, now: ctx.now() });
  }
  return next();
});

export const protectedProcedure = signedInProcedure.use(limitWrites);

/** Assistant turns (which may run an LLM) also count against the tighter assistant limit. */
export const assistantProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (ctx.rateLimits) {
    await consumeRateLimit(ctx.db, { kind: "assistant", subject: ctx.user.id, limit: ctx.rateLimits.assistantPerMinute, now: ctx.now() });
  }
  return next();
});
