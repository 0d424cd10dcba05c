import { afterAll, beforeAll, expect, it } from "vitest";
import { createAuth } from "@/server/auth/auth";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const signUpCookies = async (baseURL: string, email: string) => {
  const auth = createAuth({ db: testDb.handle.db, secret: "test-secret-test-secret-test-secret!", baseURL });
  const res = await auth.handler(
    new Request(`${baseURL}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify({ email, password: "correct horse", name: "Cookie" }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers.getSetCookie();
};

it("session cookies are Secure (and __Secure- prefixed) when the app is served over TLS, HttpOnly and SameSite=Lax always", async () => {
  const tls = await signUpCookies("https://tasks.example.org", "tls@example.test");
  const session = tls.find((c) => c.includes("session_token="));
  expect(session).toMatch(/^__Secure-/);
  expect(session).toMatch(/; Secure/i);
  expect(session).toMatch(/HttpOnly/i);
  expect(session).toMatch(/SameSite=Lax/i);
  const plain = await signUpCookies("http://localhost:3000", "plain@example.test");
  expect(plain.find((c) => c.includes("session_token="))).not.toMatch(/; Secure/i);
});
