import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { createDomainContext, type DomainContext } from "@/server/domain/context";

export type Driver = "postgres" | "pglite";

export interface BenchDatabase {
  driver: Driver;
  handle: DatabaseHandle;
  /** Connection string (postgres only), e.g. for a second handle. */
  url?: string;
  drop(): Promise<void>;
}

const DB_NAME = "cadence_bench_events";

/**
 * A fresh, migrated database per scenario, so one scenario's leftovers (outbox rows, timers) never slow another:
 * `cadence_bench_events` re-created on the real server, or an in-memory PGlite (the embedded default).
 */
export async function freshDatabase(driver: Driver, adminUrl: string | undefined): Promise<BenchDatabase> {
  if (driver === "pglite") {
    const handle = await openDatabase({ driver: "pglite" });
    await handle.migrate();
    return { driver, handle, drop: () => handle.close() };
  }
  if (!adminUrl) throw new Error("postgres driver needs an admin URL");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${DB_NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  // The app's default pool size, so the figures match what the server would do.
  const handle = await openDatabase({ driver: "postgres", url: url.toString() });
  await handle.migrate();
  return {
    driver,
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Inserts `count` users directly (sign-up has its own benchmark) and returns a domain context for each. */
export async function createUsers(handle: DatabaseHandle, count: number): Promise<DomainContext[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const id = `bench_${randomUUID()}`;
    return { id, name: `Bench User ${i + 1}`, email: `${id}@bench.test`, timeZone: "UTC" };
  });
  for (let i = 0; i < rows.length; i += 500) await handle.db.insert(users).values(rows.slice(i, i + 500));
  return rows.map((row) => createDomainContext({ db: handle.db, userId: row.id, timeZone: "UTC", source: "cadence/bench" }));
}
