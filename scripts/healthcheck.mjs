#!/usr/bin/env node
// The image's HEALTHCHECK: asks the process in this container (PID 1) on its health route — the app's
// readiness route, or a worker's /healthz — so one image serves every role. Exit 0 healthy, 1 not.
import { readFileSync } from "node:fs";

const args = (() => {
  try {
    return readFileSync("/proc/1/cmdline", "utf8").split("\0");
  } catch {
    return [];
  }
})();
const route = args.includes("worker") ? "/healthz" : "/api/health";
const port = process.env.PORT ?? "3000";
try {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, { signal: AbortSignal.timeout(2500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
