// The Jobs API (Scheduler) as seen from one cluster: jobs are scoped per app-id and the
// trigger `POST /job/{name}` goes only to the app that scheduled the job.
import type http from "node:http";
import { callApp, sleep } from "./app-client";
import { parseGoDuration, parseInstant, parseInterval } from "./durations";
import type { DaprError, JobRequest } from "./types";

export interface JobView {
  appId: string;
  name: string;
  data: unknown;
  dueTime?: string;
  schedule?: string;
  repeats?: number;
  ttl?: string;
  /** Epoch ms of the next trigger. */
  nextAt: number;
  triggered: number;
}

export type JobTriggerOutcome = "done" | "dropped" | "failed";
export interface JobTriggerRecord {
  appId: string;
  name: string;
  attempt: number;
  status?: number;
  outcome: JobTriggerOutcome | "retry" | "unreachable";
  at: number;
}

interface Job extends JobView {
  intervalMs?: number;
  expiresAt?: number;
  retry: { maxRetries: number; intervalMs: number };
  timer?: NodeJS.Timeout;
}

export interface JobsContext {
  appToken?: string;
  agent: http.Agent;
  signal: AbortSignal;
  callbackTimeoutMs: number;
  /** Default failure policy for tests: constant 100 ms, 3 retries. */
  defaultRetry: { maxRetries: number; intervalMs: number };
  appPort(appId: string): number | undefined;
}

type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: DaprError };
const MAX_TIMER_MS = 2 ** 31 - 1;

export class JobScheduler {
  private readonly jobs = new Map<string, Job>();
  private inFlight = 0;
  readonly triggerLog: JobTriggerRecord[] = [];

  constructor(private readonly ctx: JobsContext) {
    ctx.signal.addEventListener("abort", () => {
      for (const job of this.jobs.values()) clearTimeout(job.timer);
    });
  }

  schedule(appId: string, name: string, request: JobRequest): Result<JobView> {
    const key = keyOf(appId, name);
    if (!request.dueTime && !request.schedule) {
      return fail(400, "DAPR_SCHEDULER_SCHEDULE_JOB", "at least one of schedule or dueTime is required");
    }
    const now = Date.now();
    const dueAt = request.dueTime === undefined ? undefined : parseInstant(request.dueTime, now);
    const intervalMs = request.schedule === undefined ? undefined : parseInterval(request.schedule);
    if (request.dueTime !== undefined && dueAt === undefined) {
      return fail(400, "DAPR_SCHEDULER_SCHEDULE_JOB", `invalid dueTime "${request.dueTime}"`);
    }
    if (request.schedule !== undefined && intervalMs === undefined) {
      return fail(400, "DAPR_SCHEDULER_SCHEDULE_JOB", `schedule "${request.schedule}" is not supported by the double (use @every <duration>)`);
    }
    const expiresAt = request.ttl === undefined ? undefined : parseInstant(request.ttl, now);
    if (this.jobs.has(key) && request.overwrite !== true) {
      // daprd answers 500 (not 409) when the name is taken and overwrite is false.
      return fail(500, "DAPR_SCHEDULER_SCHEDULE_JOB", `job "${name}" already exists`);
    }
    this.cancel(key);
    const job: Job = {
      appId,
      name,
      data: request.data,
      dueTime: request.dueTime,
      schedule: request.schedule,
      repeats: request.repeats ?? (intervalMs === undefined ? 1 : undefined),
      ttl: request.ttl,
      nextAt: dueAt ?? now + (intervalMs ?? 0),
      triggered: 0,
      intervalMs,
      expiresAt,
      retry: retryPolicy(request, this.ctx.defaultRetry),
    };
    this.jobs.set(key, job);
    this.arm(job);
    return { ok: true, value: view(job) };
  }

  get(appId: string, name: string): Result<JobView> {
    const job = this.jobs.get(keyOf(appId, name));
    if (!job) return fail(500, "DAPR_SCHEDULER_GET_JOB", `job "${name}" not found`);
    return { ok: true, value: view(job) };
  }

  delete(appId: string, name: string): void {
    this.cancel(keyOf(appId, name));
  }

  list(): JobView[] {
    return [...this.jobs.values()].map(view);
  }

  /** True while a trigger is in flight or a job is overdue (timers about to fire). */
  busy(): boolean {
    if (this.inFlight > 0) return true;
    const now = Date.now();
    return [...this.jobs.values()].some((job) => job.nextAt <= now);
  }

