import { runWorkerProcess } from "@workers/host/main";
import { recurrenceWorker } from "./index";

// Standalone entry: one worker per process (pod), behind its own Dapr sidecar.
void runWorkerProcess(recurrenceWorker);
