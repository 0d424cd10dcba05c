// `npm run db:restore FILE`: replaces DATABASE_URL's contents (pg_restore --clean) or the embedded database (app stopped).
import path from "node:path";
import { restorePglite, restorePostgres } from "../src/server/db/backup";
import { parseEnv } from "../src/server/env";
import { refuseWhileEmbeddedAppRuns } from "./db-backup-guard";

const env = parseEnv();
const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- FILE");
  process.exit(2);
}
try {
  if (env.DATABASE_URL) await restorePostgres(path.resolve(file), env.DATABASE_URL);
  else {
    await refuseWhileEmbeddedAppRuns(env.PORT);
    const aside = await restorePglite(path.resolve(file), path.join(path.resolve(env.DATA_DIR), "pglite"));
    if (aside) console.log(`the previous embedded database was kept at ${aside}`);
  }
  console.log(`restored from ${path.resolve(file)}`);
} catch (error) {
  console.error("restore failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
