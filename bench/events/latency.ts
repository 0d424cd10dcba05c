import { count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { notifications, outbox, processedEvents, reminders, tasks } from "@/server/db/schema";
import { REMINDER_DUE_CONSUMER } from "@/server/domain/reminders";
import { EVENT_TYPES } from "@/server/events/catalog";
import type { DomainContext } from "@/server/domain/context";
import { completeTask, createTask } from "@/server/domain/tasks";
import { summarize, type LatencySummary } from "../lib/percentiles";
import type { BenchDatabase } from "./database";

export interface ReminderOptions {
  reminders: number;
  /** Reminders fall due evenly over this many seconds, after `leadSeconds`. */
  spreadSeconds: number;
  /** Time before the first reminder falls due; all tasks must be created within it. */
  leadSeconds: number;
  /** Tasks created at once during set-up. */
  concurrency: number;
  timeoutMs: number;
}

export interface ReminderResult {
  reminders: number;
  notified: number;
  /** Notification created_at − reminder remind_at, ms. */
  latenessMs: LatencySummary;
  /** Where the lateness comes from: timer → reminder.due written (DB clock), → relayed, → notification row. */
  stagesMs: { dueToFired: LatencySummary; firedToPublished: LatencySummary; publishedToNotified: LatencySummary };
  /** Reminders already due when their task was committed (set-up too slow); left out of latenessMs. */
  createdLate: number;
  createSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Scenario 3: tasks with absolute reminders falling due over the next seconds; the embedded durable timer
 * fires them, the relay carries reminder.due, the notifications worker writes the notification row.
 */
export async function reminderLateness(bench: BenchDatabase, users: DomainContext[], options: ReminderOptions): Promise<ReminderResult> {
  const base = Date.now() + options.leadSeconds * 1000;
  const step = (options.spreadSeconds * 1000) / options.reminders;
  const createStart = performance.now();
  const reminderIds: string[] = [];
  const lateIds = new Set<string>();
  // A few creations in flight (one per user at a time), like several users saving at once; keeps set-up short.
  let next = 0;
  const creator = async () => {
    for (let i = next++; i < options.reminders; i = next++) {
      const at = new Date(base + Math.round(i * step));
      const ctx = users[i % users.length]!;
      const task = await createTask(ctx, { title: `Reminder ${i}`, dueAt: new Date(at.getTime() + 3_600_000), reminders: [{ at }] });
      const ids = task.reminders.map((r) => r.id);
      reminderIds.push(...ids);
      // Committed after it was due: its "lateness" would only measure set-up, so it is left out of the figures.
      if (Date.now() >= at.getTime()) for (const id of ids) lateIds.add(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, users.length) }, creator));
  const createSeconds = (performance.now() - createStart) / 1000;
  const { db } = bench.handle;
  const deadline = base + options.spreadSeconds * 1000 + options.timeoutMs;
  let notified = 0;
  while (Date.now() < deadline) {
    const [row] = await db.select({ n: count() }).from(notifications).where(inArray(notifications.reminderId, reminderIds));
    notified = row?.n ?? 0;
    if (notified >= reminderIds.length) break;
    await sleep(200);
  }
  // Per reminder: when it was due, fired (reminder.due written), published by the relay, and notified.
  const stageMs = (a: SQL, b: SQL) => sql<number | null>`(extract(epoch from ${a} - ${b}) * 1000)::float8`;
  const rows = await db
    .select({
      id: reminders.id,
      lateMs: stageMs(sql`${notifications.createdAt}`, sql`${reminders.remindAt}`),
      fireMs: stageMs(sql`${processedEvents.processedAt}`, sql`${reminders.remindAt}`),
      relayMs: stageMs(sql`${outbox.publishedAt}`, sql`${processedEvents.processedAt}`),
      consumeMs: stageMs(sql`${notifications.createdAt}`, sql`${outbox.publishedAt}`),
    })
    .from(notifications)
    .innerJoin(reminders, eq(reminders.id, notifications.reminderId))
    .leftJoin(
      processedEvents,
      sql`${processedEvents.consumer} = ${REMINDER_DUE_CONSUMER}
        AND ${processedEvents.eventId} = ${reminders.id}::text || ':' || floor(extract(epoch from ${reminders.remindAt}) * 1000)::bigint::text`,
    )
    .leftJoin(outbox, sql`${outbox.event}->>'type' = ${EVENT_TYPES.reminderDue} AND ${outbox.event}->'data'->>'reminderId' = ${reminders.id}::text`)
    .where(inArray(notifications.reminderId, reminderIds));
  const counted = rows.filter((r) => !lateIds.has(r.id));
  const stage = (pick: (r: (typeof rows)[number]) => number | null) =>
    summarize(counted.map(pick).filter((v): v is number => v !== null));
  return {
    reminders: reminderIds.length,
    notified,
    latenessMs: stage((r) => r.lateMs),
    stagesMs: { dueToFired: stage((r) => r.fireMs), firedToPublished: stage((r) => r.relayMs), publishedToNotified: stage((r) => r.consumeMs) },
    createdLate: lateIds.size,
    createSeconds: Math.round(createSeconds * 100) / 100,
  };
}

export interface RecurrenceOptions {
  tasks: number;
  pollIntervalMs: number;
  timeoutMs: number;
}

export interface RecurrenceResult {
  tasks: number;
  /** completeTask start → the next occurrence row is readable, ms. */
  visibleMs: LatencySummary;
  /** How long completeTask itself took (part of the above), ms. */
  completeCallMs: LatencySummary;
  timeouts: number;
  pollIntervalMs: number;
}

/**
 * Scenario 4: complete recurring tasks one at a time and poll (as a refetching client would) until the
 * recurrence worker's next occurrence is readable. One at a time, so each figure is an unloaded latency.
 */
export async function completionToNextOccurrence(bench: BenchDatabase, users: DomainContext[], options: RecurrenceOptions): Promise<RecurrenceResult> {
  const created: { ctx: DomainContext; id: string }[] = [];
  for (let i = 0; i < options.tasks; i++) {
    const ctx = users[i % users.length]!;
    const dueAt = new Date(Date.now() + 86_400_000 + i * 60_000);
    const task = await createTask(ctx, { title: `Daily ${i}`, dueAt, recurrenceRule: "FREQ=DAILY" });
    created.push({ ctx, id: task.id });
  }
  await sleep(500); // let the creations' events drain so they do not queue ahead of the completions
  const { db } = bench.handle;
  const visible: number[] = [];
  const calls: number[] = [];
  let timeouts = 0;
  for (const { ctx, id } of created) {
    const start = performance.now();
    await completeTask(ctx, id);
    calls.push(performance.now() - start);
    const deadline = start + options.timeoutMs;
    for (;;) {
      const [next] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.previousOccurrenceId, id)).limit(1);
      if (next) {
        visible.push(performance.now() - start);
        break;
      }
      if (performance.now() > deadline) {
        timeouts += 1;
        break;
      }
      await sleep(options.pollIntervalMs);
    }
  }
  return { tasks: options.tasks, visibleMs: summarize(visible), completeCallMs: summarize(calls), timeouts, pollIntervalMs: options.pollIntervalMs };
}
