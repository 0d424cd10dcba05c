// Wire shapes of the Dapr sidecar HTTP API the double speaks (zod = source of truth).
import { z } from "zod";

/** A CloudEvent as it travels through the double: required fields plus anything else. */
export const cloudEventSchema = z.looseObject({
  specversion: z.string().min(1),
  id: z.string().min(1),
  type: z.string().min(1),
  source: z.string().min(1),
});
export type CloudEvent = z.infer<typeof cloudEventSchema> & Record<string, unknown>;

/** One entry of the app's `GET /dapr/subscribe` answer. */
export const subscriptionSchema = z.object({
  pubsubname: z.string(),
  topic: z.string(),
  route: z.string().optional(),
  routes: z
    .object({
      rules: z.array(z.object({ match: z.string(), path: z.string() })).optional(),
      default: z.string().optional(),
    })
    .optional(),
  deadLetterTopic: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  /** Alpha bulk subscribe: deliveries to this subscription's paths come as bulk envelopes. */
  bulkSubscribe: z
    .object({
      enabled: z.boolean(),
      maxMessagesCount: z.number().int().positive().optional(),
      maxAwaitDurationMs: z.number().int().min(0).optional(),
    })
    .optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
export const subscribeAnswerSchema = z.array(subscriptionSchema);

export const bulkPublishSchema = z.array(
  z.object({
    entryId: z.string().min(1),
    event: z.unknown(),
    contentType: z.string().min(1),
    metadata: z.record(z.string(), z.string()).optional(),
  }),
);

const failurePolicySchema = z
  .object({
    drop: z.object({}).loose().optional(),
    constant: z
      .object({ interval: z.string().optional(), maxRetries: z.number().int().min(0).optional() })
      .optional(),
  })
  .optional();

export const jobRequestSchema = z.object({
  data: z.unknown().optional(),
  dueTime: z.string().optional(),
  schedule: z.string().optional(),
  repeats: z.number().int().positive().optional(),
  ttl: z.string().optional(),
  overwrite: z.boolean().optional(),
  failure_policy: failurePolicySchema,
  failurePolicy: failurePolicySchema,
});
export type JobRequest = z.infer<typeof jobRequestSchema>;

export const stateSaveSchema = z.array(
  z.object({
    key: z.string().min(1),
    value: z.unknown(),
    etag: z.string().optional(),
    options: z
      .object({
        concurrency: z.enum(["first-write", "last-write"]).optional(),
        consistency: z.enum(["eventual", "strong"]).optional(),
      })
      .optional(),
    metadata: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
);

export interface AppRef {
  appId: string;
  appPort: number;
  /** Port of this app's own sidecar listener; 0/undefined = random. */
  sidecarPort?: number;
  /** Declarative subscriptions (daprd's Subscription resources scoped to this app), read before `/dapr/subscribe`. */
  declared?: Subscription[];
}

export interface Resiliency {
  /** Retries after the first attempt; -1 = without limit (dapr-components/resiliency.yaml). */
  maxRetries: number;
  initialIntervalMs: number;
  maxIntervalMs: number;
}

export interface PublishedMessage {
  seq: number;
  pubsubname: string;
  topic: string;
  partitionKey?: string;
  event: CloudEvent;
  publishedAt: number;
}

export type DeliveryOutcome =
  | "success"
  | "retry" // app asked for RETRY (or an unknown status value)
  | "drop" // app answered DROP
  | "not-found" // 404: dead-lettered (if the subscription has a topic for it) when single, dropped when bulk
  | "error" // other status code, timeout, reset → retried
  | "unreachable" // connection refused: a failed attempt, as daprd counts it (an app never started is waited for)
  | "no-route"; // no rule matched and no default → dead-lettered when the subscription has a dead-letter topic

export interface DeliveryRecord {
  appId: string;
  topic: string;
  path: string;
  eventId: string;
  partitionKey?: string;
  attempt: number;
  outcome: DeliveryOutcome;
  status?: number;
  /** The bulk envelope's `id` when the attempt was an entry of a bulk delivery. */
  bulkId?: string;
  at: number;
}

export interface DeadLetterRecord {
  appId: string;
  /** The topic the message failed on. */
  topic: string;
  deadLetterTopic: string;
  event: CloudEvent;
  reason: "drop" | "retries-exhausted" | "no-route";
  at: number;
}

/** Error body in daprd's format. */
export interface DaprError {
  errorCode: string;
  message: string;
}
