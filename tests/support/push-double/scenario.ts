import { TZDate } from "@date-fns/tz";
import { inArray } from "drizzle-orm";
import type { DatabaseHandle } from "@/server/db/client";
import { reminders } from "@/server/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { subscribePush } from "@/server/domain/push/subscriptions";
import { setQuietHours } from "@/server/domain/quiet-hours";
import { createTask, updateTask } from "@/server/domain/tasks";
import type { PushServiceDouble, ReceivedPush } from "./index";

/**
 * The acceptance load: many reminders due in the same minute for many users with several devices each, some of
 * them inside quiet hours that end at the next minute boundary. Shared by the integration test and bench:push.
 */
export interface PushLoadPlan {
  users: number;
  devicesPerUser: number;
  remindersTotal: number;
  /** Users (the first n) whose quiet hours hold the reminders until the minute after they are due. */
  quietUsers: number;
  /** Time zones cycled through the users, so quiet hours are checked in each user's own zone. */
  timeZones: readonly string[];
}

export interface PushLoad {
  dueAt: Date;
  quietEnd: Date;
  quietUserIds: Set<string>;
  /** reminder id → its user, and device id → its user. */
  reminderUser: Map<string, string>;
  deviceUser: Map<string, string>;
  reminderIds: string[];
}

const clock = (d: Date, timeZone: string) => {
  const z = new TZDate(d.getTime(), timeZone);
  return `${String(z.getHours()).padStart(2, "0")}:${String(z.getMinutes()).padStart(2, "0")}`;
};

export async function seedPushLoad(
  handle: DatabaseHandle,
  double: PushServiceDouble,
  plan: PushLoadPlan,
  makeUser: (timeZone: string) => Promise<DomainContext>,
  options: { leadMs?: number } = {},
): Promise<PushLoad> {
  const lead = options.leadMs ?? 4_000;
  // Seeding takes a while: the reminders fall due `lead` ms after it, all in one minute; the quiet hours end at
  // the next whole minute after that (at least 3 s later, so "held" is observable).
  const users: DomainContext[] = [];
  for (let i = 0; i < plan.users; i += 1) users.push(await makeUser(plan.timeZones[i % plan.timeZones.length]!));
  const deviceUser = new Map<string, string>();
  for (const ctx of users) {
    for (let d = 0; d < plan.devicesPerUser; d += 1) {
      const device = double.createDevice();
      await subscribePush(ctx, { ...device.subscription, deviceName: `Device ${d + 1}` }, { allowHttpLoopback: true });
      deviceUser.set(device.id, ctx.userId);
    }
  }
  // Tasks first, with reminders a day ahead (creating them takes 20-350 ms each depending on load); then the due
  // time is fixed and every task's due date is moved so its reminder (an hour before) falls on it, all in one minute.
  // (Snooze cannot do this: it never brings a reminder forward.)
  const reminderUser = new Map<string, string>();
  const taskVersions = new Map<string, { ctx: DomainContext; version: number }>();
  const parked = new Date(Date.now() + 86_400_000);
  const hour = 3_600_000;
  for (let i = 0; i < plan.remindersTotal; i += 1) {
    const ctx = users[i % users.length]!;
    const task = await createTask(ctx, { title: `Load reminder ${i + 1}`, dueAt: new Date(parked.getTime() + hour), reminders: [{ minutesBefore: 60 }] });
    taskVersions.set(task.id, { ctx, version: task.version });
  }
  const taskIds = [...taskVersions.keys()];
  const rows = await handle.db.select({ id: reminders.id, userId: reminders.userId, taskId: reminders.taskId }).from(reminders).where(inArray(reminders.taskId, taskIds));
  for (const row of rows) reminderUser.set(row.id, row.userId);
  const moveReminder = async (taskId: string, remindAt: Date) => {
    const task = taskVersions.get(taskId)!;
    const updated = await updateTask(task.ctx, { id: taskId, version: task.version, dueAt: new Date(remindAt.getTime() + hour) });
    task.version = updated.version;
  };

  // How long moving them takes on this machine right now: time one batch, and leave room for all of them.
  const probeStart = Date.now();
  const probe = rows.slice(0, 10);
  await Promise.all(probe.map((row) => moveReminder(row.taskId, new Date(parked.getTime() + 60_000))));
  const estimate = ((Date.now() - probeStart) / Math.max(1, probe.length)) * rows.length * 2;
  const seedStart = Date.now();
  let dueAt = new Date(Math.ceil((seedStart + Math.max(lead, estimate + 3_000)) / 1000) * 1000);
  // Keep every reminder in one minute: never in the last 5 s of a minute.
  if (dueAt.getUTCSeconds() > 54) dueAt = new Date(Math.ceil(dueAt.getTime() / 60_000) * 60_000 + 1_000);
  let quietEnd = new Date(Math.ceil((dueAt.getTime() + 1) / 60_000) * 60_000);
  if (quietEnd.getTime() - dueAt.getTime() < 3_000) quietEnd = new Date(quietEnd.getTime() + 60_000);

  const quietUserIds = new Set<string>();
  for (const ctx of users.slice(0, plan.quietUsers)) {
    const start = new Date(dueAt.getTime() - 30 * 60_000);
    await setQuietHours(ctx, { quietHours: { start: clock(start, ctx.timeZone), end: clock(quietEnd, ctx.timeZone) } });
    quietUserIds.add(ctx.userId);
  }
  for (let i = 0; i < rows.length; i += 10) {
    await Promise.all(rows.slice(i, i + 10).map((row) => moveReminder(row.taskId, dueAt)));
  }
  if (Date.now() > dueAt.getTime()) throw new Error(`moving the reminders took ${Date.now() - seedStart} ms, past the due time; raise leadMs`);
  return { dueAt, quietEnd, quietUserIds, reminderUser, deviceUser, reminderIds: rows.map((r) => r.id) };
}

export interface PushLoadReport {
  expected: number;
  received: number;
  /** (device, reminder) pairs that got more than one push. */
  duplicates: number;
  /** Pushes to a device of a user other than the reminder's. */
  misrouted: number;
  /** Pushes to quiet users that arrived before their quiet hours ended. */
  duringQuietHours: number;
  /** Lateness of the pushes not held, ms after the due time. */
  lateness: number[];
  /** Held pushes, ms after the quiet hours ended. */
  heldLateness: number[];
}

export function reportPushLoad(load: PushLoad, received: readonly ReceivedPush[], devicesPerUser: number): PushLoadReport {
  const seen = new Map<string, number>();
  const report: PushLoadReport = { expected: load.reminderIds.length * devicesPerUser, received: 0, duplicates: 0, misrouted: 0, duringQuietHours: 0, lateness: [], heldLateness: [] };
  for (const push of received) {
    const payload = JSON.parse(push.plaintext) as { reminderId: string };
    const user = load.reminderUser.get(payload.reminderId);
    if (!user) continue; // not part of this load
    report.received += 1;
    const key = `${push.deviceId}:${payload.reminderId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (load.deviceUser.get(push.deviceId) !== user) report.misrouted += 1;
    if (load.quietUserIds.has(user)) {
      if (push.receivedAt < load.quietEnd.getTime()) report.duringQuietHours += 1;
      report.heldLateness.push(push.receivedAt - load.quietEnd.getTime());
    } else report.lateness.push(push.receivedAt - load.dueAt.getTime());
  }
  report.duplicates = [...seen.values()].filter((n) => n > 1).length;
  return report;
}
