import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A production build made with `output: "standalone"` carries its resolved Next.js config in
 * .next/required-server-files.json. Handing it to Next through the variable its own standalone server.js sets
 * lets the custom server run where next.config.ts (TypeScript, importing the source tree) does not exist:
 * the production image has no source and no TypeScript compiler.
 */
export function useBuiltNextConfig(dir: string): void {
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) return;
  const file = path.join(dir, ".next", "required-server-files.json");
  if (!existsSync(file)) return;
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
