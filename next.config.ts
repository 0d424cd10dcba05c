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
};

export default nextConfig;
