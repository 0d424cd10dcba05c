// Behaviour of the Dapr sidecar test double, driven through real HTTP like an app would.
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { startDaprDouble, type DaprDouble, type DaprDoubleOptions } from "../support/dapr-double";

interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}
type Answer = { status: number; body?: unknown };
type Handler = (req: Received, nth: number) => Answer | Promise<Answer>;

interface TestApp {
  port: number;
  received: Received[];
  to(pathname: string): Received[];
  close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A tiny subscriber app: answers /dapr/subscribe and records every other call. */
async function startApp(opts: { subscriptions?: unknown[]; token?: string; handle?: Handler; port?: number }): Promise<TestApp> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        if (opts.token && req.headers["dapr-api-token"] !== opts.token) return reply(res, { status: 401 });
        if (req.url === "/dapr/subscribe") return reply(res, { status: 200, body: opts.subscriptions ?? [] });
        const text = Buffer.concat(chunks).toString("utf8");
        const entry: Received = {
          method: req.method ?? "",
          path: req.url ?? "",
          headers: req.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        };
        received.push(entry);
        const nth = received.filter((r) => r.path === entry.path).length;
        reply(res, (await opts.handle?.(entry, nth)) ?? { status: 200, body: { status: "SUCCESS" } });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const app: TestApp = {
    port: (server.address() as AddressInfo).port,
    received,
    to: (p) => received.filter((r) => r.path === p),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  cleanups.push(app.close);
  return app;
}

function reply(res: http.ServerResponse, answer: Answer) {
  res.writeHead(answer.status, { "content-type": "application/json" });
  res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
}

async function startDouble(options: DaprDoubleOptions): Promise<DaprDouble> {
  const double = await startDaprDouble(options);
  cleanups.push(() => double.close());
  await double.discover();
  return double;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const sub = (topic: string, extra: Record<string, unknown> = {}) => ({ pubsubname: "pubsub", topic, route: `/events/${topic}`, ...extra });
const cloudEvent = (id: string, extra: Record<string, unknown> = {}) => ({
  specversion: "1.0",
  id,
  type: "cadence.task.completed.v1",
  source: "cadence/web",
  subject: "task/1",
  time: "2026-11-23T09:00:00.000Z",
  datacontenttype: "application/json",
  data: { taskId: "t1" },
  ...extra,
});
const ce = { "content-type": "application/cloudevents+json" };

describe("publish and delivery", () => {
  it("keeps the publisher's CloudEvent fields and routes by event type", async () => {
    const app = await startApp({
      subscriptions: [
        sub("task-events", {
          route: undefined,
          routes: { rules: [{ match: 'event.type == "cadence.task.completed.v1"', path: "/events/completed" }], default: "/events/other" },
        }),
      ],
    });
    const dapr = await startDouble({ apps: [{ appId: "worker", appPort: app.port }] });
    const res = await call(`${dapr.url}/v1.0/publish/pubsub/task-events`, "POST", cloudEvent("evt-1"), ce);
    expect(res.status).toBe(204);
    await call(`${dapr.url}/v1.0/publish/pubsub/task-events`, "POST", { hello: "world" });
    await dapr.idle();

    const [completed] = app.to("/events/completed");
    expect(completed?.headers["content-type"]).toBe("application/cloudevents+json");
    expect(completed?.body).toMatchObject({ ...cloudEvent("evt-1"), topic: "task-events", pubsubname: "pubsub" });
    expect(completed?.body.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [wrapped] = app.to("/events/other");
    expect(wrapped?.body).toMatchObject({ specversion: "1.0", data: { hello: "world" }, topic: "task-events" });
    expect(wrapped?.body.id).toEqual(expect.any(String));
  });

  it("rejects a CloudEvent without required fields and an unknown pubsub", async () => {
    const dapr = await startDouble({});
    const { id: _id, ...noId } = cloudEvent("x");
    expect((await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", noId, ce)).status).toBe(400);
    expect((await call(`${dapr.url}/v1.0/publish/nope/t`, "POST", cloudEvent("x"), ce)).status).toBe(404);
  });

  it("enforces the API token on calls to the sidecar and sends the app token to the app", async () => {
    const app = await startApp({ subscriptions: [sub("t")], token: "app-secret" });
    const dapr = await startDouble({ apiToken: "api-secret", appToken: "app-secret", apps: [{ appId: "w", appPort: app.port }] });
    expect((await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("a"), ce)).status).toBe(401);
    expect((await call(`${dapr.url}/v1.0/healthz/outbound`, "GET")).status).toBe(204);
    const ok = await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("b"), { ...ce, "dapr-api-token": "api-secret" });
    expect(ok.status).toBe(204);
    await dapr.idle();
    expect(app.to("/events/t").map((r) => r.body.id)).toEqual(["b"]);
    expect(app.to("/events/t")[0]?.headers["dapr-api-token"]).toBe("app-secret");
  });

  it("redelivers on RETRY until SUCCESS", async () => {
    const app = await startApp({
      subscriptions: [sub("t", { deadLetterTopic: "t-dlq" })],
      handle: (_r, nth) => ({ status: 200, body: { status: nth === 1 ? "RETRY" : "SUCCESS" } }),
    });
    const dapr = await startDouble({ apps: [{ appId: "w", appPort: app.port }] });
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("r1"), ce);
    await dapr.idle();
    expect(app.to("/events/t").map((r) => r.body.id)).toEqual(["r1", "r1"]);
    expect(dapr.deliveries().map((d) => d.outcome)).toEqual(["retry", "success"]);
    expect(dapr.deadLetters()).toEqual([]);
  });

  it("sends a DROPped message to the dead-letter topic, where its subscriber gets it", async () => {
    const worker = await startApp({ subscriptions: [sub("t", { deadLetterTopic: "t-dlq" })], handle: () => ({ status: 200, body: { status: "DROP" } }) });
    const auditor = await startApp({ subscriptions: [sub("t-dlq")] });
    const dapr = await startDouble({ apps: [{ appId: "worker", appPort: worker.port }, { appId: "auditor", appPort: auditor.port }] });
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("d1"), ce);
    await dapr.idle();
    expect(worker.to("/events/t")).toHaveLength(1);
    expect(auditor.to("/events/t-dlq").map((r) => r.body.id)).toEqual(["d1"]);
    expect(dapr.deadLetters("t")).toMatchObject([{ appId: "worker", deadLetterTopic: "t-dlq", reason: "drop" }]);
  });

  it("treats a single delivery answered 404 as DROP: no retry, to the dead-letter topic when there is one (daprd 1.18.2)", async () => {
    const app = await startApp({ subscriptions: [sub("t", { deadLetterTopic: "t-dlq" }), sub("u")], handle: () => ({ status: 404 }) });
    const dapr = await startDouble({ apps: [{ appId: "w", appPort: app.port }] });
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("n1"), ce);
    await call(`${dapr.url}/v1.0/publish/pubsub/u`, "POST", cloudEvent("n2"), ce);
    await dapr.idle();
    expect(app.to("/events/t")).toHaveLength(1);
    expect(app.to("/events/u")).toHaveLength(1);
    expect(dapr.deadLetters()).toMatchObject([{ topic: "t", deadLetterTopic: "t-dlq", reason: "drop" }]);
    expect(dapr.published("t-dlq").map((m) => m.event.id)).toEqual(["n1"]);
  });

  it("retries a failing (500) delivery maxRetries times, then dead-letters it", async () => {
    const worker = await startApp({ subscriptions: [sub("t", { deadLetterTopic: "t-dlq" })], handle: () => ({ status: 500 }) });
    const auditor = await startApp({ subscriptions: [sub("t-dlq")] });
    const dapr = await startDouble({
      resiliency: { maxRetries: 2, initialIntervalMs: 5, maxIntervalMs: 20 },
      apps: [{ appId: "worker", appPort: worker.port }, { appId: "auditor", appPort: auditor.port }],
    });
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("f1"), ce);
    await dapr.idle();
    expect(worker.to("/events/t")).toHaveLength(3);
    expect(auditor.to("/events/t-dlq").map((r) => r.body.id)).toEqual(["f1"]);
    expect(dapr.deadLetters("t")[0]?.reason).toBe("retries-exhausted");
  });

