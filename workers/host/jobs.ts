import type { JobHandler, WorkerDefinition, WorkerServices } from "@/server/events/worker-types";
import { errorText } from "@/server/events/error-text";

/** "done": finished or deliberately dropped; "retry": failed, call again; "unknown": no handler owns the name. */
export type JobResult = "done" | "retry" | "unknown";

/** Routes a job firing (Jobs API callback or embedded timer) to the JobHandler owning its name prefix. */
export interface JobRunner {
  run(jobName: string, data: unknown): Promise<JobResult>;
}

export function createJobRunner(workers: readonly WorkerDefinition[], services: WorkerServices): JobRunner {
  const handlers: { worker: string; handler: JobHandler }[] = workers.flatMap((worker) =>
    (worker.jobs ?? []).map((handler) => ({ worker: worker.name, handler })),
  );
  // Longest prefix first, so "reminder-snooze-" wins over "reminder-".
  handlers.sort((a, b) => b.handler.prefix.length - a.handler.prefix.length);
  return {
    async run(jobName, data) {
      const owner = handlers.find(({ handler }) => jobName.startsWith(handler.prefix));
      if (!owner) return "unknown";
      const log = services.log.child({ worker: owner.worker, job: jobName });
      try {
        const outcome = (await owner.handler.handle(jobName, data, { ...services, log })) ?? "success";
        if (outcome === "retry") return "retry";
        if (outcome === "drop") log.warn("job dropped by its handler");
        return "done";
      } catch (cause) {
        log.warn({ error: errorText(cause) }, "job failed, will be retried");
        return "retry";
      }
    },
  };
}
