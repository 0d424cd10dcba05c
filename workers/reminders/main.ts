import { runWorkerProcess } from "@workers/host/main";
import { remindersWorker } from "./index";

// Standalone entry: one worker per process (pod), behind its own Dapr sidecar, which also calls back its jobs.
void runWorkerProcess(remindersWorker);
