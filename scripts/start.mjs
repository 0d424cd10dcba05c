#!/usr/bin/env node
// `npm start`: serve a production build on the embedded default, building first when there is none.
// The server runs in this very process, compiled to JavaScript (scripts/build-server.mjs), not through tsx: tsx's
// loader thread and its transformed sources cost ~300 MB of RSS after load (PostgreSQL mode 479 → 172 MB).
// No npx / tsx / child node stays around either, each of which held 40-75 MB of its own for nothing.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const rebuild = process.env.CADENCE_REBUILD === "1";
const run = (args) => {
  const result = spawnSync(args[0], args.slice(1), { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(path.join(root, ".next", "BUILD_ID")) || rebuild) {
  console.log("No production build yet: building (about a minute)...");
  run(["npx", "next", "build"]);
}
const bundle = path.join(root, ".next", "cadence", "server.mjs");
if (rebuild || serverBundleIsStale()) run([process.execPath, path.join(root, "scripts", "build-server.mjs")]);
process.env.NODE_ENV = "production";
await import(pathToFileURL(bundle).href);

/** True when the compiled server is missing or any file it was compiled from changed since. */
function serverBundleIsStale() {
  const inputsFile = path.join(root, ".next", "cadence", "inputs.json");
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const builtAt = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  return inputs.some((input) => {
    const file = path.join(root, input);
    return !existsSync(file) || statSync(file).mtimeMs > builtAt;
  });
}
