// After a database restart the pool still holds connections the server closed; the rate-limit count is the first
// statement of every write and must not turn that into a failed write.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit } from "@/server/limits/rate-limit";
import { createTestDatabase, testDriver, type TestDatabase } from "../support/database";

describe.skipIf(testDriver() !== "postgres")("the rate limit after a database restart", () => {
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

it("counts a write on a fresh connection when the server ended the pooled ones", async () => {
  const subject = crypto.randomUUID();
  // Warm the pool: several connections at once, as concurrent writes open them.
  await Promise.all([0, 1, 2, 3].map(() => consumeRateLimit(testDb.handle.db, { kind: "writes", subject, limit: 100 })));
  const admin = postgres(testDb.url!, { max: 1 });
  try {
    const database = new URL(testDb.url!).pathname.slice(1);
    // What a restart does to every session: the server ends them (57P01) while the pool thinks them idle.
    await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${database} AND pid <> pg_backend_pid()`;
    await Promise.all([0, 1, 2, 3].map(() => consumeRateLimit(testDb.handle.db, { kind: "writes", subject, limit: 100 })));
    const [row] = await admin<{ hits: number }[]>`SELECT hits FROM rate_limit_counters WHERE key = ${`writes:${subject}`}`;
    expect(row!.hits).toBeGreaterThanOrEqual(8);
  } finally {
    await admin.end();
  }
});
});