  it("dead-letters a message that matches no route when the subscription has a dead-letter topic, as daprd does", async () => {
    const worker = await startApp({
      subscriptions: [{ ...sub("t", { deadLetterTopic: "t-dlq" }), route: undefined, routes: { rules: [{ match: 'event.type == "wanted"', path: "/events/t" }] } }],
    });
    const dapr = await startDouble({ apps: [{ appId: "worker", appPort: worker.port }] });
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("u1"), ce);
    await dapr.idle();
    expect(worker.to("/events/t")).toHaveLength(0);
    expect(dapr.deadLetters("t").map((d) => [d.event.id, d.reason])).toEqual([["u1", "no-route"]]);
    expect(dapr.published("t-dlq").map((m) => m.event.id)).toEqual(["u1"]);
  });

  it("counts a refused connection (the app's process is down) as a failed attempt", async () => {
    const stopped = await startApp({ subscriptions: [sub("t", { deadLetterTopic: "t-dlq" })] });
    const dapr = await startDouble({
      resiliency: { maxRetries: 2, initialIntervalMs: 5, maxIntervalMs: 20 },
      apps: [{ appId: "worker", appPort: stopped.port }],
    });
    await stopped.close();
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("r1"), ce);
    await dapr.idle();
    expect(dapr.deadLetters("t").map((d) => [d.event.id, d.reason])).toEqual([["r1", "retries-exhausted"]]);
  });

  it("retries without limit when maxRetries is -1, so a restarted app still gets the message", async () => {
    const first = await startApp({ subscriptions: [sub("t", { deadLetterTopic: "t-dlq" })] });
    const port = first.port;
    const dapr = await startDouble({ resiliency: { maxRetries: -1, initialIntervalMs: 5, maxIntervalMs: 20 }, apps: [{ appId: "worker", appPort: port }] });
    await first.close();
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("k1"), ce);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const restarted = await startApp({ subscriptions: [sub("t", { deadLetterTopic: "t-dlq" })], port });
    await waitFor(() => restarted.to("/events/t").length === 1, "redelivery after the restart");
    expect(dapr.deadLetters()).toEqual([]);
  });

  it("dead-letters at once when a dead-letter topic is set and no retries are declared", async () => {
    const worker = await startApp({ subscriptions: [sub("t", { deadLetterTopic: "t-dlq" })], handle: () => ({ status: 503 }) });
    const dapr = await startDouble({ resiliency: { maxRetries: 0 }, apps: [{ appId: "worker", appPort: worker.port }] });
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("z1"), ce);
    await dapr.idle();
    expect(worker.to("/events/t")).toHaveLength(1);
    expect(dapr.published("t-dlq").map((m) => m.event.id)).toEqual(["z1"]);
  });

  it("keeps order within a partition key while other keys flow past a slow message", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = await startApp({
      subscriptions: [sub("t")],
      handle: async (r) => {
        if (r.body.id === "a1") await gate;
        return { status: 200 };
      },
    });
    const dapr = await startDouble({ apps: [{ appId: "w", appPort: app.port }] });
    const publish = (id: string, key: string) => call(`${dapr.url}/v1.0/publish/pubsub/t?metadata.partitionKey=${key}`, "POST", cloudEvent(id), ce);
    await publish("a1", "user-a");
    await publish("a2", "user-a");
    await publish("b1", "user-b");
    await waitFor(() => app.received.some((r) => r.body.id === "b1"), "b1");
    expect(app.received.map((r) => r.body.id)).not.toContain("a2");
    release();
    await dapr.idle();
    const ids = app.received.map((r) => r.body.id);
    expect(ids.indexOf("a2")).toBeGreaterThan(ids.indexOf("a1"));
  });

  it("answers 500 to publishes while the broker is down and delivers kept messages once it is back", async () => {
    const dapr = await startDouble({});
    await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("kept"), ce);
    dapr.setBrokerDown(true);
    expect((await call(`${dapr.url}/v1.0/publish/pubsub/t`, "POST", cloudEvent("lost"), ce)).status).toBe(500);
    const app = await startApp({ subscriptions: [sub("t")] });
    await dapr.addApp({ appId: "late", appPort: app.port });
    await dapr.discover("late");
    expect(app.received).toEqual([]); // deliveries are paused while down
    dapr.setBrokerDown(false);
    await dapr.idle();
    expect(app.received.map((r) => r.body.id)).toEqual(["kept"]);
  });

  it("bulk publish reports only the failed entries", async () => {
    const app = await startApp({ subscriptions: [sub("t")] });
    const dapr = await startDouble({ apps: [{ appId: "w", appPort: app.port }] });
    const res = await call(`${dapr.url}/v1.0-alpha1/publish/bulk/pubsub/t`, "POST", [
      { entryId: "1", event: cloudEvent("ok"), contentType: "application/cloudevents+json" },
      { entryId: "2", event: { specversion: "1.0" }, contentType: "application/cloudevents+json" },
    ]);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { failedEntries: { entryId: string }[] };
    expect(body.failedEntries.map((e) => e.entryId)).toEqual(["2"]);
    await dapr.idle();
    expect(app.received.map((r) => r.body.id)).toEqual(["ok"]);
  });

  it("reports not ready on /v1.0/healthz until the app answers /dapr/subscribe", async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const appPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const dapr = await startDaprDouble({ apps: [{ appId: "w", appPort }] });
    cleanups.push(() => dapr.close());
    expect((await call(`${dapr.sidecar("w").url}/v1.0/healthz`, "GET")).status).toBe(500);
    expect((await call(`${dapr.sidecar("w").url}/v1.0/healthz/outbound`, "GET")).status).toBe(204);
    await startApp({ port: appPort });
    await dapr.discover("w");
    expect((await call(`${dapr.sidecar("w").url}/v1.0/healthz`, "GET")).status).toBe(204);
  });
});

