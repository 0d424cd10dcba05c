import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { errorChain } from "@/server/db/error-chain";
import { ConflictError, DomainError, LimitError, NotFoundError, ValidationError } from "@/server/domain/errors";
import { RateLimitedError } from "@/server/limits/rate-limit";

/** Structured details the client gets with an error, beside the message. */
export interface ErrorDetails {
  field?: string;
  reason?: string;
  example?: string;
  limit?: string;
  /** For TOO_MANY_REQUESTS: seconds until the next window (also sent as Retry-After). */
  retryAfterSeconds?: number;
  /** For CONFLICT on a stale edit: the task as it is now. */
  current?: unknown;
}

const PG_CONFLICT = "23505";
const PG_CHECK = "23514";
const PG_FOREIGN_KEY = "23503";
const PG_INVALID_INPUT = new Set(["22001", "22P02", "22007", "22008", "23502", PG_FOREIGN_KEY]);
/** Every table's owner column references users under this naming (drizzle's `<table>_user_id_users_id_fk`). */
const OWNER_FOREIGN_KEY = /_user_id_users_id_fk$/;

function pgCodeOf(error: unknown): { code?: string; constraint?: string } {
  for (const candidate of errorChain(error)) {
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
  }
  return {};
}

/**
 * The one place domain and database errors become tRPC errors. Bad input is never a 500:
 * database constraint violations that slipped past validation become BAD_REQUEST / CONFLICT.
 */
export function toTRPCError(error: unknown): TRPCError | undefined {
  if (error instanceof TRPCError) return error.cause ? (toTRPCError(error.cause) ?? error) : error;
  if (error instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: error.issues[0]?.message ?? "Invalid input", cause: error });
  if (error instanceof RateLimitedError) return new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
  if (error instanceof NotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof ConflictError) return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  if (error instanceof ValidationError || error instanceof LimitError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  if (error instanceof DomainError) return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  const { code, constraint } = pgCodeOf(error);
  if (code === PG_CONFLICT) return new TRPCError({ code: "CONFLICT", message: "already exists", cause: error });
  if (code === PG_CHECK) {
    const limit = constraint?.endsWith("_limit");
    return new TRPCError({
      code: "BAD_REQUEST",
      message: limit ? `Limit reached (${constraint})` : `Invalid value (${constraint ?? "check failed"})`,
      cause: error,
    });
  }
  // A session cached in the cookie (≤ 1 min) can outlive its deleted account: the write finds no owner.
  if (code === PG_FOREIGN_KEY && constraint && OWNER_FOREIGN_KEY.test(constraint)) {
    return new TRPCError({ code: "UNAUTHORIZED", message: "This account no longer exists; sign in again", cause: error });
  }
  if (code && PG_INVALID_INPUT.has(code)) return new TRPCError({ code: "BAD_REQUEST", message: "Invalid value", cause: error });
  return undefined;
}

export function errorDetails(cause: unknown): ErrorDetails | undefined {
  if (cause instanceof ValidationError) return { field: cause.field, reason: cause.reason, example: cause.example };
  if (cause instanceof LimitError) return { limit: cause.limit, reason: cause.message };
  if (cause instanceof RateLimitedError) return { limit: cause.kind, reason: cause.message, retryAfterSeconds: cause.retryAfterSeconds };
  if (cause instanceof ConflictError) return { reason: cause.message, current: cause.current };
  if (cause instanceof NotFoundError) return { field: cause.entity, reason: cause.message };
  return undefined;
}
