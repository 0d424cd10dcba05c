import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/server/auth/auth";
import { openDatabase } from "@/server/db/client";
import { createApiToken } from "@/server/domain/api-tokens";
import { parseEnv } from "@/server/env";
import { createRequestGuard } from "@/server/http/request-guard";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { LIMITS } from "@/server/limits";
import { consumeRateLimit, RateLimitedError } from "@/server/limits/rate-limit";
import { createLogger } from "@/server/log";
import type { Runtime } from "@/server/runtime";
import { handleMcpRequest } from "@/server/tools/mcp-http";
import { createTestDatabase, createTestUser, testDriver, type TestDatabase } from "../support/database";

// The API as the custom server serves it (request guard in front of tRPC), with small rate limits.
let testDb: TestDatabase;
let server: http.Server;
let origin: string;
let cookie: string;
const authURL = "http://localhost:3997";

beforeAll(async () => {
  testDb = await createTestDatabase();
  const auth = createAuth({ db: testDb.handle.db, secret: "test-secret-test-secret-test-secret!", baseURL: authURL });
  const env = parseEnv({ PORT: "3997", RATE_LIMIT_WRITES_PER_MINUTE: "8", RATE_LIMIT_ASSISTANT_PER_MINUTE: "2", TRUSTED_ORIGINS: "https://tasks.example.org" });
  const runtime: Runtime = { env, db: testDb.handle, auth, log: createLogger("silent"), baseURL: authURL };
  const guard = createRequestGuard({ env, baseURL: authURL, dev: false });
  const handle = createTrpcHandler(runtime);
  server = http.createServer((req, res) => {
    if (guard(req, res)) handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signUp = await auth.handler(
    new Request(`${authURL}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: authURL },
      body: JSON.stringify({ email: "limits@example.test", password: "correct horse", name: "Limits" }),
    }),
  );
  cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  signUpCookie = async (email: string) => {
    const res = await auth.handler(
      new Request(`${authURL}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: authURL },
        body: JSON.stringify({ email, password: "correct horse", name: "Other" }),
      }),
    );
    return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  };
});
let signUpCookie: (email: string) => Promise<string>;
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.drop();
});

type ErrorBody = { error: { json: { message: string; data: { code: string; details: { retryAfterSeconds?: number } | null } } } };
const post = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...headers },
    body: JSON.stringify({ json: input }),
  });
const messageOf = async (res: Response) => ((await res.json()) as ErrorBody).error.json.message;