describe("jobs", () => {
  it("calls back the scheduling app at dueTime with the job data, then forgets the job", async () => {
    const app = await startApp({});
    const other = await startApp({});
    const dapr = await startDouble({ apps: [{ appId: "reminders", appPort: app.port }, { appId: "other", appPort: other.port }] });
    const jobs = `${dapr.sidecar("reminders").url}/v1.0-alpha1/jobs`;
    const res = await call(`${jobs}/reminder-1`, "POST", { data: { reminderId: "r1" }, dueTime: "300ms" });
    expect(res.status).toBe(204);
    expect((await call(`${jobs}/reminder-1`, "GET")).status).toBe(200);
    await waitFor(() => app.to("/job/reminder-1").length > 0, "job trigger");
    expect(app.to("/job/reminder-1")[0]?.body).toEqual({ reminderId: "r1" });
    await dapr.idle();
    expect(other.received).toEqual([]);
    expect((await call(`${jobs}/reminder-1`, "GET")).status).toBe(500);
  });

  it("refuses to reuse a name without overwrite, replaces it with overwrite", async () => {
    const app = await startApp({});
    const dapr = await startDouble({ apps: [{ appId: "reminders", appPort: app.port }] });
    const job = `${dapr.sidecar("reminders").url}/v1.0-alpha1/jobs/j`;
    await call(job, "POST", { data: { v: 1 }, dueTime: "1h" });
    const again = await call(job, "POST", { data: { v: 2 }, dueTime: "1h" });
    expect(again.status).toBe(500);
    expect(await again.json()).toMatchObject({ errorCode: "DAPR_SCHEDULER_SCHEDULE_JOB" });
    expect((await call(job, "POST", { data: { v: 3 }, dueTime: "2h", overwrite: true })).status).toBe(204);
    expect(await (await call(job, "GET")).json()).toMatchObject({ name: "j", data: { "@type": "type.googleapis.com/google.protobuf.Value", value: { v: 3 } }, dueTime: "2h" });
  });

  it("does not trigger a deleted job", async () => {
    const app = await startApp({});
    const dapr = await startDouble({ apps: [{ appId: "reminders", appPort: app.port }] });
    const jobs = `${dapr.sidecar("reminders").url}/v1.0-alpha1/jobs`;
    await call(`${jobs}/cancelled`, "POST", { data: {}, dueTime: "200ms" });
    await call(`${jobs}/sentinel`, "POST", { data: {}, dueTime: "400ms" });
    expect((await call(`${jobs}/cancelled`, "DELETE")).status).toBe(204);
    expect((await call(`${jobs}/cancelled`, "GET")).status).toBe(500);
    await waitFor(() => app.to("/job/sentinel").length > 0, "sentinel job");
    expect(app.to("/job/cancelled")).toEqual([]);
  });

  it("can deliver a trigger twice (at-least-once) and retries a failed trigger", async () => {
    const app = await startApp({ handle: (r, nth) => ({ status: r.path === "/job/flaky" && nth === 1 ? 500 : 200 }) });
    const dapr = await startDouble({ apps: [{ appId: "reminders", appPort: app.port }] });
    const jobs = `${dapr.sidecar("reminders").url}/v1.0-alpha1/jobs`;
    await call(`${jobs}/twice`, "POST", { data: { n: 1 }, dueTime: "1h" });
    expect(await dapr.fireJobNow("twice", { duplicate: true })).toEqual(["done", "done"]);
    expect(app.to("/job/twice")).toHaveLength(2);
    await call(`${jobs}/flaky`, "POST", { data: {}, dueTime: "1h" });
    expect(await dapr.fireJobNow("flaky")).toEqual(["done"]);
    expect(app.to("/job/flaky")).toHaveLength(2);
  });
});

