import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Backups of both modes. PostgreSQL: pg_dump's custom format, restored with pg_restore (--clean: the target's
 * objects are replaced). PGlite: its whole data directory as a gzip tarball (dumpDataDir / loadDataDir), taken
 * and restored while the app is stopped — the embedded database has a single owner process.
 */

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", (error) => reject(new Error(`${cmd} could not start (${error.message}); install the PostgreSQL client tools`)));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`]);
}

export async function restorePostgres(file: string, url: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, file]);
}

export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`No embedded database at ${dataDir}`);
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  try {
    const archive = await client.dumpDataDir("gzip");
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/** Restores into `dataDir`; an existing database there is moved aside (returned) rather than deleted. */
export async function restorePglite(file: string, dataDir: string): Promise<string | null> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  let movedAside: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dataDir, movedAside);
  }
  mkdirSync(dataDir, { recursive: true });
  const archive = new Blob([readFileSync(file)], { type: "application/x-gzip" });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: archive });
  try {
    await client.query("select 1");
  } finally {
    await client.close();
  }
  return movedAside;
}
