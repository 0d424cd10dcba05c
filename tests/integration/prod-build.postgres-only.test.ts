// The production image's contents, proven without a container engine: `npm run build:prod` leaves in dist/
// exactly what the Dockerfile copies. This copies that folder alone into an empty directory (no source tree,
// no dev dependency) and runs the app and every worker from it, as the image's `node cadence.mjs ...` commands,
// against PostgreSQL and the Dapr double, then uses the app over HTTP as a user would.
import { spawnSync } from "node:child_process";
import http from "node:http";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, tasks } from "@/server/db/schema";
import { EVENT_TYPES } from "@/server/events/catalog";
import { reminderJobName } from "@workers/reminders/scheduler";
import { createTestDatabase, testDriver, type TestDatabase } from "../support/database";
import { startCluster, until, WORKERS, type Cluster, type ProcessName } from "../support/distributed/cluster";
import { signUp } from "../support/distributed/client";
import { parseExposition, requiredSeries, type Sample } from "../support/metrics-contract";

const dist = path.resolve(import.meta.dirname, "../../dist");
const built = existsSync(path.join(dist, "cadence.mjs"));
const enabled = testDriver() === "postgres" && built;
const title =
  testDriver() !== "postgres"
    ? "production image contents (PostgreSQL only)"
    : built
      ? "production image contents: dist/ alone runs the app and every worker"
      : "production image contents (SKIPPED: no dist/ — run `npm run build:prod` first)";

let database: TestDatabase;
let cluster: Cluster;
let image: string;

/** Every file path under dir, relative, following no symlinks. */
function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    return entry.isDirectory() ? walk(path.join(dir, entry.name), rel) : [rel];
  });
}

beforeAll(async () => {
  if (!enabled) return;
  image = mkdtempSync(path.join(os.tmpdir(), "cadence-image-"));
  cpSync(dist, image, { recursive: true, verbatimSymlinks: true });
  database = await createTestDatabase();
  const launcher = (name: ProcessName) => ({
    command: process.execPath,
    args: name === "app" ? ["cadence.mjs", "app"] : ["cadence.mjs", "worker", name],
    cwd: image,
  });
  // NODE_PATH/NODE_OPTIONS from the test runner must not let the copy find the checkout's node_modules.
  cluster = await startCluster(database.url ?? "", { launcher, env: { NODE_PATH: "", NODE_OPTIONS: "" } });
  await Promise.all([cluster.start("app"), ...WORKERS.map((name) => cluster.start(name))]);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await database?.drop();
  if (image) rmSync(image, { recursive: true, force: true });
});

