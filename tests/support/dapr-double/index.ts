// Test double of the Dapr sidecar HTTP API (see README.md). One double = one broker shared by
// every app's sidecar: each app gets its own listener (its DAPR_HTTP_PORT), and a shared listener
// on `port` serves all apps (callers identified by the `dapr-app-id` header when it matters).
import { CircuitBreaker, type BreakerPolicy } from "./breaker";
import http from "node:http";
import { callApp, sleep } from "./app-client";
import { Broker } from "./broker";
import type { SidecarContext } from "./http-util";
import { JobScheduler, type JobTriggerOutcome, type JobTriggerRecord, type JobView } from "./jobs";
import { startListener, type Listener } from "./server";
import { StateStores } from "./state";
import {
  subscribeAnswerSchema,
  type AppRef,
  type DeadLetterRecord,
  type DeliveryRecord,
  type PublishedMessage,
  type Resiliency,
  type Subscription,
} from "./types";

export type { AppRef, DeadLetterRecord, DeliveryRecord, JobTriggerRecord, JobView, PublishedMessage, Resiliency, Subscription };
export type { CloudEvent, DeliveryOutcome } from "./types";

export interface DaprDoubleOptions {
  /** Shared listener port; 0/undefined = random. */
  port?: number;
  /** DAPR_API_TOKEN the apps must send (401 otherwise). */
  apiToken?: string;
  /** APP_API_TOKEN the double sends to apps as `dapr-api-token`. */
  appToken?: string;
  apps?: AppRef[];
  pubsubName?: string;
  /** Default ["statestore"]. */
  stateStores?: string[];
  /** store -> secret name -> value. */
  secrets?: Record<string, Record<string, string>>;
  /** Inbound (delivery) retry policy; defaults: 5 retries, 50 ms initial, 1 s max. */
  resiliency?: Partial<Resiliency>;
  /** A delivery slower than this counts as a failed attempt (daprd: timeout → RETRY). */
  deliveryTimeoutMs?: number;
  /**
   * Outbound circuit breaker on publishes, one per sidecar (as daprd has one per sidecar): e.g.
   * `outboundBreakerOf()` = the one dapr-components/resiliency.yaml declares. Default: none.
   */
  outboundBreaker?: BreakerPolicy;
  /** Default job failure policy; defaults: constant 100 ms, 3 retries. */
  jobRetry?: { maxRetries: number; intervalMs: number };
}

export interface SidecarAddress {
  appId: string;
  port: number;
  url: string;
}

