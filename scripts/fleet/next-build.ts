import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** The fleet's app serves Next's production bundle from .next; builds it the first time (about a minute). */
export function ensureNextBuild(root: string, say: (line: string) => void = console.log): void {
  if (existsSync(path.join(root, ".next/BUILD_ID")) && process.env.CADENCE_REBUILD !== "1") return;
  say("No production build yet: building (about a minute)...");
  execFileSync("npx", ["next", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
}
