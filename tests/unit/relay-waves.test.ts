import { describe, expect, it } from "vitest";
import { publishInWaves, type ClaimedRow } from "@/server/events/relay-publish";
import type { BatchResult, EventTransport, TransportEntry } from "@/server/events/transport";

let nextId = 1;
const row = (topic: string, user: string): ClaimedRow => {
  const id = nextId++;
  const event = { specversion: "1.0", id: `event-${id}`, source: "/test", type: "cadence.task.updated.v1", userid: user, data: {} };
  return { id, eventId: event.id, topic, partitionKey: user, event, attempts: 0 };
};

/** A bulk transport (the Dapr path) that records each call and lets a test hold a call until another starts. */
function bulkTransport(options: { holdUntilStarted?: { topic: string; waitFor: string }; failIds?: Set<number> } = {}) {
  const calls: { topic: string; ids: number[] }[] = [];
  const started = new Map<string, () => void>();
  const startedSignal = new Map<string, Promise<void>>();
  const signalFor = (topic: string) => {
    if (!startedSignal.has(topic)) startedSignal.set(topic, new Promise<void>((resolve) => started.set(topic, resolve)));
    return startedSignal.get(topic)!;
  };
  /** One call on `topic` (a bulk call, or a single publish for a wave's only row on that topic). */
  async function call(topic: string, ids: number[]): Promise<number[]> {
    calls.push({ topic, ids });
    void signalFor(topic);
    started.get(topic)?.();
    const hold = options.holdUntilStarted;
    if (hold?.topic === topic) {
      // Guards against a deadlock (the held call's partner never starting); it measures nothing.
      const guard = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${hold.waitFor} was not published alongside ${topic}`)), 5_000));
      await Promise.race([signalFor(hold.waitFor), guard]);
    }
    await new Promise((resolve) => setImmediate(resolve));
    return ids.filter((id) => options.failIds?.has(id));
  }
  const transport: EventTransport = {
    kind: "dapr",
    async publish(topic, event) {
      const failed = await call(topic, [Number(String(event.id).replace("event-", ""))]);
      if (failed.length > 0) throw new Error("refused");
    },
    async publishBatch(topic: string, entries: TransportEntry[]): Promise<BatchResult> {
      const failed = await call(topic, entries.map((entry) => Number(entry.entryId)));
      return { failed: failed.map((id) => ({ entryId: String(id), error: "refused" })) };
    },
  };
  return { transport, calls };
}

describe("relay waves on a bulk transport (Dapr)", () => {
  it("publishes one change's events on two topics together, not one after the other", async () => {
    const task = row("task-events", "user-a");
    const reminder = row("reminders", "user-a");
    const { transport, calls } = bulkTransport({ holdUntilStarted: { topic: "task-events", waitFor: "reminders" } });
    const outcome = await publishInWaves(transport, [task, reminder], Date.now() + 60_000);
    expect(outcome.failed).toEqual([]);
    expect(outcome.published.map((r) => r.id).sort()).toEqual([task.id, reminder.id].sort());
    expect(calls.map((call) => call.topic).sort()).toEqual(["reminders", "task-events"]);
  });

  it("keeps one user's events on one topic in commit order, one per call, while other users go in the same calls", async () => {
    const a1 = row("task-events", "user-a");
    const b1 = row("task-events", "user-b");
    const a2 = row("task-events", "user-a");
    const a3 = row("task-events", "user-a");
    const { transport, calls } = bulkTransport();
    await publishInWaves(transport, [a1, b1, a2, a3], Date.now() + 60_000);
    expect(calls.map((call) => call.ids)).toEqual([[a1.id, b1.id], [a2.id], [a3.id]]);
  });

  it("holds back a user's later events on the topic that failed, and only there", async () => {
    const failedTask = row("task-events", "user-a");
    const laterTask = row("task-events", "user-a");
    const reminder = row("reminders", "user-a");
    const laterReminder = row("reminders", "user-a");
    const { transport } = bulkTransport({ failIds: new Set([failedTask.id]) });
    const outcome = await publishInWaves(transport, [failedTask, laterTask, reminder, laterReminder], Date.now() + 60_000);
    expect(outcome.failed.map((failure) => failure.row.id)).toEqual([failedTask.id]);
    expect(outcome.released.map((r) => r.id)).toEqual([laterTask.id]);
    expect(outcome.published.map((r) => r.id)).toEqual([reminder.id, laterReminder.id]);
  });
});
