// The production image's one entry point (compiled to dist/cadence.mjs): the command picks the process.
//   node cadence.mjs app               the web app (Next.js pages, tRPC, health, metrics, outbox relay)
//   node cadence.mjs worker <name>     one Dapr worker (recurrence, reminders, notifications, realtime, ...)
//   node cadence.mjs migrate           apply pending database migrations, then exit (the Helm hook Job)
// Each role is a dynamic import, so a worker never loads Next.js.
import { workerNames, findWorker } from "./roles";

const [role, name] = process.argv.slice(2);
const usage = `usage: cadence.mjs app | worker <${workerNames().join("|")}> | migrate`;

async function main(): Promise<void> {
  switch (role) {
    case "app":
      await import("@/server/http/server");
      return;
    case "migrate":
      await import("../../../scripts/migrate");
      return;
    case "worker": {
      const worker = findWorker(name);
      if (!worker) {
        console.error(name ? `unknown worker "${name}"\n${usage}` : usage);
        process.exit(2);
      }
      const { runWorkerProcess } = await import("@workers/host/main");
      await runWorkerProcess(worker);
      return;
    }
    default:
      console.error(usage);
      process.exit(2);
  }
}

await main();
