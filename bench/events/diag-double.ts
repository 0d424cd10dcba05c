// Diagnostic for the relay-dapr figure: the double's own capacity, without the relay or a database.
// Bulk-publishes N events (100 per request, round-robin over U partition keys) straight to the double and times
// until the counting subscriber has them all.   npx tsx bench/events/diag-double.ts [events=20000] [users=100]
import path from "node:path";
import { randomUUID } from "node:crypto";
import { TOPICS } from "@/server/events/catalog";
import { createDaprTransport } from "@/server/events/transports/dapr";
import { startCountingSubscriber, startDaprDoubleProcess } from "./dapr-setup";

async function main() {
  const events = Number(process.argv[2] ?? 20_000);
  const users = Number(process.argv[3] ?? 100);
  const root = path.resolve(import.meta.dirname, "..", "..");
  const subscriber = await startCountingSubscriber(TOPICS.taskEvents);
  const double = await startDaprDoubleProcess(root, [{ appId: "bench-subscriber", appPort: subscriber.port }]);
  try {
    const transport = createDaprTransport({ httpPort: double.sidecarPort });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // subscription discovery
    const start = performance.now();
    for (let offset = 0; offset < events; offset += 100) {
      const entries = Array.from({ length: Math.min(100, events - offset) }, (_, i) => {
        const key = `user-${(offset + i) % users}`;
        const event = { specversion: "1.0" as const, id: randomUUID(), source: "bench", type: "cadence.task.updated.v1", userid: key, data: { n: offset + i } };
        return { entryId: String(offset + i), event, partitionKey: key };
      });
      await transport.publishBatch!(TOPICS.taskEvents, entries);
    }
    const publishedMs = performance.now() - start;
    await subscriber.waitFor(events, 120_000);
    const deliveredMs = performance.now() - start;
    console.log(JSON.stringify({ events, users, publishedPerSecond: Math.round(events / (publishedMs / 1000)), deliveredPerSecond: Math.round(events / (deliveredMs / 1000)) }));
  } finally {
    await double.process.stop();
    await subscriber.close();
  }
}

void main();
