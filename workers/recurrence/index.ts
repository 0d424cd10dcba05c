import { contextForUser, createNextOccurrence } from "@/server/domain/recurrence-series";
import { EVENT_TYPES, TOPICS, taskEventDataSchema } from "@/server/events/catalog";
import { processOnce } from "@/server/events/consumer";
import type { EventSubscription, WorkerDefinition } from "@/server/events/worker-types";
import { workerMetrics } from "@workers/host/metrics";

export const RECURRENCE_SOURCE = "cadence/recurrence";

/** On task.completed of a recurring task: create the series' next occurrence (once, however often delivered). */
const taskCompleted: EventSubscription = {
  name: "task-completed",
  topic: TOPICS.taskEvents,
  types: [EVENT_TYPES.taskCompleted],
  async handle(event, { db, log }) {
    const parsed = taskEventDataSchema.safeParse(event.data);
    if (!parsed.success) {
      log.warn({ eventId: event.id }, "task.completed without a valid task state; dropped");
      return "drop";
    }
    const { task } = parsed.data;
    if (!task.recurrenceRule) return "success";
    const { duplicate, result } = await processOnce(db.db, "recurrence/task-completed", event.id, async (tx) => {
      const ctx = await contextForUser(tx, task.userId, { source: RECURRENCE_SOURCE, correlationId: event.correlationid });
      return ctx ? createNextOccurrence(ctx, task) : ({ status: "skipped", reason: "user-gone" } as const);
    });
    if (duplicate) log.debug({ taskId: task.id }, "repeated task.completed ignored");
    else if (result?.status === "created") {
      log.info({ taskId: task.id, next: result.task.id, dueAt: result.task.dueAt }, "next occurrence created");
      const completedAt = event.time ? Date.parse(event.time) : Number.NaN;
      if (Number.isFinite(completedAt)) workerMetrics().recurrenceLatency.observe(Math.max(0, Date.now() - completedAt) / 1000);
    }
    else log.debug({ taskId: task.id, result }, "no next occurrence created");
    return "success";
  },
};

export const recurrenceWorker: WorkerDefinition = {
  name: "recurrence",
  subscriptions: [taskCompleted],
};

export default recurrenceWorker;
