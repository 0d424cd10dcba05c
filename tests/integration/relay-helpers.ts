// Shared by the relay and dapr-host tests: outbox inserts, a controllable transport, a wait-for helper.
import { randomUUID } from "node:crypto";
import pino from "pino";
import type { DatabaseHandle } from "@/server/db/client";
import { outbox } from "@/server/db/schema";
import type { CloudEvent } from "@/server/events/catalog";
import type { EventTransport } from "@/server/events/transport";

export const silentLog = pino({ level: "silent" });

export function makeEvent(userId: string, type = "cadence.task.updated.v1", data: unknown = {}): CloudEvent {
  return { specversion: "1.0", id: randomUUID(), source: "/cadence/test", type, subject: "task-1", userid: userId, data };
}

/** Inserts events the way the domain does (one statement per call, committed), returning them in order. */
export async function insertEvents(handle: DatabaseHandle, topic: string, events: CloudEvent[]): Promise<CloudEvent[]> {
  await handle.db.insert(outbox).values(
    events.map((event) => ({
      eventId: event.id,
      topic,
      partitionKey: event.userid ?? "anonymous",
      event: event as unknown as Record<string, unknown>,
    })),
  );
  return events;
}

export interface RecordingTransport extends EventTransport {
  sent: { topic: string; event: CloudEvent; partitionKey: string }[];
  down: boolean;
}

/** Accepts events unless `down`; yields to the event loop first so concurrent relays really interleave. */
export function recordingTransport(): RecordingTransport {
  const transport: RecordingTransport = {
    kind: "embedded",
    sent: [],
    down: false,
    async publish(topic, event, partitionKey) {
      await new Promise((resolve) => setImmediate(resolve));
      if (transport.down) throw new Error("transport unavailable");
      transport.sent.push({ topic, event, partitionKey });
    },
  };
  return transport;
}

/** Polls a condition until it holds; fails with the last observed value instead of timing anything. */
export async function waitFor<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = await probe();
  }
  return last;
}

export function idsByKey(sent: { event: CloudEvent; partitionKey: string }[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const { event, partitionKey } of sent) result.set(partitionKey, [...(result.get(partitionKey) ?? []), event.id]);
  return result;
}
