import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/server/auth/auth";
import { parseEnv } from "@/server/env";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { createLogger } from "@/server/log";
import type { Runtime } from "@/server/runtime";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The API as browsers reach it: the custom server's tRPC handler over real HTTP, signed in by cookie.
let testDb: TestDatabase;
let server: http.Server;
let base: string;
let cookie: string;
const authURL = "http://localhost:3998";

beforeAll(async () => {
  testDb = await createTestDatabase();
  const auth = createAuth({ db: testDb.handle.db, secret: "test-secret-test-secret-test-secret!", baseURL: authURL });
  const runtime: Runtime = { env: parseEnv({}), db: testDb.handle, auth, log: createLogger("silent"), baseURL: authURL };
  const handle = createTrpcHandler(runtime);
  server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
  const signUp = await auth.handler(
    new Request(`${authURL}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: authURL },
      body: JSON.stringify({ email: "http@example.test", password: "correct horse", name: "Http", timeZone: "Europe/Paris" }),
    }),
  );
  cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.drop();
});

const call = (path: string, init: RequestInit & { signedIn?: boolean } = {}) =>
  fetch(`${base}/${path}`, { ...init, headers: { "content-type": "application/json", ...(init.signedIn === false ? {} : { cookie }) } });
const query = (procedure: string, input: unknown, signedIn = true) =>
  call(`${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { signedIn });

describe("tRPC over HTTP (superjson, cookie session)", () => {
  it("creates and lists the signed-in user's tasks, with dates as superjson Dates", async () => {
    const created = await call("task.create", {
      method: "POST",
      body: JSON.stringify({ json: { title: "Over the wire", dueAt: "2026-12-01T09:00:00.000Z" }, meta: { values: { dueAt: ["Date"] } } }),
    });
    expect(created.status).toBe(200);
    const listed = await query("task.list", {});
    const body = (await listed.json()) as { result: { data: { json: { items: { title: string; dueAt: string }[]; total: number }; meta: { values: Record<string, string[]> } } } };
    expect(body.result.data.json.items.map((t) => t.title)).toEqual(["Over the wire"]);
    expect(body.result.data.json.items[0]?.dueAt).toBe("2026-12-01T09:00:00.000Z");
    expect(body.result.data.meta.values["items.0.dueAt"]).toEqual(["Date"]);
  });

  it("answers 401 UNAUTHORIZED without a session and runs nothing", async () => {
    const res = await call("task.create", { method: "POST", body: JSON.stringify({ json: { title: "Sneaky" } }), signedIn: false });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { json: { data: { code: string } } } }).error.json.data.code).toBe("UNAUTHORIZED");
    const listed = (await (await query("task.list", {})).json()) as { result: { data: { json: { items: { title: string }[] } } } };
    expect(listed.result.data.json.items.map((t) => t.title)).not.toContain("Sneaky");
  });

  it("answers 400 BAD_REQUEST naming the field for bad input, and 404 for an unknown procedure", async () => {
    const res = await call("task.create", { method: "POST", body: JSON.stringify({ json: { title: "   " } }) });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { json: { data: { code: string; zodError: { fieldErrors: Record<string, string[]> } } } } }).error.json.data;
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.zodError.fieldErrors)).toContain("title");
    expect((await query("task.nope", {})).status).toBe(404);
  });

  it("gzips answers for clients that accept it, but never a streamed answer", async () => {
    for (let i = 0; i < 20; i++) {
      await call("task.create", { method: "POST", body: JSON.stringify({ json: { title: `Padding task number ${i} with a longer title` } }) });
    }
    const plain = await query("task.list", {});
    expect(plain.headers.get("content-encoding")).toBe("gzip");
    const listed = (await plain.json()) as { result: { data: { json: { total: number } } } };
    expect(listed.result.data.json.total).toBeGreaterThanOrEqual(20);
    const streamed = await fetch(`${base}/task.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: {} } }))}`, {
      headers: { cookie, "trpc-accept": "application/jsonl" },
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-encoding")).toBeNull();
    expect(streamed.headers.get("x-accel-buffering")).toBe("no");
    expect(await streamed.text()).toContain("Padding task number");
  });

  it("sends a small answer (one task: a get, an update) uncompressed, whole, with its length", async () => {
    const created = (await (
      await call("task.create", { method: "POST", body: JSON.stringify({ json: { title: "A task with a description", description: "Some words ".repeat(30) } }) })
    ).json()) as { result: { data: { json: { id: string; version: number } } } };
    const { id, version } = created.result.data.json;
    const updated = await call("task.update", { method: "POST", body: JSON.stringify({ json: { id, version, priority: "high" } }) });
    const got = await query("task.get", { id });
    for (const answer of [updated, got]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-encoding")).toBeNull();
      expect(Number(answer.headers.get("content-length"))).toBeGreaterThan(0);
      expect(((await answer.json()) as { result: { data: { json: { id: string; priority: string } } } }).result.data.json).toMatchObject({ id, priority: "high" });
    }
  });
});

