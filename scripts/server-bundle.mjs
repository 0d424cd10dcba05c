// The custom server compiled to JavaScript with esbuild: one set of options for the production image
// (scripts/build-prod.mjs → dist/cadence.mjs) and for `npm start` (scripts/start.mjs → .next/cadence/server.mjs).
// Running the compiled server instead of the TypeScript source through tsx saves ~300 MB of RSS after load
// (tsx's loader thread, its transformed sources and their source maps; measured 479 → 172 MB, PostgreSQL mode).

/** Packages resolved from node_modules at run time rather than bundled: Next.js and React (Next loads its own
 * copies), PGlite (loads WASM from its package folder), pino and postgres. */
export const SERVER_EXTERNALS = ["next", "next/*", "react", "react-dom", "@electric-sql/pglite", "@electric-sql/pglite/*", "pino", "postgres"];

/** esbuild options for `entryPoints` written as ESM into `outdir` (entries named `[name].mjs`). */
export function serverBuildOptions({ root, entryPoints, outdir, metafile = false }) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: "tsconfig.json",
    external: SERVER_EXTERNALS,
    minifySyntax: true,
    // Bundling renames classes that clash with globals (abort-controller's AbortSignal became AbortSignal2), and
    // node-fetch, under the pusher library, tells an AbortSignal by its constructor name: without the original
    // names every realtime push from the image failed with "Expected signal to be an instanceof AbortSignal".
    keepNames: true,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
    metafile,
    // Bundled CommonJS dependencies call require() and read __dirname; ESM output provides neither.
    banner: {
      js: [
        'import { createRequire as __cadenceCreateRequire } from "node:module";',
        'import { fileURLToPath as __cadenceFileURLToPath } from "node:url";',
        "const require = __cadenceCreateRequire(import.meta.url);",
        "const __filename = __cadenceFileURLToPath(import.meta.url);",
        'const __dirname = __cadenceFileURLToPath(new URL(".", import.meta.url));',
      ].join("\n"),
    },
    define: { "process.env.NODE_ENV": '"production"' },
  };
}
