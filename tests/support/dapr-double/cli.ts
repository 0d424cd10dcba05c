// Runs the double as its own process for benchmarks:
//   npx tsx tests/support/dapr-double/cli.ts '{"port":3500,"apps":[{"appId":"web","appPort":3000}]}'
//   npx tsx tests/support/dapr-double/cli.ts ./double.json        (a path to a JSON file)
//   DAPR_DOUBLE_CONFIG='{...}' npx tsx tests/support/dapr-double/cli.ts
// Prints one line `{"ready":true,"port":N,"sidecars":{"<appId>":port}}` once listening.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { startDaprDouble } from "./index";

const configSchema = z.object({
  port: z.number().int().min(0).optional(),
  apiToken: z.string().optional(),
  appToken: z.string().optional(),
  apps: z
    .array(z.object({ appId: z.string(), appPort: z.number().int().positive(), sidecarPort: z.number().int().min(0).optional() }))
    .default([]),
  pubsubName: z.string().optional(),
  stateStores: z.array(z.string()).optional(),
  secrets: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  resiliency: z
    .object({ maxRetries: z.number().int().min(0), initialIntervalMs: z.number().min(0), maxIntervalMs: z.number().min(0) })
    .partial()
    .optional(),
  deliveryTimeoutMs: z.number().positive().optional(),
});

function readConfig(): unknown {
  const raw = process.argv[2] ?? process.env.DAPR_DOUBLE_CONFIG ?? "{}";
  const text = raw.trim().startsWith("{") ? raw : readFileSync(raw, "utf8");
  return JSON.parse(text) as unknown;
}

async function main(): Promise<void> {
  const config = configSchema.parse(readConfig());
  const double = await startDaprDouble(config);
  const sidecars = Object.fromEntries(config.apps.map((app) => [app.appId, double.sidecar(app.appId).port]));
  process.stdout.write(`${JSON.stringify({ ready: true, port: double.port, sidecars })}\n`);
  const stop = () => {
    void double.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((cause: unknown) => {
  console.error("dapr-double failed to start:", cause);
  process.exit(1);
});
