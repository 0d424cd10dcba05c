#!/usr/bin/env node
// `npm run build:prod`: everything the production image runs, in dist/ and nothing else — the Dockerfile copies
// this folder as is. Next.js standalone output (pages, route handlers and only the node_modules they trace),
// its static assets, the migrations, and the custom server + workers compiled to one JavaScript entry
// (dist/cadence.mjs): no TypeScript, tsx or dev dependency at run time.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { SERVER_EXTERNALS as external, serverBuildOptions } from "./server-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const skipNext = process.argv.includes("--skip-next-build");

if (!skipNext) {
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("no .next/standalone: next.config.ts must keep output: \"standalone\"");
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
cpSync(standalone, dist, { recursive: true, verbatimSymlinks: true });
// Next's own standalone server is replaced by cadence.mjs (same Next, plus tRPC, Pusher, relay, workers).
rmSync(path.join(dist, "server.js"));
cpSync(path.join(root, ".next", "static"), path.join(dist, ".next", "static"), { recursive: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(dist, "public"), { recursive: true });
cpSync(path.join(root, "drizzle"), path.join(dist, "drizzle"), { recursive: true });
cpSync(path.join(root, "scripts", "healthcheck.mjs"), path.join(dist, "healthcheck.mjs"));

// Packages in SERVER_EXTERNALS are resolved from dist/node_modules at run time (traced there by Next.js).
await build(serverBuildOptions({ root, entryPoints: { cadence: "src/server/cli/main.ts" }, outdir: dist }));

const missing = external.filter((name) => !name.endsWith("/*") && !existsSync(path.join(dist, "node_modules", name, "package.json")));
if (missing.length) {
  console.error(`dist/node_modules lacks ${missing.join(", ")}: the Next.js trace no longer includes them`);
  process.exit(1);
}

function bytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += bytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}
console.log(`dist/ ready: ${(bytes(dist) / 1_048_576).toFixed(1)} MiB (node dist/cadence.mjs app | worker <name> | migrate)`);
