// Shared by the worker tests: services for handlers, outbox reads, CloudEvents as the relay would deliver them.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc } from "drizzle-orm";
import type { DatabaseHandle } from "@/server/db/client";
import { outbox } from "@/server/db/schema";
import type { CloudEvent } from "@/server/events/catalog";
import { parseEnv, type Env } from "@/server/env";
import type { EventSubscription, WorkerDefinition, WorkerServices } from "@/server/events/worker-types";
import { silentLog } from "./relay-helpers";

export { waitFor } from "./relay-helpers";

export function workerServices(handle: DatabaseHandle, env: Partial<Record<keyof Env, string>> = {}): WorkerServices {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cadence-worker-test-"));
  return { env: parseEnv({ DATA_DIR: dataDir, ...env }), db: handle, log: silentLog };
}

/** Outbox rows as the CloudEvents the relay would deliver, oldest first. */
export async function outboxEvents(handle: DatabaseHandle, filter: { type?: string; subject?: string } = {}): Promise<CloudEvent[]> {
  const rows = await handle.db.select({ event: outbox.event }).from(outbox).orderBy(asc(outbox.id));
  return rows
    .map((row) => row.event as unknown as CloudEvent)
    .filter((event) => (!filter.type || event.type === filter.type) && (!filter.subject || event.subject === filter.subject));
}

/** The newest outbox event of a type about a subject; fails the test when there is none. */
export async function lastEvent(handle: DatabaseHandle, type: string, subject: string): Promise<CloudEvent> {
  const events = await outboxEvents(handle, { type, subject });
  const event = events[events.length - 1];
  if (!event) throw new Error(`no ${type} event for ${subject} in the outbox`);
  return structuredClone(event);
}

export function subscription(worker: WorkerDefinition, name: string): EventSubscription {
  const found = worker.subscriptions.find((s) => s.name === name);
  if (!found) throw new Error(`worker ${worker.name} has no subscription ${name}`);
  return found;
}

/** Delivers an event the way a transport does: only if the subscription wants its type. */
export async function deliver(sub: EventSubscription, event: CloudEvent, services: WorkerServices) {
  if (sub.types && !sub.types.includes(event.type)) throw new Error(`${sub.name} does not take ${event.type}`);
  return sub.handle(structuredClone(event), services);
}

