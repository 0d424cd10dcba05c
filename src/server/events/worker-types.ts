import type { Logger } from "pino";
import type { DatabaseHandle } from "@/server/db/client";
import type { Env } from "@/server/env";
import type { CloudEvent } from "./catalog";

/**
 * The contract between workers and the two ways of running them:
 * in-process on the embedded transport, or as a standalone HTTP app subscribed through a Dapr sidecar.
 */
export type HandlerOutcome = "success" | "retry" | "drop";

export interface WorkerServices {
  env: Env;
  db: DatabaseHandle;
  log: Logger;
}

export interface EventSubscription {
  /** Unique within the worker; becomes the Dapr route `/events/<worker>/<name>`. */
  name: string;
  topic: string;
  /** CloudEvent types this subscription wants; others on the topic are acknowledged untouched. */
  types?: readonly string[];
  /** Returning nothing means success; throwing means retry (the transport retries, then dead-letters). */
  handle(event: CloudEvent, services: WorkerServices): Promise<HandlerOutcome | void>;
}

/** A Jobs API callback (`POST /job/<name>`) or an embedded timer firing. */
export interface JobHandler {
  /** Job names this handler owns, by prefix, e.g. "reminder-". */
  prefix: string;
  handle(jobName: string, data: unknown, services: WorkerServices): Promise<HandlerOutcome | void>;
}

export interface WorkerDefinition {
  name: string;
  subscriptions: readonly EventSubscription[];
  jobs?: readonly JobHandler[];
  /** Background work of the worker (e.g. periodic reconciliation); returns a stop function. */
  start?(services: WorkerServices): Promise<() => Promise<void>>;
}
