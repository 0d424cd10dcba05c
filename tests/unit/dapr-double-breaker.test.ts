// The double's outbound circuit breaker: the policy comes from dapr-components/resiliency.yaml itself, and a
// publish through a sidecar behaves as daprd's does while the breaker is closed, open and half-open.
import { afterEach, describe, expect, it } from "vitest";
import { CircuitBreaker, outboundBreakerOf } from "../support/dapr-double/breaker";
import { startDaprDouble, type DaprDouble } from "../support/dapr-double";

let double: DaprDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

describe("dapr double: outbound circuit breaker", () => {
  it("reads the pubsub outbound breaker from dapr-components/resiliency.yaml", () => {
    expect(outboundBreakerOf()).toEqual({ consecutiveFailures: 5, timeoutMs: 5_000, maxRequests: 1, intervalMs: 30_000 });
  });

  it("opens after more than N consecutive failures, fails fast until its timeout, then closes on a half-open success", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ consecutiveFailures: 2, timeoutMs: 1_000, maxRequests: 1, intervalMs: 0 }, () => now);
    const fail = () => {
      throw new Error("down");
    };
    for (let i = 0; i < 3; i++) expect(() => breaker.run(fail)).toThrow("down");
    expect(breaker.current()).toBe("open");
    let ran = false;
    expect(() => breaker.run(() => (ran = true))).toThrow("circuit breaker is open");
    expect(ran).toBe(false);
    now = 1_000;
    expect(breaker.current()).toBe("half-open");
    expect(() => breaker.run(fail)).toThrow("down"); // a half-open failure opens it again
    expect(breaker.current()).toBe("open");
    now = 2_000;
    expect(breaker.run(() => "sent")).toBe("sent");
    expect(breaker.current()).toBe("closed");
  });

  it("answers 500 to publishes while open even though the broker is back, and publishes again after the timeout", async () => {
    double = await startDaprDouble({ apps: [{ appId: "publisher", appPort: 1 }], outboundBreaker: { consecutiveFailures: 2, timeoutMs: 400, maxRequests: 1, intervalMs: 0 } });
    const url = `${double.sidecar("publisher").url}/v1.0/publish/pubsub/task-events`;
    const publish = () => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: 1 }) }).then(async (r) => ({ status: r.status, text: await r.text() }));
    double.setBrokerDown(true);
    for (let i = 0; i < 3; i++) expect((await publish()).status).toBe(500);
    double.setBrokerDown(false);
    const open = await publish();
    expect(open.status).toBe(500);
    expect(open.text).toContain("circuit breaker is open");
    expect(double.published("task-events")).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await publish()).status).toBe(204);
    expect(double.published("task-events")).toHaveLength(1);
  });
});
