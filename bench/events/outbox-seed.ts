import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@/server/db/client";
import { outbox } from "@/server/db/schema";
import { EVENT_TYPES, TOPICS, type CloudEvent, type TaskEventData } from "@/server/events/catalog";

/** A realistic task.updated CloudEvent (full task state, like the domain writes), so payload sizes are honest. */
function taskUpdatedEvent(userId: string, seq: number): CloudEvent<TaskEventData> {
  const taskId = randomUUID();
  const now = new Date().toISOString();
  return {
    specversion: "1.0",
    id: randomUUID(),
    source: "cadence/bench",
    type: EVENT_TYPES.taskUpdated,
    subject: taskId,
    time: now,
    datacontenttype: "application/json",
    userid: userId,
    correlationid: randomUUID(),
    data: {
      task: {
        id: taskId,
        userId,
        version: 2,
        title: `Benchmark task ${seq}`,
        description: "Relayed by the event benchmark",
        priority: "medium",
        dueAt: now,
        allDay: false,
        completed: false,
        completedAt: null,
        categoryId: null,
        tagIds: [],
        recurrenceRule: null,
        recurrenceBasis: "due",
        seriesId: null,
        occurrenceIndex: 0,
        deletedAt: null,
      },
      changed: ["title"],
    },
  };
}

/**
 * Writes `count` unpublished task-events rows, round-robin over the users (as many users acting at once would),
 * in multi-row statements. Not timed: the relay is not running yet.
 */
export async function seedOutbox(handle: DatabaseHandle, userIds: readonly string[], count: number, topic: string = TOPICS.taskEvents): Promise<void> {
  const CHUNK = 1_000;
  for (let start = 0; start < count; start += CHUNK) {
    const rows = [];
    for (let seq = start; seq < Math.min(count, start + CHUNK); seq++) {
      const userId = userIds[seq % userIds.length]!;
      const event = taskUpdatedEvent(userId, seq);
      rows.push({ eventId: event.id, topic, partitionKey: userId, event: event as unknown as Record<string, unknown> });
    }
    await handle.db.insert(outbox).values(rows);
  }
}
