#!/usr/bin/env node
// Compiles the custom server for `npm start` into .next/cadence/server.mjs (run by scripts/start.mjs in a child
// process of its own, so esbuild's service does not stay alive next to the server). The list of source files it
// was made from goes next to it, so start.mjs can tell when the bundle is older than the code.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { serverBuildOptions } from "./server-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, ".next", "cadence");
const result = await build(serverBuildOptions({ root, entryPoints: { server: "src/server/http/server.ts" }, outdir, metafile: true }));
writeFileSync(path.join(outdir, "inputs.json"), JSON.stringify(Object.keys(result.metafile.inputs)));
