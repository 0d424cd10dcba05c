// `npm run db:migrate`: applies pending drizzle migrations to DATABASE_URL, or to the embedded PGlite data directory.
import path from "node:path";
import { openDatabase } from "../src/server/db/client";
import { parseEnv } from "../src/server/env";
import { encryptStoredWebhookSecrets } from "../src/server/domain/webhooks/secrets";

const env = parseEnv();
const handle = await openDatabase(
  env.DATABASE_URL ? { driver: "postgres", url: env.DATABASE_URL } : { driver: "pglite", dataDir: path.join(path.resolve(env.DATA_DIR), "pglite") },
);
try {
  await handle.migrate();
  await encryptStoredWebhookSecrets(handle.db); // data migration: secrets stored in clear by earlier versions
  console.log(`migrations applied (${handle.driver})`);
} catch (error) {
  console.error("migration failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
