import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/server/db/client";
import { initializePgliteDataDir } from "@/server/db/pglite-init";
import { sql } from "drizzle-orm";

const root = mkdtempSync(path.join(os.tmpdir(), "cadence-pglite-init-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a fresh embedded data directory", () => {
  it("is created by a child process and then opened, migrated and written by the app", async () => {
    const dataDir = path.join(root, "fresh");
    expect(await initializePgliteDataDir(dataDir)).toBe(true);
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);

    const handle = await openDatabase({ driver: "pglite", dataDir });
    await handle.migrate();
    await handle.db.execute(sql`create table probe (n int)`);
    await handle.db.execute(sql`insert into probe values (7)`);
    await handle.close();

    const again = await openDatabase({ driver: "pglite", dataDir });
    const rows = await again.db.execute(sql`select n from probe`);
    await again.close();
    expect((rows as unknown as { rows: { n: number }[] }).rows).toEqual([{ n: 7 }]);
  }, 120_000);

  it("leaves an existing directory alone", async () => {
    const dataDir = path.join(root, "fresh");
    expect(await initializePgliteDataDir(dataDir)).toBe(true);
  });
});
