#!/usr/bin/env node
// `npm start`: serve a production build on the embedded default, building first when there is none.
// The server runs in this very process (tsx registered here): no npx / tsx CLI / child node in between, each of
// which held 40-75 MB of its own for nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

if (!existsSync(".next/BUILD_ID") || process.env.CADENCE_REBUILD === "1") {
  console.log("No production build yet: building (about a minute)...");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
process.env.NODE_ENV = "production";
register();
await import("../src/server/http/server.ts");
