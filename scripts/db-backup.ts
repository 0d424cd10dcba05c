// `npm run db:backup [FILE]`: a backup of DATABASE_URL (pg_dump) or of the embedded database (app stopped).
import path from "node:path";
import { backupPglite, backupPostgres } from "../src/server/db/backup";
import { parseEnv } from "../src/server/env";
import { refuseWhileEmbeddedAppRuns } from "./db-backup-guard";

const env = parseEnv();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const dataDir = path.resolve(env.DATA_DIR);
const file = path.resolve(
  process.argv[2] ?? path.join(dataDir, "backups", env.DATABASE_URL ? `cadence-${stamp}.dump` : `cadence-pglite-${stamp}.tar.gz`),
);
try {
  if (env.DATABASE_URL) await backupPostgres(env.DATABASE_URL, file);
  else {
    await refuseWhileEmbeddedAppRuns(env.PORT);
    await backupPglite(path.join(dataDir, "pglite"), file);
  }
  console.log(`backup written: ${file}`);
} catch (error) {
  console.error("backup failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
