import type { Logger } from "pino";
import type { Executor } from "@/server/db/client";
import { asBackground } from "@/server/db/priority";
import { errorText } from "@/server/events/error-text";
import { fireReminder, fireReminders, nextUnfiredReminder, unfiredReminders } from "@/server/domain/reminders";
import type { ReminderScheduler } from "./scheduler";

export interface DurableTimerOptions {
  db: Executor;
  log: Logger;
  /** Injected in tests. */
  now?: () => Date;
}

/** Node timers overflow past ~24.8 days; a long wait is cut into pieces that simply re-arm. */
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;
const BATCH = 100;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 60_000;

/**
 * The embedded wake-up: one in-process timer for the earliest pending reminder, read from the reminders table
 * (reminders_pending_due_idx). Every schedule/cancel and every firing re-reads the table and re-arms, so the
 * table stays the only truth and a restart loses nothing. Runs are serialized; a request during a run
 * triggers exactly one more run.
 */
export function createDurableTimerScheduler(options: DurableTimerOptions): ReminderScheduler {
  const now = options.now ?? (() => new Date());
  const log = options.log;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let failures = 0;

  function arm(delayMs: number) {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void asBackground(kick), Math.max(1, Math.min(delayMs, MAX_WAIT_MS)));
    timer.unref(); // never what keeps a process alive: the server is
  }

  /**
   * Fires everything due, then arms the timer for the next pending reminder. One reminder failing does not
   * hold up the others; the run then ends in an error so the next one comes after a backoff.
   */
  async function cycle() {
    clearTimeout(timer);
    timer = undefined;
    let failed = 0;
    for (;;) {
      const at = now();
      const due = await unfiredReminders(options.db, { until: at, limit: BATCH });
      let progressed = 0;
      try {
        // One transaction for the whole page: a minute with hundreds of reminders due costs one commit.
        const results = await fireReminders(options.db, due.map((r) => r.id), { now: at });
        progressed = due.length;
        for (const reminder of due) {
          if (results.get(reminder.id)?.status === "fired") log.info({ reminderId: reminder.id, remindAt: reminder.remindAt }, "reminder due");
        }
      } catch (batchCause) {
        // One bad row must not hold up the others: fire them one by one to find it.
        log.warn({ error: errorText(batchCause), count: due.length }, "firing a page of reminders failed; firing them one by one");
        for (const reminder of due) {
          try {
            const result = await fireReminder(options.db, reminder.id, { now: at });
            progressed += 1;
            if (result.status === "fired") log.info({ reminderId: reminder.id, remindAt: reminder.remindAt }, "reminder due");
          } catch (cause) {
            failed += 1;
            log.warn({ reminderId: reminder.id, error: errorText(cause) }, "could not fire reminder");
          }
        }
      }
      // A short page is the last; a page of only failures would come back unchanged.
      if (due.length < BATCH || progressed === 0 || stopped) break;
    }
    if (failed > 0) throw new Error(`${failed} due reminder(s) could not be fired`);
    const next = await nextUnfiredReminder(options.db);
    if (next) arm(next.remindAt.getTime() - now().getTime());
  }

  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await cycle();
          failures = 0;
        } catch (cause) {
          // The database may be briefly unavailable: retry with backoff; the rows keep every reminder.
          failures += 1;
          const wait = Math.min(RETRY_MIN_MS * 2 ** (failures - 1), RETRY_MAX_MS);
          log.warn({ error: errorText(cause), retryInMs: wait }, "reminder timer run failed");
          arm(wait);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    // The table already holds the change behind these calls; re-reading it is how the timer follows.
    schedule: () => kick(),
    cancel: () => kick(),
    reconcile: () => kick(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