export interface DaprDouble {
  port: number;
  url: string;
  /** Registers an app, starts its own sidecar listener and discovers its subscriptions in the background. */
  addApp(app: AppRef): Promise<SidecarAddress>;
  /** The app's own sidecar: give the app `DAPR_HTTP_PORT = sidecar(appId).port`. */
  sidecar(appId: string): SidecarAddress;
  /** (Re)reads `GET /dapr/subscribe`, waiting until the app answers. */
  discover(appId?: string): Promise<void>;
  subscriptions(appId?: string): Subscription[];
  setBrokerDown(down: boolean): void;
  published(topic?: string): PublishedMessage[];
  /** Messages moved to a dead-letter topic; `topic` filters on the topic they failed on. */
  deadLetters(topic?: string): DeadLetterRecord[];
  deliveries(filter?: { appId?: string; topic?: string }): DeliveryRecord[];
  jobs(): JobView[];
  jobTriggers(): JobTriggerRecord[];
  fireJobNow(name: string, options?: { appId?: string; duplicate?: boolean }): Promise<JobTriggerOutcome[]>;
  /** Resolves once no delivery or job trigger is in flight or pending; rejects after timeoutMs. */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface AppState {
  ref: AppRef;
  listener?: Listener;
  subscriptions: Subscription[];
  discovered: boolean;
}

export async function startDaprDouble(options: DaprDoubleOptions = {}): Promise<DaprDouble> {
  const pubsubName = options.pubsubName ?? "pubsub";
  const resiliency: Resiliency = { maxRetries: 5, initialIntervalMs: 50, maxIntervalMs: 1_000, ...options.resiliency };
  const abort = new AbortController();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const apps = new Map<string, AppState>();
  const appPort = (appId: string) => apps.get(appId)?.ref.appPort;

  const broker = new Broker({
    pubsubName,
    appToken: options.appToken,
    resiliency,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 10_000,
    agent,
    signal: abort.signal,
    appPort,
  });
  const jobs = new JobScheduler({
    appToken: options.appToken,
    agent,
    signal: abort.signal,
    callbackTimeoutMs: options.deliveryTimeoutMs ?? 10_000,
    defaultRetry: options.jobRetry ?? { maxRetries: 3, intervalMs: 100 },
    appPort,
  });
  const state = new StateStores(options.stateStores ?? ["statestore"]);
  const secrets = options.secrets ?? {};
  const breakers = new Map<string, CircuitBreaker>();
  const breakerOf = (appId: string | undefined) => {
    if (!options.outboundBreaker) return undefined;
    const key = appId ?? "";
    let breaker = breakers.get(key);
    if (!breaker) breakers.set(key, (breaker = new CircuitBreaker(options.outboundBreaker)));
    return breaker;
  };
  const contextFor = (callerAppId: string | undefined): SidecarContext => ({
    pubsubName,
    broker,
    jobs,
    state,
    secrets,
    callerAppId,
    breaker: breakerOf(callerAppId),
  });
  const metadata = (callerAppId: string | undefined) => ({
    id: callerAppId ?? "",
    runtimeVersion: "dapr-double",
    components: [
      { name: pubsubName, type: "pubsub.kafka", version: "v1" },
      ...(options.stateStores ?? ["statestore"]).map((name) => ({ name, type: "state.in-memory", version: "v1" })),
      ...Object.keys(secrets).map((name) => ({ name, type: "secretstores.local.env", version: "v1" })),
    ],
    subscriptions: callerAppId ? (apps.get(callerAppId)?.subscriptions ?? []) : [],
  });

  async function discoverApp(app: AppState): Promise<void> {
    while (!abort.signal.aborted) {
      const result = await callApp({
        port: app.ref.appPort,
        method: "GET",
        path: "/dapr/subscribe",
        headers: options.appToken ? { "dapr-api-token": options.appToken } : {},
        timeoutMs: 5_000,
        agent,
      });
      if (result.kind !== "response") {
        await sleep(50, abort.signal); // like daprd waiting on the app port
        continue;
      }
      let subscriptions: Subscription[] = [];
      if (result.status === 200) {
        try {
          const parsed = subscribeAnswerSchema.safeParse(JSON.parse(result.body));
          if (parsed.success) subscriptions = parsed.data;
          else console.warn(`dapr-double: ${app.ref.appId} /dapr/subscribe answer ignored:`, parsed.error.message);
        } catch {
          console.warn(`dapr-double: ${app.ref.appId} /dapr/subscribe answered non-JSON`);
        }
      }
      // Declared ones first: for a topic both declare and list, the first one wins (as in broker.setSubscriptions).
      app.subscriptions = [...(app.ref.declared ?? []), ...subscriptions];
      app.discovered = true;
      broker.setSubscriptions(app.ref.appId, app.subscriptions);
      return;
    }
  }

  const shared = await startListener({
    port: options.port ?? 0,
    apiToken: options.apiToken,
    context: (header) => {
      if (header && apps.has(header)) return contextFor(header);
      return contextFor(apps.size === 1 ? [...apps.keys()][0] : undefined);
    },
    appChannelReady: () => [...apps.values()].every((app) => app.discovered),
    metadata,
  });

  const addApp = async (ref: AppRef): Promise<SidecarAddress> => {
    const existing = apps.get(ref.appId);
    const app: AppState = existing ?? { ref, subscriptions: [], discovered: false };
    app.ref = { ...ref };
    apps.set(ref.appId, app);
    app.listener ??= await startListener({
      port: ref.sidecarPort ?? 0,
      apiToken: options.apiToken,
      context: () => contextFor(ref.appId),
      appChannelReady: () => app.discovered,
      metadata,
    });
    void discoverApp(app);
    return address(app);
  };

  for (const app of options.apps ?? []) await addApp(app);

  const double: DaprDouble = {
    port: shared.port,
    url: `http://127.0.0.1:${shared.port}`,
    addApp,
    sidecar(appId) {
      const app = apps.get(appId);
      if (!app?.listener) throw new Error(`dapr-double: unknown app "${appId}"`);
      return address(app);
    },
    async discover(appId) {
      const targets = appId === undefined ? [...apps.values()] : [apps.get(appId)];
      await Promise.all(
        targets.map((app) => {
          if (!app) throw new Error(`dapr-double: unknown app "${appId ?? ""}"`);
          return discoverApp(app);
        }),
      );
    },
    subscriptions: (appId) =>
      [...apps.values()].filter((a) => appId === undefined || a.ref.appId === appId).flatMap((a) => a.subscriptions),
    setBrokerDown: (down) => broker.setDown(down),
    published: (topic) => broker.publishedLog.filter((m) => topic === undefined || m.topic === topic),
    deadLetters: (topic) => broker.deadLetterLog.filter((d) => topic === undefined || d.topic === topic),
    deliveries: (filter = {}) =>
      broker.deliveryLog.filter(
        (d) => (filter.appId === undefined || d.appId === filter.appId) && (filter.topic === undefined || d.topic === filter.topic),
      ),
    jobs: () => jobs.list(),
    jobTriggers: () => [...jobs.triggerLog],
    fireJobNow: (name, fireOptions) => jobs.fireNow(name, fireOptions),
    async idle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let quietChecks = 0;
      while (quietChecks < 2) {
        if (Date.now() > deadline) {
          throw new Error(`dapr-double: not idle after ${timeoutMs} ms (deliveries busy: ${broker.busy()}, jobs busy: ${jobs.busy()})`);
        }
        quietChecks = broker.busy() || jobs.busy() ? 0 : quietChecks + 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      abort.abort();
      await Promise.all([shared.close(), ...[...apps.values()].map((app) => app.listener?.close())]);
      agent.destroy();
    },
  };
  return double;
}

function address(app: AppState): SidecarAddress {
  const port = app.listener?.port ?? 0;
  return { appId: app.ref.appId, port, url: `http://127.0.0.1:${port}` };
}
