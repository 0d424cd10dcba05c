// The sidecar behaviour Cadence's code depends on (src/server/events/transports/dapr.ts, workers/host/*,
// workers/reminders/dapr-jobs.ts, workers/webhooks/scheduler.ts, dapr-components/*), as one list of cases run
// against the double (tests/unit/dapr-contract.test.ts) and against daprd 1.18.2 + Kafka 3.9.2
// (tests/real-stack/dapr-contract.test.ts), so the fast tests catch what the real sidecar would do.
// Observed only through HTTP (what the sidecar answers, what it calls on the app) and the broker's own tools.
import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { listDeadLetters } from "@/server/events/dead-letters";
import type { WorkerDefinition } from "@/server/events/worker-types";
import { serveWithDapr, type DaprWorkerServer } from "@workers/host/dapr-server";
import { daprSubscriptions } from "@workers/host/subscriptions";
import { createTestDatabase, type TestDatabase } from "../database";
import { startContractApp, success, type AppCall, type ContractApp } from "./app";
import type { StartTarget, SidecarTarget } from "./target";
import type { Subscription } from "../dapr-double";

const CLOUDEVENTS = "application/cloudevents+json";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Event {
  specversion: string;
  id: string;
  type: string;
  source: string;
  datacontenttype: string;
  userid: string;
  data: unknown;
}
const event = (id: string, type: string, userid: string): Event => ({
  specversion: "1.0",
  id,
  type,
  source: "cadence/contract",
  datacontenttype: "application/json",
  userid,
  data: { id, note: "ä ✓" },
});

/** Every event a call carried: one for a single delivery, each entry's for a bulk one. */
export function eventsOf(call: AppCall): { id: string; type: string; userid?: string; data?: unknown }[] {
  const body = call.body as { entries?: { event: unknown }[]; id?: string } | null;
  if (body && Array.isArray(body.entries)) return body.entries.map((e) => e.event as Event);
  return body && typeof body === "object" && "specversion" in body ? [body as unknown as Event] : [];
}

