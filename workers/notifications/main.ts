import { runWorkerProcess } from "@workers/host/main";
import { notificationsWorker } from "./index";

// Standalone entry: one worker per process (pod), behind its own Dapr sidecar.
void runWorkerProcess(notificationsWorker);