  /**
   * Triggers a job now, as its timer would (consuming one repeat); `duplicate` delivers the same
   * trigger a second time, as the Scheduler may under at-least-once.
   */
  async fireNow(name: string, options: { appId?: string; duplicate?: boolean } = {}) {
    const job = [...this.jobs.values()].find(
      (j) => j.name === name && (options.appId === undefined || j.appId === options.appId),
    );
    if (!job) throw new Error(`dapr-double: no job named "${name}"`);
    clearTimeout(job.timer);
    const outcomes = [await this.trigger(job)];
    if (options.duplicate) outcomes.push(await this.deliver(job));
    return outcomes;
  }

  private cancel(key: string): void {
    const job = this.jobs.get(key);
    if (job) clearTimeout(job.timer);
    this.jobs.delete(key);
  }

  private arm(job: Job): void {
    clearTimeout(job.timer);
    const wait = Math.min(Math.max(0, job.nextAt - Date.now()), MAX_TIMER_MS);
    job.timer = setTimeout(() => {
      if (Date.now() < job.nextAt) return this.arm(job); // very long waits are re-armed in steps
      void this.trigger(job);
    }, wait);
  }

  /** One scheduled occurrence: deliver, then reschedule or retire the job. */
  private async trigger(job: Job): Promise<JobTriggerOutcome> {
    const key = keyOf(job.appId, job.name);
    this.inFlight += 1;
    try {
      const outcome = await this.deliver(job);
      job.triggered += 1;
      if (this.jobs.get(key) !== job) return outcome; // deleted or overwritten meanwhile
      const exhausted = job.repeats !== undefined && job.triggered >= job.repeats;
      const next = job.nextAt + (job.intervalMs ?? 0);
      if (exhausted || job.intervalMs === undefined || (job.expiresAt !== undefined && next > job.expiresAt)) {
        this.jobs.delete(key);
      } else {
        job.nextAt = Math.max(next, Date.now());
        this.arm(job);
      }
      return outcome;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** 200 = done, 404 = dropped, else retried per failure policy; waits while the app is down. */
  private async deliver(job: Job): Promise<JobTriggerOutcome> {
    const { signal } = this.ctx;
    let failures = 0;
    let attempt = 0;
    while (!signal.aborted) {
      const port = this.ctx.appPort(job.appId);
      attempt += 1;
      const result =
        port === undefined
          ? ({ kind: "unreachable", error: "unknown app" } as const)
          : await callApp({
              port,
              method: "POST",
              path: `/job/${encodeURIComponent(job.name)}`,
              body: JSON.stringify(job.data ?? null),
              headers: {
                "content-type": "application/json",
                ...(this.ctx.appToken ? { "dapr-api-token": this.ctx.appToken } : {}),
              },
              timeoutMs: this.ctx.callbackTimeoutMs,
              agent: this.ctx.agent,
            });
      const status = result.kind === "response" ? result.status : undefined;
      const log = (outcome: JobTriggerRecord["outcome"]) =>
        this.triggerLog.push({ appId: job.appId, name: job.name, attempt, status, outcome, at: Date.now() });
      if (result.kind === "unreachable") {
        log("unreachable");
        attempt -= 1;
        await sleep(50, signal);
        continue;
      }
      if (status === 200) return log("done"), "done";
      if (status === 404) return log("dropped"), "dropped";
      failures += 1;
      if (failures > job.retry.maxRetries) return log("failed"), "failed";
      log("retry");
      await sleep(job.retry.intervalMs, signal);
    }
    return "failed";
  }
}

function retryPolicy(request: JobRequest, fallback: JobsContext["defaultRetry"]) {
  const policy = request.failure_policy ?? request.failurePolicy;
  if (policy?.drop) return { maxRetries: 0, intervalMs: 0 };
  if (!policy?.constant) return fallback;
  const interval = policy.constant.interval;
  return {
    maxRetries: policy.constant.maxRetries ?? fallback.maxRetries,
    intervalMs: (interval === undefined ? undefined : parseGoDuration(interval)) ?? fallback.intervalMs,
  };
}

function keyOf(appId: string, name: string): string {
  return `${appId}\u0000${name}`;
}

function view(job: Job): JobView {
  const { appId, name, data, dueTime, schedule, repeats, ttl, nextAt, triggered } = job;
  return { appId, name, data, dueTime, schedule, repeats, ttl, nextAt, triggered };
}

function fail(status: number, errorCode: string, message: string): { ok: false; status: number; error: DaprError } {
  return { ok: false, status, error: { errorCode, message } };
}