export function sidecarContract(targetName: string, startTarget: StartTarget, options: { appPort?: number } = {}) {
  const run = randomUUID().slice(0, 8);
  const topic = (name: string) => `contract-${run}-${name}`;
  const appId = `contract-${run}`;
  const bulk = { enabled: true, maxMessagesCount: 100, maxAwaitDurationMs: 20 };
  const dlq = (name: string) => topic(`${name}-dlq`);
  // Declared like dapr-components/subscriptions/*.yaml (rules by type, a default, a dead-letter topic, bulk), and
  // one with rules only, the shape that dead-letters every unmatched event.
  const declared: Subscription[] = [
    {
      pubsubname: "pubsub",
      topic: topic("routed"),
      routes: {
        rules: [
          { match: 'event.type == "contract.a"', path: "/routed/a" },
          { match: 'event.type in ["contract.b", "contract.b2"]', path: "/routed/b" },
        ],
        default: "/routed/other",
      },
      deadLetterTopic: dlq("routed"),
      bulkSubscribe: bulk,
    },
    {
      pubsubname: "pubsub",
      topic: topic("norule"),
      routes: { rules: [{ match: 'event.type == "contract.a"', path: "/norule/a" }] },
      deadLetterTopic: dlq("norule"),
    },
  ];
  // Listed on GET /dapr/subscribe, as workers/host/subscriptions.ts does.
  const listed: Subscription[] = [
    { pubsubname: "pubsub", topic: topic("keyed"), routes: { default: "/keyed" } },
    { pubsubname: "pubsub", topic: topic("single"), routes: { default: "/single" }, deadLetterTopic: dlq("single") },
    { pubsubname: "pubsub", topic: topic("bulk"), routes: { default: "/bulk" }, deadLetterTopic: dlq("bulk"), bulkSubscribe: bulk },
    { pubsubname: "pubsub", topic: topic("down"), routes: { default: "/down" }, deadLetterTopic: dlq("down"), bulkSubscribe: bulk },
    ...["routed", "norule", "single", "bulk", "down"].map((name) => ({ pubsubname: "pubsub", topic: dlq(name), routes: { default: `/dlq/${name}` } })),
  ];

  // A real worker host (workers/host) behind the app's paths /events/probe and /dead-letters/probe, with a handler
  // that always throws: its give-up rule (5 failed attempts spread over a least time, 2 s here instead of 60 s)
  // must turn the event into one stored dead letter through the sidecar's bulk path and dead-letter topic.
  const GIVE_UP_AFTER_MS = 2_000;
  const probe: WorkerDefinition = {
    name: "probe",
    subscriptions: [
      {
        name: "always-fails",
        topic: topic("giveup"),
        handle: () => {
          throw new Error("the handler always fails");
        },
      },
    ],
  };
  listed.push(...(daprSubscriptions(probe, "pubsub") as Subscription[]));
  let database: TestDatabase;
  let worker: DaprWorkerServer;

  let app: ContractApp;
  let sidecar: SidecarTarget;
  const api = (path: string, init: RequestInit & { token?: boolean } = {}) =>
    fetch(`${sidecar.url}${path}`, {
      ...init,
      headers: { ...(init.token === false ? {} : { "dapr-api-token": sidecar.apiToken }), ...(init.headers as Record<string, string> | undefined) },
    });
  const publish = (name: string, e: Event, key?: string, token = true) =>
    api(`/v1.0/publish/pubsub/${topic(name)}${key ? `?metadata.partitionKey=${encodeURIComponent(key)}` : ""}`, {
      method: "POST",
      headers: { "content-type": CLOUDEVENTS },
      body: JSON.stringify(e),
      token,
    });
  /** Deliveries of one event id on paths starting with `prefix`, in arrival order. */
  const deliveriesOf = (prefix: string, id: string) => app.calls(prefix).filter((c) => eventsOf(c).some((e) => e.id === id));
  const seen = (prefix: string, id: string, times = 1) => () => deliveriesOf(prefix, id).length >= times;

  describe(`the Dapr sidecar contract (${targetName})`, { timeout: 120_000 }, () => {
    beforeAll(async () => {
      database = await createTestDatabase();
      worker = await serveWithDapr(probe, {
        port: 0,
        services: { env: parseEnv({}), db: database.handle, log: pino({ level: "silent" }) },
        giveUpAfterMs: GIVE_UP_AFTER_MS,
      });
      app = await startContractApp({ port: options.appPort, subscriptions: listed });
      app.forward("/events/probe/", worker.port);
      app.forward("/dead-letters/probe/", worker.port);
      sidecar = await startTarget({ appId, app, declared });
    }, 300_000);
    afterAll(async () => {
      await sidecar?.close();
      await app?.close();
      await worker?.close();
      await database?.drop();
    });

    it("publishes CloudEvents keyed by user (single and bulk publish) and delivers them unchanged with the app token", async () => {
      expect((await publish("keyed", event(`k0-${run}`, "contract.a", "u1"), "u1", false)).status).toBe(401);
      expect((await api("/v1.0/healthz/outbound", { token: false })).status).toBe(204);
      const singles = [event(`k1-${run}`, "contract.a", "u1"), event(`k2-${run}`, "contract.b", "u2"), event(`k3-${run}`, "contract.a", "u1")];
      for (const e of singles) expect((await publish("keyed", e, e.userid)).status).toBe(204);
      const bulked = [event(`k4-${run}`, "contract.a", "u2"), event(`k5-${run}`, "contract.c", "u3")];
      const bulkAnswer = await api(`/v1.0-alpha1/publish/bulk/pubsub/${topic("keyed")}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(bulked.map((e) => ({ entryId: e.id, event: e, contentType: CLOUDEVENTS, metadata: { partitionKey: e.userid } }))),
      });
      expect(bulkAnswer.status).toBe(204);
      const all = [...singles, ...bulked];
      await app.until(() => all.every((e) => seen("/keyed", e.id)()), "every published event on /keyed");
      for (const e of all) {
        const [call] = deliveriesOf("/keyed", e.id);
        expect(eventsOf(call!)[0]).toMatchObject({ id: e.id, type: e.type, source: e.source, userid: e.userid, data: e.data });
        expect(call!.headers["dapr-api-token"]).toBe(sidecar.appToken);
        expect(call!.headers["content-type"]).toContain(CLOUDEVENTS);
      }
      // The broker holds each message under its user's key, the first test's 401 attempt not at all.
      const keys = await sidecar.topicKeys(topic("keyed"), all.length);
      expect(keys.map((k) => [k.id, k.key]).sort()).toEqual(all.map((e) => [e.id, e.userid]).sort());
    });

    it("routes declared rules by event type and sends unmatched types to the default route, not the dead-letter topic", async () => {
      const events = [event(`ra-${run}`, "contract.a", "u1"), event(`rb-${run}`, "contract.b2", "u2"), event(`rc-${run}`, "task.deleted", "u3")];
      for (const e of events) expect((await publish("routed", e, e.userid)).status).toBe(204);
      await app.until(() => events.every((e) => app.calls("/routed").some((c) => eventsOf(c).some((x) => x.id === e.id))), "the routed events");
      expect(deliveriesOf("/routed/a", `ra-${run}`)).not.toEqual([]);
      expect(deliveriesOf("/routed/b", `rb-${run}`)).not.toEqual([]);
      expect(deliveriesOf("/routed/other", `rc-${run}`)).not.toEqual([]);
      // Bulk subscribe: each route gets its own envelopes.
      for (const call of app.calls("/routed")) expect((call.body as { type?: string }).type).toBe("com.dapr.event.sent.bulk");
    });

    it("dead-letters an event that matches no rule when the subscription has no default route", async () => {
      const lost = event(`nz-${run}`, "contract.z", "u1");
      expect((await publish("norule", lost, lost.userid)).status).toBe(204);
      await app.until(seen("/dlq/norule", lost.id), "the unmatched event on the dead-letter topic");
      expect(eventsOf(deliveriesOf("/dlq/norule", lost.id)[0]!)[0]).toMatchObject({ id: lost.id, type: lost.type, userid: "u1" });
      expect(app.calls("/norule/")).toEqual([]);
    });

    it("redelivers a single delivery answered RETRY or 500; DROP and 404 go to the dead-letter topic", async () => {
      app.answer("/single", (call) => {
        const [e] = eventsOf(call);
        const first = deliveriesOf("/single", e!.id).length === 1;
        if (e?.id.startsWith("sr") && first) return { status: 200, body: { status: "RETRY" } };
        if (e?.id.startsWith("s5") && first) return { status: 500, body: { error: "boom" } };
        if (e?.id.startsWith("sd")) return { status: 200, body: { status: "DROP" } };
        if (e?.id.startsWith("sn")) return { status: 404 };
        return success(call);
      });
      const events = ["sr", "s5", "sd", "sn", "ss"].map((p, i) => event(`${p}-${run}`, "contract.a", `u${i}`));
      for (const e of events) expect((await publish("single", e, e.userid)).status).toBe(204);
      await app.until(() => seen("/single", `sr-${run}`, 2)() && seen("/single", `s5-${run}`, 2)(), "the redeliveries");
      await app.until(seen("/dlq/single", `sd-${run}`), "the dropped event on the dead-letter topic");
      await app.until(seen("/dlq/single", `sn-${run}`), "the event answered 404 on the dead-letter topic");
      await app.until(seen("/single", `ss-${run}`), "the plain event");
      for (const call of app.calls("/single")) expect((call.body as { specversion?: string }).specversion).toBe("1.0");
    });

    it("delivers bulk envelopes and honours each entry's SUCCESS, RETRY and DROP", async () => {
      app.answer("/bulk", (call) => ({
        status: 200,
        body: {
          statuses: (call.body as { entries: { entryId: string; event: Event }[] }).entries.map(({ entryId, event: e }) => {
            const first = deliveriesOf("/bulk", e.id).length === 1;
            const status = e.id.startsWith("br") && first ? "RETRY" : e.id.startsWith("bd") ? "DROP" : "SUCCESS";
            return { entryId, status };
          }),
        },
      }));
      const events = ["bs", "br", "bd"].map((p, i) => event(`${p}-${run}`, "contract.a", `u${i}`));
      for (const e of events) expect((await publish("bulk", e, e.userid)).status).toBe(204);
      await app.until(seen("/bulk", `br-${run}`, 2), "the RETRY entry delivered again");
      await app.until(seen("/dlq/bulk", `bd-${run}`), "the DROP entry on the dead-letter topic");
      const [first] = app.calls("/bulk");
      // daprd 1.18.2 sends `id: ""`: nothing may rely on it.
      expect(first!.body).toMatchObject({ id: expect.any(String), topic: topic("bulk"), pubsubname: "pubsub", type: "com.dapr.event.sent.bulk" });
      for (const entry of (first!.body as { entries: Record<string, unknown>[] }).entries) {
        expect(entry).toMatchObject({ entryId: expect.any(String), contentType: CLOUDEVENTS, event: { specversion: "1.0", type: "contract.a" } });
      }
      expect(first!.headers["dapr-api-token"]).toBe(sidecar.appToken);
      // The dead letter arrives one at a time (its subscription is not bulk), as the CloudEvent that was dropped.
      expect(eventsOf(deliveriesOf("/dlq/bulk", `bd-${run}`)[0]!)[0]).toMatchObject({ id: `bd-${run}`, userid: "u2" });
    });

    it("schedules a one-shot job that calls the app's job route once with its data, and deletes jobs", async () => {
      const jobs = `/v1.0-alpha1/jobs/`;
      const name = `reminder-${run}`;
      const schedule = (jobName: string, dueTime: string, data: unknown) =>
        api(jobs + jobName, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ data, dueTime, repeats: 1, overwrite: true }) });
      expect((await api(jobs + name, { method: "POST", body: "{}", token: false })).status).toBe(401);
      // Rescheduled once (overwrite), as a reminder moved before it fires.
      expect((await schedule(name, new Date(Date.now() + 60_000).toISOString(), { reminderId: "old" })).ok).toBe(true);
      expect((await schedule(name, new Date(Date.now() + 1_500).toISOString(), { reminderId: run })).ok).toBe(true);
      // A job answered 500 is triggered again (the reminders worker answers 500 when firing failed).
      app.answer("/job/retry-", (call) => (call.index === 0 ? { status: 500 } : { status: 200 }));
      expect((await schedule(`retry-${run}`, new Date(Date.now() + 1_000).toISOString(), { endpointId: run })).ok).toBe(true);
      const later = `webhook-${run}`;
      expect((await schedule(later, new Date(Date.now() + 3_600_000).toISOString(), { endpointId: run })).ok).toBe(true);
      const got = await api(jobs + later);
      expect(got.status).toBe(200);
      // The data comes back wrapped as the protobuf Any the Scheduler stores (nothing in Cadence reads it back).
      expect(await got.json()).toMatchObject({ name: later, data: { "@type": "type.googleapis.com/google.protobuf.Value", value: { endpointId: run } } });
      expect((await api(jobs + later, { method: "DELETE" })).ok).toBe(true);
      expect((await api(jobs + later)).ok).toBe(false);

      await app.until(() => app.calls(`/job/${name}`).length >= 1, "the job callback");
      const [call] = app.calls(`/job/${name}`);
      expect(call!.body).toEqual({ reminderId: run });
      expect(call!.headers["dapr-api-token"]).toBe(sidecar.appToken);
      await app.until(() => app.calls(`/job/retry-${run}`).length >= 2, "the job answered 500 triggered again");
      // A one-shot job is gone once it fired.
      expect((await api(jobs + name)).ok).toBe(false);
    });

    it("dead-letters an event a worker keeps failing on once after 5 attempts over the give-up time, through bulk delivery", async () => {
      const failing = { ...event(`gf-${run}`, "cadence.task.completed.v1", "u-giveup"), source: "/cadence/contract" };
      expect((await publish("giveup", failing, failing.userid)).status).toBe(204);
      const stored = async () => (await listDeadLetters(database.handle.db)).items.filter((d) => JSON.stringify(d.event).includes(failing.id));
      const deadline = Date.now() + 60_000;
      while ((await stored()).length === 0) {
        if (Date.now() > deadline) throw new Error(`no dead letter; deliveries: ${deliveriesOf("/events/probe/", failing.id).length}`);
        await sleep(100);
      }
      const [letter] = await stored();
      expect(letter).toMatchObject({ topic: topic("giveup"), consumer: "probe/always-fails", reason: expect.stringContaining("always fails") });
      const attempts = deliveriesOf("/events/probe/", failing.id);
      expect(attempts.length).toBeGreaterThanOrEqual(5);
      for (const call of attempts) expect((call.body as { type?: string }).type).toBe("com.dapr.event.sent.bulk");
      await sleep(1_000);
      expect(await stored()).toHaveLength(1);
    });

    it("counts refused connections while the app is down as attempts and delivers everything once it is back", async () => {
      await app.stop();
      const events = [0, 1, 2].map((i) => event(`d${i}-${run}`, "contract.a", "u-down"));
      for (const e of events) expect((await publish("down", e, e.userid)).status).toBe(204);
      await sleep(4_000); // longer than the app health check's threshold (2 probes, 1 s apart) in scripts/fleet/stack.ts
      await app.start();
      await app.until(() => events.every((e) => seen("/down", e.id)()), "every event published while the app was down", 60_000);
      // One user's events keep their order (one partition key).
      const firstSeen = events.map((e) => app.calls().findIndex((c) => c.path === "/down" && eventsOf(c).some((x) => x.id === e.id)));
      expect([...firstSeen].sort((a, b) => a - b)).toEqual(firstSeen);
    });

    it("ends with exactly the refused events dead-lettered, each job once, and successes not delivered again", async () => {
      await sleep(2_000); // room for a late duplicate or a stray dead letter to arrive
      const deadLettered = app.calls("/dlq/").flatMap((c) => eventsOf(c).map((e) => `${c.path} ${e.id}`));
      expect([...new Set(deadLettered)].sort()).toEqual([`/dlq/bulk bd-${run}`, `/dlq/norule nz-${run}`, `/dlq/single sd-${run}`, `/dlq/single sn-${run}`].sort());
      expect(app.calls(`/job/reminder-${run}`)).toHaveLength(1);
      expect(app.calls(`/job/retry-${run}`)).toHaveLength(2);
      expect(deliveriesOf("/single", `sn-${run}`)).toHaveLength(1);
      expect(deliveriesOf("/single", `ss-${run}`)).toHaveLength(1);
      expect(deliveriesOf("/bulk", `bs-${run}`)).toHaveLength(1);
      expect(deliveriesOf("/routed", `rc-${run}`)).toHaveLength(1);
    });
  });
}
