import { describe, expect, it } from "vitest";
import { createReassembler, splitPayload } from "@/server/realtime/embedded/channel-bus";
import { webProcessCount } from "@/server/http/processes";

describe("realtime bus payloads", () => {
  it("sends a small payload as is and a large one in parts that reassemble in any order, once", () => {
    expect(splitPayload('["c","e","{}",null]')).toEqual(['["c","e","{}",null]']);
    const big = JSON.stringify(["private-user-1", "sync", "𝄞x".repeat(3_000), null]);
    const parts = splitPayload(big);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThan(8_000);
    const reassemble = createReassembler();
    const shuffled = [...parts].reverse();
    const results = shuffled.map((part) => reassemble(part));
    expect(results.slice(0, -1)).toEqual(shuffled.slice(0, -1).map(() => null));
    expect(results.at(-1)).toBe(big);
    expect(reassemble(parts[0]!)).toBeNull(); // a repeat after completion starts a new, incomplete note
  });

  it("forgets a note whose parts never all arrive", () => {
    let now = 0;
    const reassemble = createReassembler(() => now);
    const parts = splitPayload("x".repeat(9_000));
    expect(reassemble(parts[0]!)).toBeNull();
    now = 60_000;
    expect(reassemble(parts[1]!)).toBeNull();
    expect(parts.slice(2).map((part) => reassemble(part)).at(-1)).toBeNull(); // the first part was dropped
  });
});

describe("app processes", () => {
  const pg = "postgres://u:p@127.0.0.1/db";
  it("one process with PGlite, in development or with Dapr unless asked; otherwise one web process per core or WEB_CONCURRENCY", () => {
    expect(webProcessCount({ DATABASE_URL: undefined, DAPR_HTTP_PORT: undefined, WEB_CONCURRENCY: 4 }, false)).toBe(1);
    expect(webProcessCount({ DATABASE_URL: pg, DAPR_HTTP_PORT: undefined, WEB_CONCURRENCY: 4 }, true)).toBe(1);
    expect(webProcessCount({ DATABASE_URL: pg, DAPR_HTTP_PORT: 3500, WEB_CONCURRENCY: undefined }, false)).toBe(1);
    expect(webProcessCount({ DATABASE_URL: pg, DAPR_HTTP_PORT: 3500, WEB_CONCURRENCY: 3 }, false)).toBe(3);
    expect(webProcessCount({ DATABASE_URL: pg, DAPR_HTTP_PORT: undefined, WEB_CONCURRENCY: 2 }, false)).toBe(2);
    expect(webProcessCount({ DATABASE_URL: pg, DAPR_HTTP_PORT: undefined, WEB_CONCURRENCY: undefined }, false)).toBeGreaterThanOrEqual(1);
  });
});
