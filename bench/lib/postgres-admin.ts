import { execFileSync } from "node:child_process";
import path from "node:path";

/** The superuser URL of the machine's PostgreSQL (BENCH_ADMIN_DATABASE_URL, else scripts/ensure-postgres.sh). */
export function adminDatabaseUrl(root: string): string {
  if (process.env.BENCH_ADMIN_DATABASE_URL) return process.env.BENCH_ADMIN_DATABASE_URL;
  const out = execFileSync("bash", [path.join(root, "scripts/ensure-postgres.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const url = out.trim().split("\n").at(-1);
  if (!url?.startsWith("postgres")) throw new Error(`ensure-postgres.sh printed no URL: ${out}`);
  return url;
}
