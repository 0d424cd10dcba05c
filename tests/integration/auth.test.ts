import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/server/auth/auth";
import { createHttpContext } from "@/server/api/http-context";
import { createCaller } from "@/server/api/root";
import type { Runtime } from "@/server/runtime";
import { parseEnv } from "@/server/env";
import { createLogger } from "@/server/log";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
let runtime: Runtime;
const baseURL = "http://localhost:3999";

beforeAll(async () => {
  testDb = await createTestDatabase();
  const auth = createAuth({ db: testDb.handle.db, secret: "test-secret-test-secret-test-secret!", baseURL });
  runtime = { env: parseEnv({}), db: testDb.handle, auth, log: createLogger("silent"), baseURL };
});
afterAll(async () => {
  await testDb?.drop();
});

const post = (path: string, body: unknown) =>
  runtime.auth.handler(
    new Request(`${baseURL}/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify(body),
    }),
  );

const cookieHeader = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("sign-up and sign-in (Better Auth, email + password)", () => {
  it("signs up with the browser's time zone and the session scopes tRPC calls to that user", async () => {
    const response = await post("sign-up/email", { email: "ada@example.test", password: "correct horse", name: "Ada", timeZone: "Europe/Berlin" });
    expect(response.status).toBe(200);
    const headers = new Headers({ cookie: cookieHeader(response) });
    const ctx = await createHttpContext(runtime, headers);
    expect(ctx.user).toMatchObject({ email: "ada@example.test", timeZone: "Europe/Berlin" });
    const caller = createCaller(ctx);
    await caller.task.create({ title: "First task" });
    expect((await caller.task.list({})).items.map((t) => t.title)).toEqual(["First task"]);
  });

  it("falls back to UTC for an invalid time zone", async () => {
    const response = await post("sign-up/email", { email: "bob@example.test", password: "correct horse", name: "Bob", timeZone: "Mars/Olympus" });
    expect(response.status).toBe(200);
    const ctx = await createHttpContext(runtime, new Headers({ cookie: cookieHeader(response) }));
    expect(ctx.user?.timeZone).toBe("UTC");
  });

  it("refuses a wrong password, a short password and a duplicate e-mail with clear errors", async () => {
    const wrong = await post("sign-in/email", { email: "ada@example.test", password: "wrong password" });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/invalid email or password/i);
    const short = await post("sign-up/email", { email: "c@example.test", password: "short", name: "C" });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { message: string }).message).toMatch(/password too short/i);
    const duplicate = await post("sign-up/email", { email: "ada@example.test", password: "another pass", name: "Ada 2" });
    expect(duplicate.status).toBe(422);
  });

  it("a request without a session gets no user", async () => {
    const ctx = await createHttpContext(runtime, new Headers());
    expect(ctx.user).toBeNull();
  });
});
