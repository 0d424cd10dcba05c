import path from "node:path";
import { defineConfig } from "vitest/config";

const resolve = {
  alias: {
    "@": path.resolve(import.meta.dirname, "src"),
    "@workers": path.resolve(import.meta.dirname, "workers"),
  },
};
// Generous guards, not speed targets: two cores run PGlite, PostgreSQL and two test files at once.
const shared = { environment: "node" as const, testTimeout: 90_000, hookTimeout: 180_000 };

/**
 * Unit tests run once; integration tests run on PGlite always, and again on the real
 * PostgreSQL server when TEST_DATABASE_URL is set (as .ci/run does).
 */
export default defineConfig({
  resolve,
  test: {
    // PGlite instances are memory-hungry and the machine has two cores.
    maxWorkers: 2,
    projects: [
      { resolve, test: { ...shared, name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        resolve,
        test: { ...shared, name: "pglite", include: ["tests/integration/**/*.test.ts"], env: { CADENCE_TEST_DRIVER: "pglite" } },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              resolve,
              test: {
                ...shared,
                name: "postgres",
                include: ["tests/integration/**/*.test.ts"],
                exclude: ["tests/integration/**/*.pglite-only.test.ts"],
                env: { CADENCE_TEST_DRIVER: "postgres" },
              },
            },
          ]
        : []),
      // The fleet on daprd + Kafka (tests/real-stack): only when asked, as scripts/test.sh does after building them.
      ...(process.env.CADENCE_REAL_STACK === "1"
        ? [
            {
              resolve,
              test: {
                ...shared,
                name: "real-stack",
                include: ["tests/real-stack/**/*.test.ts"],
                env: { CADENCE_TEST_DRIVER: "postgres" },
                // One real stack at a time: the fleet's latency bounds must not share two cores with the contract's Kafka.
                fileParallelism: false,
                testTimeout: 600_000,
                hookTimeout: 600_000,
              },
            },
          ]
        : []),
    ],
  },
});