describe("state and secrets", () => {
  it("applies ETag concurrency rules", async () => {
    const dapr = await startDouble({});
    const store = `${dapr.url}/v1.0/state/statestore`;
    expect((await call(`${store}/k`, "GET")).status).toBe(204);
    expect((await call(store, "POST", [{ key: "k", value: { n: 1 } }])).status).toBe(204);
    const first = await call(`${store}/k`, "GET");
    const etag = first.headers.get("etag") ?? "";
    expect(await first.json()).toEqual({ n: 1 });
    expect((await call(store, "POST", [{ key: "k", value: { n: 2 }, etag }])).status).toBe(204);
    expect((await call(store, "POST", [{ key: "k", value: { n: 3 }, etag }])).status).toBe(409);
    expect((await call(store, "POST", [{ key: "k", value: { n: 4 }, options: { concurrency: "first-write" } }])).status).toBe(409);
    expect((await call(`${store}/k`, "DELETE", undefined, { "if-match": etag })).status).toBe(409);
    expect(await (await call(`${store}/k`, "GET")).json()).toEqual({ n: 2 });
  });

  it("serves configured secrets", async () => {
    const dapr = await startDouble({ secrets: { local: { "db-url": "postgres://x" } } });
    const res = await call(`${dapr.url}/v1.0/secrets/local/db-url`, "GET");
    expect(await res.json()).toEqual({ "db-url": "postgres://x" });
    expect((await call(`${dapr.url}/v1.0/secrets/local/missing`, "GET")).status).toBe(204);
    expect((await call(`${dapr.url}/v1.0/secrets/vault/db-url`, "GET")).status).toBe(400);
  });
});

describe("cli", () => {
  it("starts as a separate process and announces its port", async () => {
    const cli = path.resolve(import.meta.dirname, "../support/dapr-double/cli.ts");
    const tsx = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
    const child = spawn(tsx, [cli, JSON.stringify({ port: 0, apps: [] })], { stdio: ["ignore", "pipe", "inherit"] });
    cleanups.push(async () => {
      child.kill("SIGTERM");
    });
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once("line", resolve));
    const ready = JSON.parse(line) as { ready: boolean; port: number };
    expect(ready.ready).toBe(true);
    expect((await call(`http://127.0.0.1:${ready.port}/v1.0/healthz`, "GET")).status).toBe(204);
  });
});
