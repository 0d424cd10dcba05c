#!/usr/bin/env node
// `npm start`: serve a production build on the embedded default, building first when there is none.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const run = (cmd, args, extraEnv = {}) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(".next/BUILD_ID") || process.env.CADENCE_REBUILD === "1") {
  console.log("No production build yet: building (about a minute)...");
  run("npx", ["next", "build"], { NODE_ENV: "production" });
}
const child = spawn("npx", ["tsx", "src/server/http/server.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
