import { dueWebhookEndpoints, drainWebhookEndpoint, enqueueWebhookEvent, type WebhookDispatchOptions } from "@/server/domain/webhooks/dispatch";
import { WEBHOOK_EVENT_TYPES } from "@/server/domain/webhooks/event-types";
import { EVENT_TYPES, TOPICS, webhookQueuedDataSchema } from "@/server/events/catalog";
import { errorText } from "@/server/events/error-text";
import type { EventSubscription, JobHandler, WorkerDefinition, WorkerServices } from "@/server/events/worker-types";
import { createDaprJobsRetryScheduler, createDurableRetryTimer, endpointIdOfJob, WEBHOOK_JOB_PREFIX, type WebhookRetryScheduler } from "./scheduler";

export { WEBHOOK_JOB_PREFIX, webhookJobName } from "./scheduler";

export interface WebhooksWorkerOptions {
  /** Backoff, windows and timeouts; tests shorten them. allowPrivateNetworks defaults to WEBHOOKS_ALLOW_PRIVATE_NETWORKS. */
  dispatch?: Partial<WebhookDispatchOptions>;
  /** How often endpoints with due work are looked for (a lost job or timer loses nothing). */
  reconcileIntervalMs?: number;
  /** Endpoints sending at the same time in this process. */
  concurrency?: number;
}

const DEFAULT_RECONCILE_MS = 30_000;
const DEFAULT_CONCURRENCY = 16;

const REMINDER_TYPES = new Set<string>([EVENT_TYPES.reminderScheduled, EVENT_TYPES.reminderCancelled, EVENT_TYPES.reminderDue, EVENT_TYPES.reminderSent, EVENT_TYPES.reminderFailed]);

/**
 * The fifth worker: turns the user's events into signed webhook deliveries and sends them, per endpoint in
 * order, retrying with backoff. Event handling only records the deliveries (fast, idempotent) and starts a
 * sender in the background, so a slow or dead endpoint never holds up event delivery or other endpoints.
 */
export function createWebhooksWorker(options: WebhooksWorkerOptions = {}): WorkerDefinition {
  let scheduler: WebhookRetryScheduler | undefined;
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  /** Endpoints this process saw fail, until their retry time: events for them only queue rows meanwhile. */
  const waitingUntil = new Map<string, number>();
  const waiting: (() => void)[] = [];
  let active = 0;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  let stopping = new AbortController();

  const dispatchOptions = (s: WorkerServices): WebhookDispatchOptions => ({
    allowPrivateNetworks: s.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS,
    ...options.dispatch,
    signal: stopping.signal,
  });

  const schedulerFor = (s: WorkerServices): WebhookRetryScheduler =>
    (scheduler ??= s.env.DAPR_HTTP_PORT
      ? createDaprJobsRetryScheduler({ daprHttpPort: s.env.DAPR_HTTP_PORT, daprApiToken: s.env.DAPR_API_TOKEN })
      : createDurableRetryTimer({ db: s.db.db, log: s.log, onDue: () => sendDue(s) }));

  async function slot(): Promise<() => void> {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    return () => {
      active -= 1;
      waiting.shift()?.();
    };
  }

  /**
   * Starts the endpoint's sender, at most one per endpoint in this process; a kick while it runs makes it read
   * one more page under the same lease. A new event for an endpoint known to be backing off starts nothing: the
   * scheduler wakes it (`force` for resends, tests, re-enables and the scheduler itself).
   */
  function kick(s: WorkerServices, endpointId: string, force = false): Promise<void> {
    const backingOffUntil = waitingUntil.get(endpointId);
    if (!force && backingOffUntil !== undefined && backingOffUntil > Date.now()) return Promise.resolve();
    waitingUntil.delete(endpointId);
    const current = running.get(endpointId);
    if (current) {
      current.again = true;
      return current.done;
    }
    const state = { again: false, done: Promise.resolve() };
    const moreQueued = () => {
      const again = state.again;
      state.again = false;
      return again;
    };
    state.done = (async () => {
      const release = await slot();
      try {
        do {
          state.again = false;
          const result = await drainWebhookEndpoint(s.db.db, endpointId, { ...dispatchOptions(s), moreQueued });
          if (result.status === "waiting") {
            waitingUntil.set(endpointId, result.retryAt.getTime());
            await schedulerFor(s).schedule(endpointId, result.retryAt);
          }
        } while (state.again && !stopping.signal.aborted);
      } catch (cause) {
        s.log.warn({ endpointId, error: errorText(cause) }, "webhook sender failed; the next round retries");
      } finally {
        release();
        running.delete(endpointId);
      }
    })();
    running.set(endpointId, state);
    return state.done;
  }

  async function sendDue(s: WorkerServices) {
    const due = await dueWebhookEndpoints(s.db.db, new Date());
    await Promise.all(due.map((endpointId) => kick(s, endpointId, true)));
  }

  const fromEvents = (name: string, topic: string, types: readonly string[]): EventSubscription => ({
    name,
    topic,
    types,
    async handle(event, s) {
      const endpoints = await enqueueWebhookEvent(s.db.db, event);
      for (const endpointId of endpoints) void kick(s, endpointId);
      return "success";
    },
  });

  const queued: EventSubscription = {
    name: "queued",
    topic: TOPICS.webhooks,
    types: [EVENT_TYPES.webhookQueued],
    async handle(event, s) {
      const parsed = webhookQueuedDataSchema.safeParse(event.data);
      if (!parsed.success) return "drop";
      void kick(s, parsed.data.endpointId, true); // the delivery rows are already committed by the app
      return "success";
    },
  };

  /** `POST /job/webhook-<endpointId>` from the sidecar when an endpoint's backoff ends. */
  const retryJob: JobHandler = {
    prefix: WEBHOOK_JOB_PREFIX,
    async handle(jobName, data, s) {
      const endpointId = endpointIdOfJob(jobName, data);
      if (!endpointId) return "drop";
      void kick(s, endpointId, true);
      return "success";
    },
  };

  return {
    name: "webhooks",
    subscriptions: [
      fromEvents("task-events", TOPICS.taskEvents, WEBHOOK_EVENT_TYPES.filter((type) => !REMINDER_TYPES.has(type))),
      fromEvents("reminder-events", TOPICS.reminders, WEBHOOK_EVENT_TYPES.filter((type) => REMINDER_TYPES.has(type))),
      queued,
    ],
    jobs: [retryJob],
    async start(s) {
      const alarm = schedulerFor(s);
      let busy = false;
      const reconcile = async () => {
        if (busy) return;
        busy = true;
        try {
          await sendDue(s);
          await alarm.rearm();
        } catch (cause) {
          s.log.warn({ error: errorText(cause) }, "webhook reconcile round failed; the next one retries");
        } finally {
          busy = false;
        }
      };
      void reconcile(); // whatever was due while the process was down
      const interval = setInterval(() => void reconcile(), options.reconcileIntervalMs ?? DEFAULT_RECONCILE_MS);
      interval.unref();
      return async () => {
        clearInterval(interval);
        stopping.abort(); // senders finish the message in flight; the rest stays pending

        await alarm.stop();
        await Promise.all([...running.values()].map((r) => r.done));
        scheduler = undefined;
        waitingUntil.clear();
        stopping = new AbortController();
      };
    },
  };
}

export const webhooksWorker = createWebhooksWorker();
export default webhooksWorker;