describe.skipIf(!enabled)(title, { timeout: 60_000 }, () => {
  it("holds compiled JavaScript only: no TypeScript source, no tsx, no compiler, no test tooling", () => {
    const files = walk(image);
    const ownTs = files.filter((f) => !f.startsWith("node_modules") && /\.(ts|tsx)$/.test(f) && !f.endsWith(".d.ts"));
    expect(ownTs).toEqual([]);
    for (const devOnly of ["typescript", "tsx", "vitest", "@playwright/test", "esbuild", "drizzle-kit"]) {
      expect(existsSync(path.join(image, "node_modules", devOnly)), `node_modules/${devOnly}`).toBe(false);
    }
  });

  it("answers the health routes of the app and of every worker", async () => {
    const health = await fetch(`${cluster.appUrl}/api/health`);
    expect(await health.json()).toMatchObject({ status: "ok", driver: "postgres" });
    for (const name of WORKERS) {
      const response = await fetch(`${cluster.workerUrl(name)}/healthz`);
      expect(await response.json()).toEqual({ status: "ok", worker: name });
    }
  });

  it("serves the pages and their static assets, and a signed-up user can create and complete a task", async () => {
    const page = await fetch(`${cluster.appUrl}/sign-in`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset, "a script from /_next/static").toBeDefined();
    expect((await fetch(`${cluster.appUrl}${asset}`)).status).toBe(200);

    const user = await signUp(cluster.appUrl, "Imogen");
    const task = await user.trpc.task.create.mutate({ title: "Runs from the image", recurrenceRule: "FREQ=DAILY", dueAt: new Date(Date.now() + 3_600_000) });
    await user.trpc.task.complete.mutate({ id: task.id });
    // The recurrence worker (its own process from the same image) creates the next occurrence.
    await until(
      async () => (await user.trpc.task.list.query({ status: "all", recurring: true, limit: 10 })).items.length >= 2,
      () => `no next occurrence\n${cluster.output()}`,
    );
  });

  it("exports every metric the dashboards and alerts query, with their labels, and each one moves", async () => {
    const required = requiredSeries();
    expect(required.size).toBeGreaterThan(10);
    const scrape = async () => {
      const pages = await Promise.all([
        fetch(`${cluster.appUrl}/api/metrics`).then((r) => r.text()),
        ...WORKERS.map((name) => fetch(`${cluster.workerUrl(name)}/metrics`).then((r) => r.text())),
      ]);
      return pages.flatMap(parseExposition);
    };
    const total = (samples: Sample[], name: string) => samples.filter((s) => s.name === name).reduce((sum, s) => sum + s.value, 0);
    const before = await scrape();
    const seenNonZero = new Set<string>();
    const watch = (samples: Sample[]) => {
      for (const sample of samples) if (sample.value !== 0) seenNonZero.add(sample.name);
    };

    // Traffic a user and an operator cause: API calls, a live tab, a recurrence, a reminder, a broker outage
    // (pending rows, outbox lag), and a malformed event that every subscriber dead-letters.
    const user = await signUp(cluster.appUrl, "Mira");
    const tab = await user.openTab();
    const recurring = await user.trpc.task.create.mutate({ title: "Weekly review", recurrenceRule: "FREQ=WEEKLY", dueAt: new Date(Date.now() + 3_600_000) });
    await user.trpc.task.complete.mutate({ id: recurring.id });
    // The realtime worker (bundled in the image) pushes the change to the open tab.
    await until(() => tab.received.some((notice) => notice.id === recurring.id), () => `no live notice in the tab\n${cluster.output()}`);
    await user.trpc.task.get.query({ id: "00000000-0000-4000-8000-000000000000" }).catch(() => undefined); // NOT_FOUND
    const reminded = await user.trpc.task.create.mutate({ title: "Stretch", reminders: [{ at: new Date(Date.now() + 1_000) }] });
    const job = reminderJobName(reminded.reminders[0]!.id);
    await until(() => cluster.dapr.jobs().some((j) => j.name === job), () => "no reminder job");
    await until(async () => (await user.trpc.task.get.query({ id: reminded.id })).reminders[0]?.status === "sent", () => `reminder never sent\n${cluster.output()}`);
    watch(await scrape()); // live connection open now

    cluster.dapr.setBrokerDown(true);
    await user.trpc.task.create.mutate({ title: "Written while the broker is down" });
    await until(async () => {
      const samples = await scrape();
      watch(samples);
      // Lag alone is already non-zero from earlier publishes; the unpublished row shows as pending.
      return total(samples, "cadence_outbox_pending") > 0 && total(samples, "cadence_outbox_lag_ms") > 0;
    }, () => "the event written while the broker was down never showed as pending");
    cluster.dapr.setBrokerDown(false);

    const sidecar = cluster.dapr.sidecar("cadence-app").url;
    const malformed = await fetch(`${sidecar}/v1.0/publish/pubsub/task-events`, {
      method: "POST",
      headers: { "content-type": "application/cloudevents+json", "dapr-api-token": "dapr-api-token-for-tests" },
      body: JSON.stringify({ specversion: "1.0", id: "malformed-for-metrics", source: "test", type: "cadence.task.completed.v1", data: "not a task" }),
    });
    expect(malformed.status).toBe(204);
    await until(async () => total(await scrape(), "cadence_events_dead_lettered_total") > total(before, "cadence_events_dead_lettered_total"), () => "no dead letter counted");
    // Every delivery settles: none is left retrying (a realtime push that failed in the bundled image kept one
    // retrying without end here, until the build kept class names).
    await cluster.dapr.idle(30_000);
    const after = await scrape();
    watch(after);
    tab.close();

    const problems: string[] = [];
    for (const [metric, labels] of required) {
      const series = after.filter((s) => s.name === metric);
      if (!series.length) {
        problems.push(`${metric}: not exported`);
        continue;
      }
      for (const label of labels) if (!series.some((s) => label in s.labels)) problems.push(`${metric}: no "${label}" label`);
      const moved = total(after, metric) !== total(before, metric) || seenNonZero.has(metric);
      if (!moved) problems.push(`${metric}: never moved`);
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it("on SIGTERM under load, the app answers every request it accepted and publishes their events before exiting", async () => {
    const user = await signUp(cluster.appUrl, "Sigrid");
    const port = Number(new URL(cluster.appUrl).port);
    type Outcome = { title: string; startedAt: number; endedAt: number; status?: number; taskId?: string; error?: string };
    const outcomes: Outcome[] = [];
    let signalledAt = Number.POSITIVE_INFINITY;
    let stop = false;
    let n = 0;
    // 8 clients, each with a new connection per request (as separate browsers would), until the app is gone.
    const client = async () => {
      while (!stop) {
        const title = `under load ${n++}`;
        const outcome: Outcome = { title, startedAt: Date.now(), endedAt: 0 };
        try {
          const { status, body } = await createOverNewConnection(port, user.cookie, title);
          outcome.status = status;
          if (status === 200) outcome.taskId = (JSON.parse(body) as { result: { data: { json: { id: string } } } }).result.data.json.id;
        } catch (error) {
          outcome.error = (error as NodeJS.ErrnoException).code ?? String(error);
        }
        outcome.endedAt = Date.now();
        outcomes.push(outcome);
        if (outcome.error === "ECONNREFUSED") await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await until(() => outcomes.filter((o) => o.status === 200).length >= 40, () => `load never got going: ${JSON.stringify(outcomes.slice(-3))}`);
    signalledAt = Date.now();
    const exitCode = await cluster.signal("app", "SIGTERM");
    stop = true;
    await Promise.all(clients);

    expect(exitCode).toBe(0);
    const answered = outcomes.filter((o) => o.status !== undefined);
    expect(answered.filter((o) => o.status !== 200), "accepted requests that failed").toEqual([]);
    // Requests in flight when the signal came were finished, not cut.
    expect(answered.filter((o) => o.startedAt < signalledAt && o.endedAt > signalledAt).length).toBeGreaterThan(0);
    // A connection error means the request never reached the app: nothing of it may be stored.
    const refused = outcomes.filter((o) => o.error !== undefined);
    for (const o of refused) expect(["ECONNREFUSED", "ECONNRESET", "EPIPE"], o.error).toContain(o.error);
    const stored = await database.handle.db.select({ id: tasks.id, title: tasks.title }).from(tasks).where(eq(tasks.userId, user.id));
    const storedTitles = new Set(stored.map((t) => t.title));
    expect(refused.filter((o) => storedTitles.has(o.title)), "failed requests whose task was stored anyway").toEqual([]);
    expect(stored.length).toBe(answered.length);
    // No event lost: the relay flushed every accepted change's events before the process exited.
    const [left] = await database.handle.db
      .select({ n: count() })
      .from(outbox)
      .where(and(isNull(outbox.publishedAt), eq(outbox.partitionKey, user.id)));
    expect(left?.n).toBe(0);
    const published = new Set(cluster.dapr.published("task-events").map((m) => m.event.subject));
    expect(stored.filter((t) => !published.has(t.id))).toEqual([]);

    await cluster.start("app");
  });

  it("on SIGTERM, a worker finishes the deliveries in hand, exits cleanly, and no event is lost", async () => {
    const user = await signUp(cluster.appUrl, "Tomas");
    const due = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) => user.trpc.task.create.mutate({ title: `Daily ${i}`, dueAt: due, recurrenceRule: "FREQ=DAILY" })),
    );
    await Promise.all(created.map((task) => user.trpc.task.complete.mutate({ id: task.id })));
    // Signal while the recurrence worker is working through them.
    const deliveredBefore = cluster.dapr.deliveries({ appId: "cadence-recurrence" }).length;
    await until(() => cluster.dapr.deliveries({ appId: "cadence-recurrence" }).length > deliveredBefore, () => "no delivery started");
    const exitCode = await cluster.signal("recurrence", "SIGTERM");
    expect(exitCode).toBe(0);
    await cluster.start("recurrence");
    // Every completion leads to exactly one next occurrence: none lost to the shutdown, none doubled by redelivery.
    await until(
      async () => {
        const { items } = await user.trpc.task.list.query({ status: "all", recurring: true, limit: 100 });
        return items.length >= 60;
      },
      () => `not every next occurrence was created\n${cluster.output().slice(-4000)}`,
      60_000,
    );
    // Every completion was acknowledged by the restarted or the stopping worker; repeats changed nothing.
    const ids = new Set(created.map((t) => t.id));
    const completions = cluster.dapr.published("task-events").filter((m) => m.event.type === EVENT_TYPES.taskCompleted && ids.has(String(m.event.subject)));
    expect(completions.length).toBe(30);
    await until(
      () => completions.every((m) => cluster.dapr.deliveries({ appId: "cadence-recurrence" }).some((d) => d.eventId === m.event.id && d.outcome === "success")),
      () => "some completions were never acknowledged by the recurrence worker",
    );
    const { items } = await user.trpc.task.list.query({ status: "all", recurring: true, limit: 100 });
    expect(items.length).toBe(60);
  });

  it("refuses an unknown command with its usage", () => {
    const result = spawnSync(process.execPath, ["cadence.mjs", "worker", "nope"], { cwd: image, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown worker "nope"');
    expect(result.stderr).toContain(WORKERS.join("|"));
  });
});

/** `task.create` over a connection of its own (no keep-alive reuse), as the raw tRPC HTTP call. */
function createOverNewConnection(port: number, cookie: string, title: string): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify({ json: { title } });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/trpc/task.create",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), cookie },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
