// When a reminder said against the task's own day goes off: "the day before at 5pm", "at 8 that morning",
// "2 days before at 9am". The day is the task's due day in the user's zone, counted back; the time is a wall
// clock time on it (so the same across a DST change).
import { TZDate } from "@date-fns/tz";
import { ValidationError } from "./errors";

/** "HH:mm", 24-hour. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function reminderOnDueDay(dueAt: Date | null, timeZone: string, daysBefore: number, time: string): Date {
  if (!dueAt) throw new ValidationError("reminders", "the task has no due date, so there is no day to count back from");
  const clock = CLOCK_TIME.exec(time);
  if (!clock) throw new ValidationError("reminders", `"${time}" is not a time as HH:mm`);
  const due = new TZDate(dueAt.getTime(), timeZone);
  const at = new TZDate(due.getFullYear(), due.getMonth(), due.getDate() - daysBefore, Number(clock[1]), Number(clock[2]), 0, timeZone);
  return new Date(at.getTime());
}
