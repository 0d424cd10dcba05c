import cluster from "node:cluster";
import { ConfigError, parseEnv } from "@/server/env";
import { limitHeapGrowth } from "./heap-growth";
import { roleOfThisProcess, runPrimary, webProcessCount } from "./processes";

/**
 * Entry of the app. One process serves everything unless PostgreSQL in production asks for several
 * (WEB_CONCURRENCY, default one per core): then this primary only forks and watches them, and each child comes
 * back here to take its role. Heavy modules load per role, so the primary stays small.
 */
async function main() {
  limitHeapGrowth(roleOfThisProcess());
  const env = parseEnv();
  const dev = process.env.NODE_ENV !== "production";
  const webProcesses = webProcessCount(env, dev);
  if (cluster.isPrimary && webProcesses > 1) {
    runPrimary({ webProcesses, log: (message) => console.log(JSON.stringify({ level: 30, time: Date.now(), msg: message })) });
    return;
  }
  const role = roleOfThisProcess();
  if (role === "background") {
    const { runBackgroundProcess } = await import("./background-process");
    return runBackgroundProcess();
  }
  const { runAppProcess } = await import("./app-process");
  return runAppProcess(env, role, dev);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
