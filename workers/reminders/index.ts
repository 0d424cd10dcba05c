import { asBackground } from "@/server/db/priority";
import { fireReminder, reminderWakeUp } from "@/server/domain/reminders";
import { EVENT_TYPES, reminderEventDataSchema, TOPICS } from "@/server/events/catalog";
import { errorText } from "@/server/events/error-text";
import type { EventSubscription, JobHandler, WorkerDefinition, WorkerServices } from "@/server/events/worker-types";
import { createDaprJobsScheduler } from "./dapr-jobs";
import { createDurableTimerScheduler } from "./durable-timer";
import { REMINDER_JOB_PREFIX, reminderIdOfJob, type ReminderScheduler } from "./scheduler";
import { workerMetrics } from "@workers/host/metrics";

export { createDaprJobsScheduler } from "./dapr-jobs";
export { createDurableTimerScheduler } from "./durable-timer";
export { reminderJobName, REMINDER_JOB_PREFIX, type ReminderScheduler } from "./scheduler";

export interface RemindersWorkerOptions {
  /** How often every pending reminder is re-armed from the rows (a lost job or timer loses nothing). */
  reconcileIntervalMs?: number;
  /** Which wake-up to use; default: Dapr Jobs API when DAPR_HTTP_PORT is set, else the embedded durable timer. */
  scheduler?: (services: WorkerServices) => ReminderScheduler;
}

const DEFAULT_RECONCILE_MS = 60_000;

export function defaultReminderScheduler(services: WorkerServices): ReminderScheduler {
  const { env, db, log } = services;
  return env.DAPR_HTTP_PORT
    ? createDaprJobsScheduler({ db: db.db, log, daprHttpPort: env.DAPR_HTTP_PORT, daprApiToken: env.DAPR_API_TOKEN })
    : createDurableTimerScheduler({ db: db.db, log });
}

/**
 * Keeps exactly one wake-up per pending reminder and turns a wake-up into `reminder.due` (domain `fireReminder`).
 * Schedule/cancel events move the wake-ups; periodic reconciliation rebuilds them from the table.
 */
export function createRemindersWorker(options: RemindersWorkerOptions = {}): WorkerDefinition {
  let scheduler: ReminderScheduler | undefined;
  // Deliveries and job callbacks can arrive before start() (the host serves first), so it is built on first use.
  const schedulerFor = (services: WorkerServices) => (scheduler ??= (options.scheduler ?? defaultReminderScheduler)(services));

  const changes: EventSubscription = {
    name: "reminder-changes",
    topic: TOPICS.reminders,
    types: [EVENT_TYPES.reminderScheduled, EVENT_TYPES.reminderCancelled],
    async handle(event, services) {
      const parsed = reminderEventDataSchema.safeParse(event.data);
      if (!parsed.success) return "drop";
      // The event may be stale (the task changed again since): the row decides.
      const wakeUp = await reminderWakeUp(services.db.db, parsed.data.reminderId);
      if (wakeUp) await schedulerFor(services).schedule(wakeUp.id, wakeUp.remindAt);
      else await schedulerFor(services).cancel(parsed.data.reminderId);
      return "success";
    },
  };

  /** `POST /job/reminder-<id>` from the sidecar. A repeated trigger finds the reminder already fired: a no-op. */
  const reminderJob: JobHandler = {
    prefix: REMINDER_JOB_PREFIX,
    async handle(jobName, data, services) {
      const reminderId = reminderIdOfJob(jobName, data);
      if (!reminderId) {
        services.log.warn({ jobName }, "reminder job without a reminder id; dropped");
        return "drop";
      }
      const result = await fireReminder(services.db.db, reminderId);
      if (result.status === "fired") workerMetrics().reminderLateness.observe(Math.max(0, Date.now() - result.remindAt.getTime()) / 1000);
      // Woken early or by a stale job after the reminder moved later: keep its real wake-up armed.
      if (result.status === "not-due") await schedulerFor(services).schedule(reminderId, result.remindAt);
      services.log.info({ reminderId, result: result.status }, "reminder job handled");
      return "success";
    },
  };

  return {
    name: "reminders",
    subscriptions: [changes],
    jobs: [reminderJob],
    async start(services) {
      const active = schedulerFor(services);
      let busy = false;
      const reconcile = async () => {
        if (busy) return; // a slow round (many jobs to re-arm) is not stacked on
        busy = true;
        try {
          await active.reconcile();
        } catch (cause) {
          services.log.warn({ error: errorText(cause) }, "reminder reconciliation failed; next round will retry");
        } finally {
          busy = false;
        }
      };
      // At start this also fires, once, whatever fell due while the app was down.
      await reconcile();
      const interval = setInterval(() => void asBackground(reconcile), options.reconcileIntervalMs ?? DEFAULT_RECONCILE_MS);
      interval.unref();
      return async () => {
        clearInterval(interval);
        await active.stop();
        scheduler = undefined;
      };
    },
  };
}

export const remindersWorker = createRemindersWorker();
export default remindersWorker;
