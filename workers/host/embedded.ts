import type { EmbeddedTransport } from "@/server/events/transports/embedded";
import type { WorkerDefinition, WorkerServices } from "@/server/events/worker-types";
import { createJobRunner, type JobRunner } from "./jobs";
import { declareWorker, recordDelivery } from "./metrics";

export interface EmbeddedWorkers {
  /** Job dispatch for in-process timers (e.g. the reminders worker's durable scheduler). */
  jobs: JobRunner;
  stop(): Promise<void>;
}

/** Runs workers inside the app process: subscriptions on the embedded transport, plus each worker's start(). */
export async function runEmbedded(
  workers: readonly WorkerDefinition[],
  services: WorkerServices,
  transport: EmbeddedTransport,
): Promise<EmbeddedWorkers> {
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    for (const worker of workers) {
      const workerServices: WorkerServices = { ...services, log: services.log.child({ worker: worker.name }) };
      declareWorker(worker);
      for (const subscription of worker.subscriptions) {
        const unsubscribe = transport.subscribe({
          consumer: `${worker.name}/${subscription.name}`,
          topic: subscription.topic,
          types: subscription.types,
          handle: async (event) => {
            const startedAt = performance.now();
            try {
              const outcome = (await subscription.handle(event, workerServices)) ?? "success";
              recordDelivery(worker.name, subscription.topic, outcome, startedAt);
              return outcome;
            } catch (cause) {
              recordDelivery(worker.name, subscription.topic, "retry", startedAt);
              throw cause;
            }
          },
        });
        stops.push(unsubscribe);
      }
      if (worker.start) stops.push(await worker.start(workerServices));
    }
  } catch (cause) {
    await stopAll();
    throw cause;
  }
  return { jobs: createJobRunner(workers, services), stop: stopAll };
}
