import type { NextConfig } from "next";
import { parseEnv } from "./src/server/env";

// Bad configuration stops the build and start-up with the variable's name.
parseEnv();

const nextConfig: NextConfig = {
  // The production image runs .next/standalone (only the traced node_modules) through dist/cadence.mjs.
  output: "standalone",
  // PGlite loads its WASM and extension bundles from its package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Next loads every page's server bundle at start by default (+100 MB RSS, +70 MB heap measured here); the API
    // does not go through Next, and a page's bundle loads on its first request instead.
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
