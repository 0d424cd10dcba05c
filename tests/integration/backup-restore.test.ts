import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { expect, it } from "vitest";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "@/server/db/backup";
import { openDatabase } from "@/server/db/client";
import { createTestDatabase, testDriver } from "../support/database";
import { populateUser, snapshotTables } from "../support/populate";

const work = () => mkdtempSync(path.join(tmpdir(), "cadence-backup-"));

it(`a backup of a populated database restores into a fresh one with every table identical (${testDriver()})`, async () => {
  const dir = work();
  if (testDriver() === "pglite") {
    const dataDir = path.join(dir, "pglite");
    const source = await openDatabase({ driver: "pglite", dataDir });
    await source.migrate();
    await populateUser(source, "Ada");
    await populateUser(source, "Grace");
    const before = await snapshotTables(source.db);
    await source.close();

    const file = path.join(dir, "backup.tar.gz");
    await backupPglite(dataDir, file);
    const restoredDir = path.join(dir, "restored");
    expect(await restorePglite(file, restoredDir)).toBeNull();
    const restored = await openDatabase({ driver: "pglite", dataDir: restoredDir });
    await restored.migrate(); // already current: a no-op, as at the app's next start
    const after = await snapshotTables(restored.db);
    await restored.close();
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(before["public.tasks"]?.length).toBeGreaterThan(4);
    expect(after).toEqual(before);

    // Restoring over an existing database keeps the old one aside instead of deleting it.
    const aside = await restorePglite(file, restoredDir);
    expect(aside).toMatch(/restored\.before-restore-/);
    return;
  }

  const source = await createTestDatabase();
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const freshName = `cadence_restore_${randomUUID().replaceAll("-", "")}`;
  try {
    await populateUser(source.handle, "Ada");
    await populateUser(source.handle, "Grace");
    const before = await snapshotTables(source.handle.db);
    const file = path.join(dir, "backup.dump");
    await backupPostgres(source.url!, file);

    await admin.unsafe(`CREATE DATABASE ${freshName}`);
    const freshUrl = new URL(source.url!);
    freshUrl.pathname = `/${freshName}`;
    await restorePostgres(file, freshUrl.toString());
    const restored = await openDatabase({ driver: "postgres", url: freshUrl.toString() });
    try {
      await restored.migrate();
      expect(Object.keys(before).length).toBeGreaterThan(10);
      expect(await snapshotTables(restored.db)).toEqual(before);
    } finally {
      await restored.close();
    }
    // Restoring again over the restored database (--clean) gives the same contents, not duplicates.
    await restorePostgres(file, freshUrl.toString());
    const again = await openDatabase({ driver: "postgres", url: freshUrl.toString() });
    try {
      expect(await snapshotTables(again.db)).toEqual(before);
    } finally {
      await again.close();
    }
  } finally {
    await source.drop();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${freshName} WITH (FORCE)`);
    await admin.end();
  }
}, 180_000);
