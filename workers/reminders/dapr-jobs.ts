import type { Logger } from "pino";
import type { Executor } from "@/server/db/client";
import { errorText } from "@/server/events/error-text";
import { fireReminder, unfiredReminders, type ReminderWakeUp } from "@/server/domain/reminders";
import { reminderJobName, type ReminderScheduler } from "./scheduler";

export interface DaprJobsSchedulerOptions {
  db: Executor;
  log: Logger;
  daprHttpPort: number;
  daprApiToken?: string;
  /** Injected in tests. */
  now?: () => Date;
  fetch?: typeof fetch;
}

const RECONCILE_PAGE = 200;

/**
 * One Dapr Jobs API job per pending reminder (`reminder-<id>`, one-shot at the remind time, overwrite on
 * reschedule); the sidecar calls `POST /job/reminder-<id>` back on this app. Plain HTTP with status checks,
 * because the SDK's job calls can resolve on a failed answer.
 */
export function createDaprJobsScheduler(options: DaprJobsSchedulerOptions): ReminderScheduler {
  const base = `http://127.0.0.1:${options.daprHttpPort}/v1.0-alpha1/jobs/`;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.daprApiToken) headers["dapr-api-token"] = options.daprApiToken;

  async function call(method: "POST" | "DELETE", reminderId: string, body?: unknown): Promise<Response> {
    const url = base + encodeURIComponent(reminderJobName(reminderId));
    return doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  }

  async function schedule(reminderId: string, remindAt: Date) {
    // Already due (set for a moment ago, or its event arrived late): fire it here, as reconcile does, rather than
    // rely on how the Scheduler treats a due time in the past.
    if (remindAt.getTime() <= now().getTime()) {
      await fireReminder(options.db, reminderId, { now: now() });
      return;
    }
    const response = await call("POST", reminderId, {
      data: { reminderId },
      dueTime: remindAt.toISOString(),
      repeats: 1,
      overwrite: true,
    });
    if (!response.ok) {
      throw new Error(`Dapr refused job ${reminderJobName(reminderId)}: ${response.status} ${await response.text().catch(() => "")}`);
    }
  }

  async function cancel(reminderId: string) {
    try {
      const response = await call("DELETE", reminderId);
      // Best effort: a left-over job only wakes up to find the reminder no longer pending.
      if (!response.ok) options.log.warn({ reminderId, status: response.status }, "could not delete reminder job");
    } catch (cause) {
      options.log.warn({ reminderId, error: errorText(cause) }, "could not delete reminder job");
    }
  }

  async function reconcile() {
    let after: ReminderWakeUp | undefined;
    const counts = { scheduled: 0, fired: 0, failed: 0 };
    for (;;) {
      const page = await unfiredReminders(options.db, { after, limit: RECONCILE_PAGE });
      for (const reminder of page) {
        try {
          // Overdue ones (the app was down, or a job was lost) fire right here instead of waiting on the sidecar.
          if (reminder.remindAt.getTime() <= now().getTime()) {
            if ((await fireReminder(options.db, reminder.id, { now: now() })).status === "fired") counts.fired += 1;
          } else {
            await schedule(reminder.id, reminder.remindAt);
            counts.scheduled += 1;
          }
        } catch (cause) {
          counts.failed += 1;
          options.log.warn({ reminderId: reminder.id, error: errorText(cause) }, "could not re-arm reminder");
        }
      }
      if (page.length < RECONCILE_PAGE) break;
      after = page[page.length - 1];
    }
    options.log.debug(counts, "reminder jobs reconciled");
    if (counts.failed > 0) throw new Error(`${counts.failed} reminder(s) could not be re-armed`);
  }

  return { schedule, cancel, reconcile, stop: async () => {} };
}