describe("origin checks on cookie-authenticated writes", () => {
  it("refuses a cross-site POST carrying the session cookie, and accepts the app's own and trusted origins", async () => {
    const evil = await post("tag.create", { name: "evil" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain("Origin https://evil.example is not allowed");
    const noOrigin = await post("tag.create", { name: "evil2" }, { "sec-fetch-site": "cross-site" });
    expect(noOrigin.status).toBe(403);
    const opaque = await post("tag.create", { name: "evil3" }, { origin: "null" });
    expect(opaque.status).toBe(403);
    expect((await post("tag.create", { name: "own" }, { origin: authURL, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await post("tag.create", { name: "trusted" }, { origin: "https://tasks.example.org" })).status).toBe(200);
    // Reached by its own address (e.g. a LAN IP): Origin matches Host.
    expect((await post("tag.create", { name: "by-ip" }, { origin })).status).toBe(200);
    // Non-browser clients send neither header and cannot hold a victim's cookie.
    expect((await post("tag.create", { name: "cli" })).status).toBe(200);
  });

  it("exempts Bearer-token requests and reads (GET) from the check", () => {
    const guard = createRequestGuard({ env: parseEnv({}), baseURL: authURL, dev: false });
    const fake = (method: string, url: string, headers: Record<string, string>) => {
      const res = new http.ServerResponse(new http.IncomingMessage(null as never));
      const req = Object.assign(new http.IncomingMessage(null as never), { method, url, headers });
      return guard(req, res) ? "passed" : res.statusCode;
    };
    expect(fake("POST", "/api/mcp", { origin: "https://evil.example", authorization: "Bearer cad_x" })).toBe("passed");
    expect(fake("POST", "/api/mcp", { origin: "https://evil.example" })).toBe(403);
    expect(fake("POST", "/api/pusher/auth", { origin: "https://evil.example", "content-length": "10" })).toBe(403);
    expect(fake("GET", "/api/trpc/task.list", { origin: "https://evil.example" })).toBe("passed");
  });

  it("does not let a client choose the address sign-in attempts are counted under (X-Forwarded-For) unless a proxy is trusted", () => {
    const run = (trustProxy: boolean) => {
      const guard = createRequestGuard({ env: parseEnv({ TRUST_PROXY: String(trustProxy) }), baseURL: authURL, dev: false });
      const req = Object.assign(new http.IncomingMessage(null as never), { method: "POST", url: "/api/auth/sign-in/email", headers: { "x-forwarded-for": "203.0.113.7" } });
      Object.defineProperty(req, "socket", { value: { remoteAddress: "127.0.0.1" } });
      guard(req, new http.ServerResponse(req));
      return req.headers["x-forwarded-for"];
    };
    expect(run(false)).toBe("127.0.0.1");
    expect(run(true)).toBe("203.0.113.7");
  });
});

describe("request limits", () => {
  it("refuses a body over the route's limit with 413 before reading it, and an undeclared-length body with 411", async () => {
    const big = await post("task.create", { title: "x", description: "y".repeat(LIMITS.bodyBytes[3]!.bytes) });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("Request body too large");
    const chunked = await fetch(`${origin}/api/trpc/task.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"json":{"title":"t"}}')), c.close()) }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });

  it("names the field and the limit for too many tasks per bulk call, tags per filter, a long search or chat message", async () => {
    const ids = Array.from({ length: LIMITS.tasksPerBulkCall + 1 }, () => crypto.randomUUID());
    const bulk = await post("task.bulkUpdate", { ids, action: { type: "complete" } });
    expect(bulk.status).toBe(400);
    expect(await messageOf(bulk)).toContain(`at most ${LIMITS.tasksPerBulkCall} tasks at once`);
    const tagIds = Array.from({ length: LIMITS.tagsPerFilter + 1 }, () => crypto.randomUUID());
    const list = await fetch(`${origin}/api/trpc/task.list?input=${encodeURIComponent(JSON.stringify({ json: { tagIds } }))}`, { headers: { cookie } });
    expect(list.status).toBe(400);
    expect(await messageOf(list)).toContain(`at most ${LIMITS.tagsPerFilter} tags per filter`);
    const search = await fetch(`${origin}/api/trpc/task.list?input=${encodeURIComponent(JSON.stringify({ json: { search: "s".repeat(LIMITS.searchLength + 1) } }))}`, { headers: { cookie } });
    expect(search.status).toBe(400);
    expect(await messageOf(search)).toContain(`at most ${LIMITS.searchLength} characters`);
    const chat = await post("chat.send", { conversationId: crypto.randomUUID(), text: "c".repeat(LIMITS.chatMessageLength + 1) });
    expect(chat.status).toBe(400);
    expect(await messageOf(chat)).toContain(`at most ${LIMITS.chatMessageLength} characters`);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once a user's writes per minute are used up; reads still work", async () => {
    // Earlier tests' writes may already count in this minute: keep writing until refused.
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await post("tag.create", { name: `rate-${i}` });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(limited, `statuses ${statuses.join(",")}`).toBeDefined();
    const retryAfter = Number(limited!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited!.json()) as ErrorBody;
    expect(body.error.json.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.json.message).toContain("at most 8 changes per minute");
    expect(body.error.json.data.details?.retryAfterSeconds).toBe(retryAfter);
    const read = await fetch(`${origin}/api/trpc/task.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, { headers: { cookie } });
    expect(read.status).toBe(200);
  });

  it("limits assistant messages per minute separately, with a tighter limit", async () => {
    const other = await signUpCookie("assistant@example.test");
    const send = () => post("chat.send", { conversationId: crypto.randomUUID(), text: "hello" }, { cookie: other });
    // Unknown conversation: 404, but each message still counts.
    expect((await send()).status).toBe(404);
    expect((await send()).status).toBe(404);
    const third = await send();
    expect(third.status).toBe(429);
    expect(await messageOf(third)).toContain("at most 2 assistant messages per minute");
  });

  it("counts one limit across app processes sharing the database", async () => {
    const other = testDriver() === "postgres" ? await openDatabase({ driver: "postgres", url: testDb.url! }) : testDb.handle;
    const now = new Date("2030-01-01T00:00:10Z");
    const hit = (db: typeof testDb.handle.db) => consumeRateLimit(db, { kind: "writes", subject: "shared-user", limit: 4, now });
    await hit(testDb.handle.db);
    await hit(other.db);
    await hit(testDb.handle.db);
    await hit(other.db);
    const refused = await hit(other.db).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(50);
    // The next minute starts afresh.
    await expect(consumeRateLimit(testDb.handle.db, { kind: "writes", subject: "shared-user", limit: 4, now: new Date("2030-01-01T00:01:00Z") })).resolves.toBeUndefined();
    if (other !== testDb.handle) await other.close();
  });

  it("limits MCP requests per API token with a JSON-RPC error, 429 and Retry-After", async () => {
    const ctx = await createTestUser(testDb.handle);
    const { token } = await createApiToken(ctx, { name: "agent" });
    const call = () =>
      handleMcpRequest(
        new Request("http://localhost/api/mcp", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
        }),
        { db: testDb.handle.db, requestsPerMinute: 2 },
      );
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const third = await call();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await third.json()) as { error: { message: string } }).error.message).toContain("at most 2 MCP requests per minute for this token");
  });
});
