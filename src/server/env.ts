import { z } from "zod";

/** Every process (app, workers, scripts) validates its configuration with this one schema. */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const port = z.coerce.number().int().min(1).max(65_535);
const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalPort = z.preprocess(emptyAsUnset, port.optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  /** Interface to listen on. Unset: the app listens on every interface, a worker only on 127.0.0.1 (its sidecar). */
  HOST: optionalString,
  DATA_DIR: z.string().default("./.data"),
  DATABASE_URL: optionalString.pipe(z.url({ message: "must be a postgres:// URL" }).optional()),
  BETTER_AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  BETTER_AUTH_URL: optionalString.pipe(z.url().optional()),
  DAPR_HTTP_PORT: optionalPort,
  DAPR_API_TOKEN: optionalString,
  APP_API_TOKEN: optionalString,
  DAPR_PUBSUB_NAME: z.string().default("pubsub"),
  DAPR_STATE_STORE: z.string().default("statestore"),
  /** Who tells daprd what to subscribe to: the app's `GET /dapr/subscribe` or the Subscription YAML files. */
  DAPR_SUBSCRIPTIONS: z.preprocess(
    emptyAsUnset,
    z
      .enum(["programmatic", "declarative"], { message: 'must be "programmatic" or "declarative"' })
      .default("programmatic"),
  ),
  PUSHER_APP_ID: optionalString,
  PUSHER_KEY: optionalString,
  PUSHER_SECRET: optionalString,
  PUSHER_HOST: optionalString,
  PUSHER_PORT: optionalPort,
  PUSHER_CLUSTER: optionalString,
  PUSHER_USE_TLS: optionalString.pipe(z.enum(["true", "false"]).optional()),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: optionalString,
  /** Development only: lets webhooks reach private / loopback addresses (and plain http:// on loopback). */
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.preprocess(
    emptyAsUnset,
    z.enum(["true", "false"], { message: 'must be "true" or "false"' }).default("false").transform((value) => value === "true"),
  ),
  /** "true" when a TLS-terminating proxy sets X-Forwarded-Proto: enables HSTS and upgrade-insecure-requests. */
  TRUST_PROXY: optionalString.pipe(z.enum(["true", "false"], { message: 'must be "true" or "false"' }).optional()),
  /** Comma-separated extra origins whose pages may call the API with the session cookie. */
  TRUSTED_ORIGINS: optionalString,
  /** Requests per minute per user (writes, assistant) and per API token (MCP); 0 turns the limit off. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(300)),
  RATE_LIMIT_ASSISTANT_PER_MINUTE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(20)),
  RATE_LIMIT_MCP_PER_MINUTE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(120)),
  /** Sign-ups per minute per client address (a test run signs up many people from one loopback address). */
  RATE_LIMIT_SIGN_UPS_PER_MINUTE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(30)),
  /** Also write the JSON logs to this file (tests grep it for leaked secrets). */
  LOG_FILE: optionalString,
  /** Web Push (VAPID) key pair, base64url; generated into DATA_DIR in the embedded default, required for push with DATABASE_URL. */
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
  VAPID_SUBJECT: optionalString.pipe(z.string().regex(/^(mailto:|https:\/\/)/, "must start with mailto: or https://").optional()),
  /** Accept http:// push endpoints on loopback (a local push service such as the tests' double). */
  PUSH_ALLOW_HTTP_LOOPBACK: z.preprocess(
    emptyAsUnset,
    z.enum(["true", "false"], { message: 'must be "true" or "false"' }).default("false").transform((value) => value === "true"),
  ),
  /**
   * 32 bytes (base64) that encrypt secrets at rest, such as webhook signing secrets. Required with DATABASE_URL
   * (every process must hold the same key); generated into DATA_DIR/encryption.key in the embedded default.
   */
  CADENCE_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((value) => Buffer.from(value.trim(), "base64").length === 32, "must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)")
      .optional(),
  ),
  /**
   * App processes serving HTTP behind the one port (node:cluster), PostgreSQL mode in production only; a separate
   * process then runs the relay and workers. Unset: one per core, or 1 with Dapr. 1: everything in one process
   * (always so with the embedded PGlite).
   */
  WEB_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(64).optional()),
  /** Database connections per app process (PostgreSQL). */
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(2).max(200).default(20)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses configuration; a bad value names its variable so start-up can stop with one clear message. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? "is invalid"}`);
  }
  const env = result.data;
  const pusherParts = [env.PUSHER_APP_ID, env.PUSHER_KEY, env.PUSHER_SECRET];
  if (pusherParts.some(Boolean) && !pusherParts.every(Boolean)) {
    throw new ConfigError("Invalid configuration: PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET must be set together");
  }
  for (const origin of trustedOriginList(env)) {
    if (!URL.canParse(origin)) throw new ConfigError(`Invalid configuration: TRUSTED_ORIGINS entry "${origin}" is not a URL`);
  }
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    throw new ConfigError("Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together");
  }
  return env;
}

export const trustedOriginList = (env: Pick<Env, "TRUSTED_ORIGINS">): string[] =>
  (env.TRUSTED_ORIGINS ?? "").split(",").map((origin) => origin.trim()).filter(Boolean);

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
