// Distributed mode end to end: the real app (production build) and all four workers as separate processes,
// each talking to its own sidecar of the Dapr double, exercised only over HTTP and Pusher as a user would.
import { existsSync } from "node:fs";
import path from "node:path";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@/server/db/schema";
import { EVENT_TYPES } from "@/server/events/catalog";
import { reminderJobName } from "@workers/reminders/scheduler";
import { createTestDatabase, testDriver, type TestDatabase } from "../support/database";
import { startCluster, until, WORKERS, type Cluster } from "../support/distributed/cluster";
import { signUp, type Tab, type UserSession } from "../support/distributed/client";

const built = existsSync(path.resolve(import.meta.dirname, "../../.next/BUILD_ID"));
const enabled = testDriver() === "postgres" && built;
const title =
  testDriver() !== "postgres"
    ? "distributed mode (PostgreSQL only)"
    : built
      ? "distributed mode: app + workers as processes against the Dapr double"
      : "distributed mode (SKIPPED: no production build — run `npx next build` first, .next/BUILD_ID is missing)";

let database: TestDatabase;
let cluster: Cluster;
let alice: UserSession;
let bob: UserSession;
let aliceTabs: Tab[] = [];
let bobTab: Tab;

beforeAll(async () => {
  if (!enabled) return;
  database = await createTestDatabase();
  cluster = await startCluster(database.url ?? "");
  await Promise.all([cluster.start("app"), ...WORKERS.map((name) => cluster.start(name))]);
  [alice, bob] = await Promise.all([signUp(cluster.appUrl, "Alice"), signUp(cluster.appUrl, "Bob")]);
  aliceTabs = await Promise.all([alice.openTab(), alice.openTab()]);
  bobTab = await bob.openTab();
}, 120_000);

afterAll(async () => {
  for (const tab of [...aliceTabs, bobTab]) tab?.close();
  await cluster?.stop();
  await database?.drop();
});

const dueIn = (ms: number) => new Date(Date.now() + ms);
/** RRULE's DTSTART has whole seconds: a series starts on a whole minute so occurrences compare exactly. */
const wholeMinuteIn = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 60_000) * 60_000);
const HOUR = 3_600_000;

/** Every task of one recurring series (open and done). */
async function series(user: UserSession, seriesId: string) {
  const { items } = await user.trpc.task.list.query({ status: "all", recurring: true, limit: 100 });
  return items.filter((task) => task.seriesId === seriesId);
}

async function waitForSeriesLength(user: UserSession, seriesId: string, length: number) {
  await until(
    async () => (await series(user, seriesId)).length >= length,
    () => `series ${seriesId} never reached ${length} occurrences\n${cluster.output()}`,
  );
}

async function notificationsFor(user: UserSession, taskId: string) {
  const { items } = await user.trpc.notification.list.query({ limit: 100 });
  return items.filter((n) => n.taskId === taskId);
}

/** Re-publishes an already delivered CloudEvent through the app's sidecar: an at-least-once repeat. */
async function republish(topic: string, event: Record<string, unknown>, partitionKey: string) {
  const sidecar = cluster.dapr.sidecar("cadence-app").url;
  const response = await fetch(`${sidecar}/v1.0/publish/pubsub/${topic}?metadata.partitionKey=${encodeURIComponent(partitionKey)}`, {
    method: "POST",
    headers: { "content-type": "application/cloudevents+json", "dapr-api-token": "dapr-api-token-for-tests" },
    body: JSON.stringify(event),
  });
  expect(response.status).toBe(204);
}

/** Outbox rows of Alice's changes that are not published yet. */
async function unpublished() {
  const [row] = await database.handle.db
    .select({ n: count() })
    .from(outbox)
    .where(and(isNull(outbox.publishedAt), eq(outbox.partitionKey, alice.id)));
  return row?.n ?? 0;
}

const completedEventOf = (taskId: string) =>
  cluster.dapr.published("task-events").find((m) => m.event.type === EVENT_TYPES.taskCompleted && m.event.subject === taskId);

