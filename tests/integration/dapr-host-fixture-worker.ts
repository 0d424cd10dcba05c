// Child-process entry used by dapr-host-main.test.ts: a worker process with one trivial subscription.
import { runWorkerProcess } from "@workers/host/main";

await runWorkerProcess({
  name: "fixture",
  subscriptions: [{ name: "noop", topic: "task-events", handle: async () => undefined }],
});
