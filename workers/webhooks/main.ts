import { runWorkerProcess } from "@workers/host/main";
import { webhooksWorker } from "./index";

// Standalone entry: one worker per process (pod), behind its own Dapr sidecar, which also calls back its retry jobs.
void runWorkerProcess(webhooksWorker);
