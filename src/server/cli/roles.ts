import { ALL_WORKERS } from "@/server/workers";
import type { WorkerDefinition } from "@/server/events/worker-types";

/** Worker names the image can run, straight from the fleet list (a new worker needs no change here). */
export const workerNames = (): string[] => ALL_WORKERS.map((worker) => worker.name);

export const findWorker = (name: string | undefined): WorkerDefinition | undefined =>
  ALL_WORKERS.find((worker) => worker.name === name);
