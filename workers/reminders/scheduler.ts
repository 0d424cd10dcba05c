/**
 * A wake-up service for reminders. The reminder rows are the truth; a scheduler only makes sure something
 * calls `fireReminder` when a pending reminder falls due, and can always be rebuilt from the rows (`reconcile`).
 */
export interface ReminderScheduler {
  /** Arms (or moves) the one wake-up of a reminder. */
  schedule(reminderId: string, remindAt: Date): Promise<void>;
  /** Removes the wake-up of a reminder that should no longer fire. */
  cancel(reminderId: string): Promise<void>;
  /** Re-arms every pending reminder from the rows and fires the overdue ones (once each). */
  reconcile(): Promise<void>;
  /** Stops timers; pending wake-ups are restored by the next reconcile. */
  stop(): Promise<void>;
}

export const REMINDER_JOB_PREFIX = "reminder-";
export const reminderJobName = (reminderId: string) => `${REMINDER_JOB_PREFIX}${reminderId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reminder a job firing is about: its data's reminderId, else the id in its name; null if neither is valid. */
export function reminderIdOfJob(jobName: string, data: unknown): string | null {
  const fromData = typeof data === "object" && data !== null ? (data as { reminderId?: unknown }).reminderId : undefined;
  if (typeof fromData === "string" && UUID.test(fromData)) return fromData;
  const fromName = jobName.startsWith(REMINDER_JOB_PREFIX) ? jobName.slice(REMINDER_JOB_PREFIX.length) : "";
  return UUID.test(fromName) ? fromName : null;
}
