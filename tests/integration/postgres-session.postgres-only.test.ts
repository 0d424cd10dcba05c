import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../support/database";

// The app's PostgreSQL sessions: settings for short OLTP queries, and statements prepared once per connection.
describe.skipIf(testDriver() !== "postgres")("postgres sessions of the app", () => {
  let database: TestDatabase;
  let single: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection, so every statement below runs on the session whose prepared statements we read.
    single = await openDatabase({ driver: "postgres", url: database.url as string, maxConnections: 1 });
  });
  afterAll(async () => {
    await single?.close();
    await database?.drop();
  });

  const preparedTexts = async (db: DatabaseHandle["db"]) =>
    ((await db.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[]).map((r) => r.statement);

  it("runs without parallel workers or JIT and plans each execution for its own parameters", async () => {
    const [row] = (await single.db.execute(
      sql`select current_setting('max_parallel_workers_per_gather') as workers, current_setting('jit') as jit, current_setting('plan_cache_mode') as plans`,
    )) as unknown as { workers: string; jit: string; plans: string }[];
    expect(row).toEqual({ workers: "0", jit: "off", plans: "force_custom_plan" });
  });

  it("prepares a drizzle query once and reuses it, also inside transactions", async () => {
    for (const email of ["a@example.test", "b@example.test"]) {
      await single.db.execute(sql`select count(*) from users where email = ${email}`);
    }
    const texts = await preparedTexts(single.db);
    expect(texts.filter((t) => t === "select count(*) from users where email = $1")).toHaveLength(1);

    await single.db.transaction(async (tx) => {
      await tx.execute(sql`select count(*) from tasks where user_id = ${"nobody"}`);
    });
    expect(await preparedTexts(single.db)).toContain("select count(*) from tasks where user_id = $1");
  });
});
