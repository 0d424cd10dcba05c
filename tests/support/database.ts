import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { createDomainContext, type DomainContext } from "@/server/domain/context";

/** Which database the suite runs on: vitest's "postgres" project sets this together with TEST_DATABASE_URL. */
export const testDriver = (): "pglite" | "postgres" => (process.env.CADENCE_TEST_DRIVER === "postgres" ? "postgres" : "pglite");

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Connection string of the fresh database (postgres driver only). */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the real server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver() === "pglite") {
    const handle = await openDatabase({ driver: "pglite" });
    await handle.migrate();
    return { handle, drop: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL must be set for the postgres test project");
  const name = `cadence_test_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: "postgres", url: url.toString() });
  await handle.migrate();
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

let userCounter = 0;

/** Inserts a user directly (auth flows have their own tests) and returns a domain context acting as them. */
export async function createTestUser(
  handle: DatabaseHandle,
  options: { timeZone?: string; now?: () => Date; name?: string } = {},
): Promise<DomainContext> {
  userCounter += 1;
  const id = `user_${randomUUID()}`;
  const timeZone = options.timeZone ?? "UTC";
  await handle.db.insert(users).values({
    id,
    name: options.name ?? `Test User ${userCounter}`,
    email: `${id}@example.test`,
    timeZone,
  });
  return createDomainContext({ db: handle.db, userId: id, timeZone, now: options.now });
}
