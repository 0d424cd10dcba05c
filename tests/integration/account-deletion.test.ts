import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/server/auth/auth";
import type { Database } from "@/server/db/client";
import { createDomainContext } from "@/server/domain/context";
import { parseEnv } from "@/server/env";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { createLogger } from "@/server/log";
import type { Runtime } from "@/server/runtime";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { populateUser, snapshotTables } from "../support/populate";

let testDb: TestDatabase;
let server: http.Server;
let base: string;
const authURL = "http://localhost:3996";
let auth: ReturnType<typeof createAuth>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  auth = createAuth({ db: testDb.handle.db, secret: "test-secret-test-secret-test-secret!", baseURL: authURL });
  const runtime: Runtime = { env: parseEnv({}), db: testDb.handle, auth, log: createLogger("silent"), baseURL: authURL };
  const handle = createTrpcHandler(runtime);
  server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.drop();
});

async function signUpWithData(email: string, name: string): Promise<{ id: string; cookie: string }> {
  const res = await auth.handler(
    new Request(`${authURL}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: authURL },
      body: JSON.stringify({ email, password: "correct horse", name }),
    }),
  );
  const { user } = (await res.json()) as { user: { id: string } };
  await populateUser(testDb.handle, name, createDomainContext({ db: testDb.handle.db, userId: user.id, timeZone: "UTC" }));
  return { id: user.id, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

const rows = async (db: Database, query: ReturnType<typeof sql>) => {
  const result = (await db.execute(query)) as unknown as { rows?: Record<string, unknown>[] } | Record<string, unknown>[];
  return Array.isArray(result) ? result : (result.rows ?? []);
};

/** Every table with a user_id column, and how many of its rows belong to `userId`. */
async function rowsOwnedBy(db: Database, userId: string): Promise<Record<string, number>> {
  const tables = await rows(db, sql`select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'user_id' order by 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rows(db, sql`select count(*)::int as n from ${sql.identifier(String(name))} where user_id = ${userId}`);
    counts[String(name)] = Number(row?.n);
  }
  return counts;
}

const deleteAccount = (cookie: string, password: string) =>
  fetch(`${base}/account.delete`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ json: { password } }) });

describe("deleting an account", () => {
  it("every table's user_id references users with ON DELETE CASCADE (so tables added later are covered too)", async () => {
    const columns = await rows(testDb.handle.db, sql`select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'user_id'`);
    const cascades = await rows(
      testDb.handle.db,
      sql`select conrelid::regclass::text as name from pg_constraint where contype = 'f' and confrelid = 'public.users'::regclass and confdeltype = 'c'`,
    );
    const cascading = new Set(cascades.map((r) => String(r.name).replace(/^public\./, "").replaceAll('"', "")));
    expect(columns.length).toBeGreaterThanOrEqual(8);
    for (const { name } of columns) expect(cascading.has(String(name)), `${String(name)}.user_id cascades`).toBe(true);
  });

  it("needs the current password, then removes all of the user's data and nothing of anyone else's", async () => {
    const doomed = await signUpWithData("doomed@example.test", "Doomed");
    const other = await signUpWithData("other@example.test", "Other");
    const ownedBefore = await rowsOwnedBy(testDb.handle.db, doomed.id);
    expect(ownedBefore.tasks).toBeGreaterThan(2);
    expect(ownedBefore.api_tokens).toBe(1);
    expect(ownedBefore.chat_conversations).toBe(1);
    expect(ownedBefore.activity).toBeGreaterThan(0);
    const othersBefore = await rowsOwnedBy(testDb.handle.db, other.id);

    const wrong = await deleteAccount(doomed.cookie, "not my password");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("password: is not your current password");
    expect(await rowsOwnedBy(testDb.handle.db, doomed.id)).toEqual(ownedBefore);
    expect((await deleteAccount("", "correct horse")).status).toBe(401);

    // A second device of the same person, signed in before the deletion (its session is cached in its cookie).
    const otherDevice = await auth.handler(
      new Request(`${authURL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: authURL },
        body: JSON.stringify({ email: "doomed@example.test", password: "correct horse" }),
      }),
    );
    const otherDeviceCookie = otherDevice.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

    const before = await snapshotTables(testDb.handle.db);
    const ok = await deleteAccount(doomed.cookie, "correct horse");
    expect(ok.status).toBe(200);

    const ownedAfter = await rowsOwnedBy(testDb.handle.db, doomed.id);
    for (const [table, count] of Object.entries(ownedAfter)) expect(count, table).toBe(0);
    expect(await rowsOwnedBy(testDb.handle.db, other.id)).toEqual(othersBefore);
    // Nothing anywhere still mentions the user: chat messages, outbox events, users/accounts rows are gone too.
    const after = await snapshotTables(testDb.handle.db);
    for (const [table, tableRows] of Object.entries(after)) {
      expect(tableRows.filter((row) => row.includes(doomed.id)), table).toEqual([]);
    }
    expect(before["public.chat_messages"]!.length - after["public.chat_messages"]!.length).toBe(2);
    // The other device is told to sign in again, not that its input was bad, and nothing is stored for the gone user.
    const lateWrite = await fetch(`${base}/task.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: otherDeviceCookie },
      body: JSON.stringify({ json: { title: "written after the account was deleted" } }),
    });
    expect(lateWrite.status).toBe(401);
    expect(await lateWrite.text()).toContain("This account no longer exists; sign in again");
    expect(Object.values(await rowsOwnedBy(testDb.handle.db, doomed.id)).every((count) => count === 0)).toBe(true);
    // Signing in again fails: the account is gone.
    const signIn = await auth.handler(
      new Request(`${authURL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: authURL },
        body: JSON.stringify({ email: "doomed@example.test", password: "correct horse" }),
      }),
    );
    expect(signIn.status).toBe(401);
  });
});
