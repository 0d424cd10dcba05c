import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

/**
 * Creates a fresh PGlite data directory (initdb) in a short-lived child process. Done in the app's own process,
 * initdb's WebAssembly instance stays allocated until a full collection and leaves ~55 MB of fragmented native
 * heap behind for good (measured: 64 vs 9 MB of malloc heap after opening a fresh vs an existing directory).
 * Returns false when the child could not do it; PGlite then runs initdb in this process as before.
 */
export async function initializePgliteDataDir(dataDir: string): Promise<boolean> {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return true;
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const script = "require(process.argv[1]).PGlite.create(process.argv[2]).then((db) => db.close())";
  try {
    await promisify(execFile)(process.execPath, ["-e", script, pglite, dataDir], { timeout: 120_000 });
    return existsSync(path.join(dataDir, "PG_VERSION"));
  } catch {
    return false;
  }
}