describe.skipIf(!enabled)(title, { timeout: 60_000 }, () => {
  it("fans a change out to every tab of its owner and to nobody else", async () => {
    const task = await alice.trpc.task.create.mutate({ title: "Visible in both tabs" });
    await until(
      () => aliceTabs.every((tab) => tab.received.some((n) => n.entity === "task" && n.id === task.id)),
      () => `tabs got ${JSON.stringify(aliceTabs.map((t) => t.received))}\n${cluster.output()}`,
    );
    // Bob's tab works (it hears his own change) but never heard Alice's.
    const own = await bob.trpc.task.create.mutate({ title: "Bob's own task" });
    await until(() => bobTab.received.some((n) => n.id === own.id), () => `bob got ${JSON.stringify(bobTab.received)}`);
    expect(bobTab.received.map((n) => n.id)).not.toContain(task.id);
  });

  it("creates the next occurrence of a completed daily task exactly once, even when the event is redelivered", async () => {
    const due = wholeMinuteIn(HOUR);
    const first = await alice.trpc.task.create.mutate({ title: "Water the plants", dueAt: due, recurrenceRule: "FREQ=DAILY" });
    await alice.trpc.task.complete.mutate({ id: first.id });
    await waitForSeriesLength(alice, first.id, 2);

    const completed = completedEventOf(first.id);
    expect(completed).toBeDefined();
    await republish("task-events", completed!.event, alice.id);
    await republish("task-events", completed!.event, alice.id);
    await until(
      () => cluster.dapr.deliveries({ appId: "cadence-recurrence" }).filter((d) => d.eventId === completed!.event.id && d.outcome === "success").length >= 3,
      () => "the repeats never reached the recurrence worker",
    );
    await cluster.dapr.idle();

    const occurrences = await series(alice, first.id);
    expect(occurrences).toHaveLength(2);
    const next = occurrences.find((t) => t.id !== first.id);
    expect(next?.completed).toBe(false);
    expect(next?.dueAt?.getTime()).toBe(due.getTime() + 24 * HOUR);
  });

  it("fires a reminder at its time through a Jobs API job, notifies once and marks it sent", async () => {
    const task = await alice.trpc.task.create.mutate({ title: "Call the dentist", reminders: [{ at: dueIn(2_000) }] });
    const reminderId = task.reminders[0]!.id;
    const jobName = reminderJobName(reminderId);
    await until(() => cluster.dapr.jobs().some((j) => j.name === jobName && j.appId === "cadence-reminders"), () => "no job scheduled");
    await until(async () => (await notificationsFor(alice, task.id)).length > 0, () => `never notified\n${cluster.output()}`);

    // The Jobs API may trigger again (at-least-once): a second callback finds the reminder already sent.
    const sidecar = cluster.dapr.sidecar("cadence-reminders").url;
    const again = await fetch(`${sidecar}/v1.0-alpha1/jobs/${jobName}`, {
      method: "POST",
      headers: { "content-type": "application/json", "dapr-api-token": "dapr-api-token-for-tests" },
      body: JSON.stringify({ data: { reminderId }, dueTime: "0s", repeats: 1, overwrite: true }),
    });
    expect(again.status).toBe(204);
    await until(() => cluster.dapr.jobTriggers().filter((t) => t.name === jobName && t.outcome === "done").length >= 2, () => "no repeat trigger");
    await cluster.dapr.idle();

    expect(await notificationsFor(alice, task.id)).toHaveLength(1);
    const reloaded = await alice.trpc.task.get.query({ id: task.id });
    expect(reloaded.reminders.map((r) => r.status)).toEqual(["sent"]);
  });

  it("moves the reminder's job when the due date moves and deletes it when the task is completed", async () => {
    const task = await alice.trpc.task.create.mutate({ title: "Submit the report", dueAt: dueIn(2 * HOUR), reminders: [{ minutesBefore: 30 }] });
    const jobName = reminderJobName(task.reminders[0]!.id);
    const jobDue = () => cluster.dapr.jobs().find((j) => j.name === jobName)?.dueTime;
    await until(() => jobDue() !== undefined, () => "no job scheduled");
    expect(new Date(jobDue()!).getTime()).toBe(task.dueAt!.getTime() - 30 * 60_000);

    const moved = await alice.trpc.task.update.mutate({ id: task.id, version: task.version, dueAt: dueIn(5 * HOUR) });
    const expected = moved.dueAt!.getTime() - 30 * 60_000;
    await until(() => new Date(jobDue() ?? 0).getTime() === expected, () => `job due ${jobDue()} instead of ${new Date(expected).toISOString()}`);

    await alice.trpc.task.complete.mutate({ id: task.id });
    await until(() => jobDue() === undefined, () => "the job of a completed task was not deleted");
  });

  it("keeps accepting changes while the broker is down and delivers each of them once when it is back", async () => {
    cluster.dapr.setBrokerDown(true);
    const created = [];
    for (const name of ["Offline one", "Offline two", "Offline three"]) created.push(await alice.trpc.task.create.mutate({ title: name }));
    const ids = created.map((t) => t.id);
    // The relay tried and failed (rows kept, with attempts) before the broker comes back.
    await until(async () => {
      const [row] = await database.handle.db.select({ n: count() }).from(outbox).where(and(isNull(outbox.publishedAt), eq(outbox.partitionKey, alice.id), gt(outbox.attempts, 0)));
      return (row?.n ?? 0) > 0;
    }, () => "the relay never attempted to publish");
    expect(cluster.dapr.published("task-events").filter((m) => ids.includes(String(m.event.subject)))).toHaveLength(0);

    cluster.dapr.setBrokerDown(false);
    await until(async () => (await unpublished()) === 0, () => "outbox never drained", 30_000);
    await until(() => aliceTabs.every((tab) => ids.every((id) => tab.received.some((n) => n.id === id))), () => "tabs missed a change");
    await cluster.dapr.idle();

    for (const id of ids) {
      const createdEvents = cluster.dapr.published("task-events").filter((m) => m.event.subject === id && m.event.type === EVENT_TYPES.taskCreated);
      expect(createdEvents).toHaveLength(1);
      for (const tab of aliceTabs) expect(tab.received.filter((n) => n.id === id)).toHaveLength(1);
    }
  });

  it("creates the next occurrence once when the recurrence worker was killed while the completion was pending", async () => {
    const first = await alice.trpc.task.create.mutate({ title: "Take out the bins", dueAt: wholeMinuteIn(HOUR), recurrenceRule: "FREQ=DAILY" });
    const refused = () => cluster.dapr.deliveries({ appId: "cadence-recurrence" }).filter((d) => d.outcome === "unreachable").length;
    const refusedBefore = refused();
    await cluster.kill("recurrence");
    await alice.trpc.task.complete.mutate({ id: first.id });
    await until(() => completedEventOf(first.id) !== undefined, () => "completion never published");
    // The sidecar keeps trying the dead worker (refused connections count as attempts, without a limit); the
    // completion waits in its user's partition behind whatever of theirs was still pending.
    await until(() => refused() > refusedBefore + 2, () => "the sidecar never tried the dead worker");
    expect(await series(alice, first.id)).toHaveLength(1);

    await cluster.start("recurrence");
    await waitForSeriesLength(alice, first.id, 2);
    await cluster.dapr.idle();
    expect(await series(alice, first.id)).toHaveLength(2);
  });

  it("fires, once, a reminder that fell due while the app and the reminders worker were down", async () => {
    const at = dueIn(3_000);
    const task = await alice.trpc.task.create.mutate({ title: "Renew the passport", reminders: [{ at }] });
    const jobName = reminderJobName(task.reminders[0]!.id);
    await until(() => cluster.dapr.jobs().some((j) => j.name === jobName), () => "no job scheduled");
    // Killed with nothing in flight: a relay killed mid-publish holds its rows' lease (60 s) before another takes over.
    await until(async () => (await unpublished()) === 0, () => "outbox never drained");
    await Promise.all([cluster.kill("app"), cluster.kill("reminders")]);
    await until(() => Date.now() > at.getTime() + 500, () => "time stood still");

    await Promise.all([cluster.start("app"), cluster.start("reminders")]);
    await until(async () => (await notificationsFor(alice, task.id)).length > 0, () => `never notified\n${cluster.output()}`, 30_000);
    await cluster.dapr.idle();
    expect(await notificationsFor(alice, task.id)).toHaveLength(1);
    expect((await alice.trpc.task.get.query({ id: task.id })).reminders.map((r) => r.status)).toEqual(["sent"]);
  });
});
