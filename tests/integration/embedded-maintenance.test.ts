import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedMaintenance, type EmbeddedMaintenance } from "@/server/db/embedded-maintenance";
import { tasks } from "@/server/db/schema";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";

let testDb: TestDatabase | undefined;
let maintenance: EmbeddedMaintenance | undefined;
afterEach(async () => {
  await maintenance?.stop();
  await testDb?.drop();
  maintenance = undefined;
  testDb = undefined;
});

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);

describe("embedded vacuum/analyze (autovacuum's job on PGlite)", () => {
  it("analyzes a table once it holds data, again only after it grew, and the planner then knows its size", async () => {
    testDb = await createTestDatabase();
    const db = testDb.handle.db;
    // On the PostgreSQL project autovacuum must not get there first.
    if (testDb.handle.driver === "postgres") await db.execute(sql`ALTER TABLE tasks SET (autovacuum_enabled = false)`);
    const ctx = await createTestUser(testDb.handle);
    const insert = (from: number, count: number) =>
      db.insert(tasks).values(Array.from({ length: count }, (_, i) => ({ userId: ctx.userId, title: `task ${from + i}`, description: "x".repeat(300) })));
    await insert(0, 600);
    maintenance = startEmbeddedMaintenance((statement) => db.execute(sql.raw(statement)).then((r) => ({ rows: rowsOf(r) })), { intervalMs: 3_600_000 });

    expect(await maintenance.runOnce()).toContain("tasks");
    const [stats] = rowsOf(await db.execute(sql`SELECT reltuples::int AS tuples FROM pg_class WHERE oid = 'tasks'::regclass`)) as { tuples: number }[];
    expect(stats?.tuples).toBe(600);
    expect(await maintenance.runOnce()).not.toContain("tasks");

    await insert(600, 600);
    expect(await maintenance.runOnce()).toContain("tasks");
  });
});
