// Bulk subscribe in the Dapr double: envelope shape, one fate per entry, per-key order, per-message fallback.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startDaprDouble, type DaprDouble } from "../support/dapr-double";

interface BulkEntry {
  entryId: string;
  event: { id: string; userid?: string };
  contentType: string;
  metadata: Record<string, string>;
}
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown> & { entries?: BulkEntry[] };
}
type Answer = { status: number; body?: unknown };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function startApp(subscriptions: unknown[], handle?: (req: Received, nth: number) => Answer): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (() => {
        if (req.url === "/dapr/subscribe") return { status: 200, body: subscriptions };
        const text = Buffer.concat(chunks).toString("utf8");
        const entry: Received = { path: req.url ?? "", headers: req.headers, body: JSON.parse(text) as Received["body"] };
        received.push(entry);
        return handle?.(entry, received.length) ?? { status: 200, body: allSuccess(entry) };
      })();
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { port: (server.address() as AddressInfo).port, received };
}

const allSuccess = (req: Received) =>
  req.body.entries ? { statuses: req.body.entries.map((e) => ({ entryId: e.entryId, status: "SUCCESS" })) } : { status: "SUCCESS" };

async function startDouble(appPort: number): Promise<DaprDouble> {
  const double = await startDaprDouble({ apps: [{ appId: "w", appPort }], resiliency: { maxRetries: 3, initialIntervalMs: 5, maxIntervalMs: 10 } });
  cleanups.push(() => double.close());
  await double.discover();
  return double;
}

const event = (id: string, userid: string) => ({ specversion: "1.0", id, type: "cadence.task.updated.v1", source: "cadence/web", userid, data: {} });

/** One bulk publish request: every message reaches the broker in the same tick. */
async function publishAll(double: DaprDouble, events: ReturnType<typeof event>[]): Promise<void> {
  const body = events.map((e) => ({ entryId: e.id, event: e, contentType: "application/cloudevents+json", metadata: { partitionKey: e.userid } }));
  const res = await fetch(`${double.url}/v1.0-alpha1/publish/bulk/pubsub/t`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(204);
}

const bulkSub = (maxMessagesCount: number, maxAwaitDurationMs: number) => ({
  pubsubname: "pubsub",
  topic: "t",
  route: "/events/t",
  deadLetterTopic: "t-dlq",
  bulkSubscribe: { enabled: true, maxMessagesCount, maxAwaitDurationMs },
});

describe("dapr double bulk subscribe", () => {
  it("delivers a Dapr bulk envelope and applies each entry's status: SUCCESS, DROP → dead letter, missing → retried", async () => {
    const app = await startApp([bulkSub(3, 20)], (req, nth) => {
      const entries = req.body.entries ?? [];
      if (nth > 1) return { status: 200, body: allSuccess(req) };
      const status = (id: string) => (id === "a" ? "SUCCESS" : "DROP");
      // "c" is left out of the answer on purpose: Dapr treats a missing entry as RETRY.
      return { status: 200, body: { statuses: entries.filter((e) => e.event.id !== "c").map((e) => ({ entryId: e.entryId, status: status(e.event.id) })) } };
    });
    const double = await startDouble(app.port);
    await publishAll(double, [event("a", "u1"), event("b", "u2"), event("c", "u3")]);
    await double.idle();

    const [first, second] = app.received;
    expect(first?.headers["content-type"]).toBe("application/cloudevents+json");
    expect(first?.body).toMatchObject({ topic: "t", pubsubname: "pubsub", type: "com.dapr.event.sent.bulk", metadata: { pubsubName: "pubsub" } });
    expect(typeof first?.body.id).toBe("string");
    expect(first?.body.entries?.map((e) => [e.event.id, e.contentType])).toEqual([
      ["a", "application/cloudevents+json"],
      ["b", "application/cloudevents+json"],
      ["c", "application/cloudevents+json"],
    ]);
    expect(second?.body.entries?.map((e) => e.event.id)).toEqual(["c"]);
    expect(app.received).toHaveLength(2);
    expect(double.deadLetters("t").map((d) => [d.event.id, d.reason])).toEqual([["b", "drop"]]);
    const outcomes = (id: string) => double.deliveries({ topic: "t" }).filter((d) => d.eventId === id).map((d) => d.outcome);
    expect([outcomes("a"), outcomes("b"), outcomes("c")]).toEqual([["success"], ["drop"], ["retry", "success"]]);
    expect(double.deliveries({ topic: "t" }).every((d) => d.bulkId !== undefined)).toBe(true);
  });

  it("never puts two messages of one partition key in a bulk, so each key's order holds", async () => {
    const app = await startApp([bulkSub(10, 20)]);
    const double = await startDouble(app.port);
    await publishAll(double, [event("u1-1", "u1"), event("u1-2", "u1"), event("u2-1", "u2"), event("u1-3", "u1"), event("u2-2", "u2")]);
    await double.idle();
    for (const bulk of app.received) {
      const users = (bulk.body.entries ?? []).map((e) => e.event.userid);
      expect(new Set(users).size).toBe(users.length);
    }
    const ids = app.received.flatMap((r) => (r.body.entries ?? []).map((e) => e.event.id));
    expect(ids.filter((id) => id.startsWith("u1"))).toEqual(["u1-1", "u1-2", "u1-3"]);
    expect(ids.filter((id) => id.startsWith("u2"))).toEqual(["u2-1", "u2-2"]);
  });

  it("retries every entry on a 500 and drops every entry on a 404, without dead-lettering", async () => {
    const retried = await startApp([bulkSub(2, 20)], (req, nth) => (nth === 1 ? { status: 500 } : { status: 200, body: allSuccess(req) }));
    const first = await startDouble(retried.port);
    await publishAll(first, [event("x", "u1"), event("y", "u2")]);
    await first.idle();
    expect(retried.received.map((r) => (r.body.entries ?? []).map((e) => e.event.id).sort())).toEqual([["x", "y"], ["x", "y"]]);

    const missing = await startApp([bulkSub(2, 20)], () => ({ status: 404 }));
    const second = await startDouble(missing.port);
    await publishAll(second, [event("p", "u1"), event("q", "u2")]);
    await second.idle();
    expect(missing.received).toHaveLength(1);
    expect(second.deliveries({ topic: "t" }).map((d) => d.outcome)).toEqual(["not-found", "not-found"]);
    expect(second.deadLetters()).toEqual([]);
  });

  it("keeps one POST per message for a subscription without bulkSubscribe", async () => {
    const app = await startApp([{ pubsubname: "pubsub", topic: "t", route: "/events/t" }]);
    const double = await startDouble(app.port);
    await publishAll(double, [event("s1", "u1"), event("s2", "u2")]);
    await double.idle();
    expect(app.received.map((r) => r.body.id).sort()).toEqual(["s1", "s2"]);
    expect(app.received.every((r) => r.body.entries === undefined)).toBe(true);
  });
});
