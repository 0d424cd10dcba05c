import { describe, expect, it } from "vitest";
import { asBackground, createPriorityGate } from "@/server/db/priority";

/** A call that stays in hand until released, recording when it ran. */
function pending(order: string[], name: string) {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  const run = async () => {
    order.push(`${name} start`);
    await done;
    order.push(`${name} end`);
  };
  return { run, release };
}

describe("embedded database priority", () => {
  it("lets a background call wait while a request's call is in hand, then run as soon as it ends", async () => {
    const gate = createPriorityGate(60_000);
    const order: string[] = [];
    const request = pending(order, "request");
    const requestCall = gate(request.run);
    // Started from a timer inside background work: the mark follows the work through awaits and callbacks.
    const backgroundCall = asBackground(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return gate(async () => void order.push("event work"));
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual(["request start"]);
    request.release();
    await Promise.all([requestCall, backgroundCall]);
    expect(order).toEqual(["request start", "request end", "event work"]);
  });

  it("never starves event work: a background call waits at most the bound, and runs at once when no request is in hand", async () => {
    const gate = createPriorityGate(20);
    const order: string[] = [];
    const request = pending(order, "request");
    const requestCall = gate(request.run);
    await asBackground(() => gate(async () => void order.push("event work")));
    expect(order).toEqual(["request start", "event work"]);
    request.release();
    await requestCall;
    await asBackground(() => gate(async () => void order.push("event work, alone")));
    expect(order.at(-1)).toBe("event work, alone");
  });

  it("does not hold back requests behind each other", async () => {
    const gate = createPriorityGate(60_000);
    const order: string[] = [];
    const first = pending(order, "first");
    const firstCall = gate(first.run);
    await gate(async () => void order.push("second"));
    expect(order).toEqual(["first start", "second"]);
    first.release();
    await firstCall;
  });

  it("holds a relay pass back while a request has the connection, and starts it once requests pause (or at the bound)", async () => {
    const gate = createPriorityGate(60_000);
    const order: string[] = [];
    const request = pending(order, "request");
    const requestCall = gate(request.run);
    const pass = gate.quiet(5, 60_000).then(() => void order.push("pass"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual(["request start"]);
    request.release();
    await Promise.all([requestCall, pass]);
    expect(order).toEqual(["request start", "request end", "pass"]);

    const busy = pending(order, "busy request");
    const busyCall = gate(busy.run);
    await gate.quiet(5, 20); // never starved: resolves with the request still in hand
    expect(order.at(-1)).toBe("busy request start");
    busy.release();
    await busyCall;
  });
});
