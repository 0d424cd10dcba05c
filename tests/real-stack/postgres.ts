// A PostgreSQL server the real-stack suite owns: its own data directory and port, so the restart drill stops and
// starts it without touching the machine's shared server (other tests and helpers use that one). Built from the
// installed server binaries (initdb/postgres of the newest /usr/lib/postgresql/<version>/bin, or pg_config's).
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { supervise, type Supervised } from "../../scripts/fleet/supervised";

export interface OwnPostgres {
  /** Superuser connection string of a database made for the suite. */
  url: string;
  process: Supervised;
}

function binDir(): string {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(path.join(dir, "initdb"))) return dir;
  }
  return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
}

/** PostgreSQL will not run as root: as root, the server runs as the `postgres` user. */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

export async function startOwnPostgres(dir: string, port: number, output: (name: string, line: string) => void): Promise<OwnPostgres> {
  const bin = binDir();
  const user = serverUser();
  const data = path.join(dir, "data");
  mkdirSync(dir, { recursive: true });
  if (user.uid !== undefined) {
    // The suite's temporary folder is root's (mode 0700): the server's user must be able to pass through it.
    chmodSync(path.dirname(dir), 0o711);
    chownSync(dir, user.uid, user.gid ?? user.uid);
  }
  if (!existsSync(path.join(data, "PG_VERSION"))) {
    execFileSync(path.join(bin, "initdb"), ["-D", data, "-U", "cadence", "--auth=trust", "-E", "UTF8", "--no-sync"], { ...user, stdio: ["ignore", "ignore", "pipe"], cwd: dir });
  }
  const admin = `postgres://cadence@127.0.0.1:${port}/postgres`;
  const server = supervise(
    {
      name: "postgres",
      command: path.join(bin, "postgres"),
      args: [
        "-D", data, "-p", String(port), "-k", dir,
        "-c", "listen_addresses=127.0.0.1",
        "-c", "max_connections=300",
        // Test data: durability against a machine crash is not what the drills check (a restart is a clean stop).
        "-c", "fsync=off",
        "-c", "full_page_writes=off",
      ],
      env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" },
      cwd: dir,
      ...user,
      ready: async () => {
        const probe = postgres(admin, { max: 1, connect_timeout: 2, onnotice: () => {} });
        try {
          await probe`select 1`;
          return true;
        } finally {
          await probe.end({ timeout: 1 });
        }
      },
      startTimeoutMs: 120_000,
    },
    { restart: false, output },
  );
  await server.start();
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  const [exists] = await sql`select 1 from pg_database where datname = 'cadence_real_stack'`;
  if (!exists) await sql`create database cadence_real_stack`;
  await sql.end({ timeout: 5 });
  return { url: `postgres://cadence@127.0.0.1:${port}/cadence_real_stack`, process: server };
}
