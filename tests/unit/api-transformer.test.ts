import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeAnswer } from "@/server/api/transformer";

const task = (i: number) => ({
  id: `t${i}`,
  version: i,
  title: `Task ${i}`,
  description: null,
  dueAt: i % 2 ? new Date(Date.UTC(2026, 11, i)) : null,
  completed: false,
  tags: [{ id: "g1", name: "home", color: "#fff" }],
  reminders: [{ id: "r1", remindAt: new Date(Date.UTC(2026, 11, 1, i)), minutesBefore: 15, sentAt: null }],
});

describe("API answer serializer", () => {
  it("writes exactly what superjson writes for the shapes the API answers with", () => {
    const samples: unknown[] = [
      { items: [task(1), task(2), task(3)], nextCursor: "abc", total: 3 },
      { "a.b": new Date(0), "c\\d": [new Date(1), undefined, null], nested: { deeper: { at: new Date(2) } } },
      new Date(5),
      [new Date(6), { x: undefined }],
      "plain",
      42,
      null,
      { empty: {}, list: [] },
    ];
    for (const sample of samples) expect(serializeAnswer(sample)).toEqual(superjson.serialize(sample));
  });

  it("hands what it does not know to superjson, so the client reads it the same", () => {
    const samples: unknown[] = [{ tags: new Set(["a"]) }, { byId: new Map([["k", new Date(0)]]) }, { n: Number.NaN }, { big: 10n }, { zero: -0 }, undefined];
    for (const sample of samples) {
      expect(serializeAnswer(sample)).toEqual(superjson.serialize(sample));
      expect(superjson.deserialize(serializeAnswer(sample))).toEqual(sample);
    }
  });

  it("round-trips through superjson.deserialize with Dates and undefined restored", () => {
    const answer = { items: [task(1), task(2)], at: new Date(7), missing: undefined };
    const back = superjson.deserialize<typeof answer>(serializeAnswer(answer));
    expect(back).toEqual(answer);
    expect(back.items[0]!.dueAt).toBeInstanceOf(Date);
    expect(Object.keys(back)).toContain("missing");
  });

  it("sends a repeated object as copies (superjson would also note that they were one)", () => {
    const shared = { when: new Date(3) };
    const back = superjson.deserialize<{ a: typeof shared; b: typeof shared }>(serializeAnswer({ a: shared, b: shared }));
    expect(back).toEqual({ a: shared, b: shared });
  });
});
