import type { Logger } from "pino";
import type { Executor } from "@/server/db/client";
import { nextWebhookRetryAt } from "@/server/domain/webhooks/dispatch";
import { errorText } from "@/server/events/error-text";

/** Wakes an endpoint when its backoff ends. The endpoints' retry_at columns are the truth; this is only the alarm. */
export interface WebhookRetryScheduler {
  schedule(endpointId: string, at: Date): Promise<void>;
  /** Re-arms from the table (the embedded timer); a no-op for the Jobs API, whose jobs outlive the process. */
  rearm(): Promise<void>;
  stop(): Promise<void>;
}

export const WEBHOOK_JOB_PREFIX = "webhook-";
export const webhookJobName = (endpointId: string) => `${WEBHOOK_JOB_PREFIX}${endpointId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function endpointIdOfJob(jobName: string, data: unknown): string | null {
  const fromData = typeof data === "object" && data !== null ? (data as { endpointId?: unknown }).endpointId : undefined;
  if (typeof fromData === "string" && UUID.test(fromData)) return fromData;
  const fromName = jobName.slice(WEBHOOK_JOB_PREFIX.length);
  return jobName.startsWith(WEBHOOK_JOB_PREFIX) && UUID.test(fromName) ? fromName : null;
}

/** One Jobs API job per waiting endpoint (`webhook-<id>`, one-shot, overwritten by the next failure). */
export function createDaprJobsRetryScheduler(options: { daprHttpPort: number; daprApiToken?: string; fetch?: typeof fetch }): WebhookRetryScheduler {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.daprApiToken) headers["dapr-api-token"] = options.daprApiToken;
  return {
    async schedule(endpointId, at) {
      const url = `http://127.0.0.1:${options.daprHttpPort}/v1.0-alpha1/jobs/${encodeURIComponent(webhookJobName(endpointId))}`;
      const response = await doFetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ data: { endpointId }, dueTime: at.toISOString(), repeats: 1, overwrite: true }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`Dapr refused job ${webhookJobName(endpointId)}: ${response.status} ${await response.text().catch(() => "")}`);
    },
    rearm: async () => {},
    stop: async () => {},
  };
}

const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/**
 * The embedded alarm: one in-process timer for the earliest retry_at of any waiting endpoint, re-read from the
 * table after every firing, so a restart loses nothing. `onDue` sends whatever is due.
 */
export function createDurableRetryTimer(options: { db: Executor; log: Logger; onDue: () => Promise<void>; now?: () => Date }): WebhookRetryScheduler {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let armedFor: number | undefined;
  let stopped = false;

  function arm(at: Date) {
    if (stopped) return;
    if (armedFor !== undefined && armedFor <= at.getTime()) return; // an earlier wake-up is already armed
    clearTimeout(timer);
    armedFor = at.getTime();
    timer = setTimeout(() => void fire(), Math.max(1, Math.min(at.getTime() - now().getTime(), MAX_WAIT_MS)));
    timer.unref();
  }

  async function fire() {
    armedFor = undefined;
    timer = undefined;
    try {
      await options.onDue();
    } catch (cause) {
      options.log.warn({ error: errorText(cause) }, "webhook retry round failed");
    }
    await rearm();
  }

  async function rearm() {
    if (stopped) return;
    try {
      const next = await nextWebhookRetryAt(options.db, now());
      if (next) arm(next);
    } catch (cause) {
      options.log.warn({ error: errorText(cause) }, "could not read the next webhook retry; the reconcile round will");
    }
  }

  return {
    schedule: async (_endpointId, at) => arm(at),
    rearm,
    async stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
