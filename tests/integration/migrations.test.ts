import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { categories, tasks } from "@/server/db/schema";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";

const dirs: string[] = [];
let testDb: TestDatabase | undefined;
afterEach(async () => {
  delete process.env.CADENCE_MIGRATIONS_DIR;
  await testDb?.drop();
  testDb = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of drizzle/ holding only the first `count` migrations, as an older release shipped them. */
function olderMigrations(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-migrations-"));
  dirs.push(dir);
  cpSync(path.resolve("drizzle"), dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

describe("migrations", () => {
  it("apply to an empty database and re-running them changes nothing", async () => {
    testDb = await createTestDatabase();
    const ctx = await createTestUser(testDb.handle);
    await testDb.handle.db.insert(tasks).values({ userId: ctx.userId, title: "Survives" });
    await testDb.handle.migrate();
    const rows = await testDb.handle.db.select().from(tasks).where(eq(tasks.userId, ctx.userId));
    expect(rows.map((r) => r.title)).toEqual(["Survives"]);
  });

  it("upgrade a populated database from an older schema without losing data", async () => {
    process.env.CADENCE_MIGRATIONS_DIR = olderMigrations(1);
    testDb = await createTestDatabase();
    const ctx = await createTestUser(testDb.handle);
    await testDb.handle.db.insert(categories).values({ userId: ctx.userId, name: "Work" });
    // Raw SQL: the current schema object names columns the first release did not have yet.
    await testDb.handle.db.execute(
      sql`INSERT INTO tasks (user_id, title, description, priority) VALUES (${ctx.userId}, 'Old task one', 'from the first release', 'medium'), (${ctx.userId}, 'Old task two', '', 'urgent')`,
    );
    delete process.env.CADENCE_MIGRATIONS_DIR;
    await testDb.handle.migrate();
    const rows = await testDb.handle.db.select().from(tasks).where(eq(tasks.userId, ctx.userId));
    expect(rows.map((r) => r.title).sort()).toEqual(["Old task one", "Old task two"]);
    // The later migration's limit trigger is live on the upgraded database.
    for (let i = 1; i < 50; i++) await testDb.handle.db.insert(categories).values({ userId: ctx.userId, name: `c${i}` });
    await expect(testDb.handle.db.insert(categories).values({ userId: ctx.userId, name: "one too many" })).rejects.toThrow();
  });
});
