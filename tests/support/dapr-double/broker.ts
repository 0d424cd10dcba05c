// The shared "Kafka": topic logs, one consumer group per app-id, ordered lanes per partition key,
// and the sidecar's delivery loop (retries, DROP, dead-letter topics) in front of each app.
import type http from "node:http";
import { callApp, sleep, type AppCallResult } from "./app-client";
import { BulkBatcher, bulkSettings, type AttemptResult } from "./bulk-delivery";
import { selectPath } from "./routing";
import type {
  CloudEvent,
  DeadLetterRecord,
  DeliveryOutcome,
  DeliveryRecord,
  PublishedMessage,
  Resiliency,
  Subscription,
} from "./types";

export interface BrokerContext {
  pubsubName: string;
  appToken?: string;
  resiliency: Resiliency;
  deliveryTimeoutMs: number;
  agent: http.Agent;
  signal: AbortSignal;
  appPort(appId: string): number | undefined;
}

interface ConsumerGroup {
  appId: string;
  topic: string;
  subscription: Subscription;
  /** False once a rediscovery no longer lists the topic: new messages wait in the log. */
  active: boolean;
  /** How much of the topic log was handed to lanes (Kafka's committed offset, roughly). */
  offset: number;
  /** partition key (or a unique key for unkeyed messages) → messages in order. */
  lanes: Map<string, PublishedMessage[]>;
  /** Set while the subscription enables bulkSubscribe. */
  batcher?: BulkBatcher;
}

export class BrokerDownError extends Error {
  constructor() {
    super("broker unavailable");
  }
}

export class Broker {
  private seq = 0;
  private down = false;
  private upWaiters: (() => void)[] = [];
  private readonly topicLogs = new Map<string, PublishedMessage[]>();
  private readonly groups = new Map<string, ConsumerGroup>();
  readonly publishedLog: PublishedMessage[] = [];
  readonly deliveryLog: DeliveryRecord[] = [];
  readonly deadLetterLog: DeadLetterRecord[] = [];

  constructor(private readonly ctx: BrokerContext) {
    ctx.signal.addEventListener("abort", () => this.releaseWaiters(), { once: true });
  }

  get isDown(): boolean {
    return this.down;
  }

  /** Accepts a message (throws BrokerDownError while down) and fans it out to every group. */
  publish(topic: string, event: CloudEvent, partitionKey?: string): PublishedMessage {
    if (this.down) throw new BrokerDownError();
    const message: PublishedMessage = {
      seq: ++this.seq,
      pubsubname: this.ctx.pubsubName,
      topic,
      partitionKey,
      event,
      publishedAt: Date.now(),
    };
    const log = this.topicLogs.get(topic) ?? [];
    log.push(message);
    this.topicLogs.set(topic, log);
    this.publishedLog.push(message);
    for (const group of this.groups.values()) {
      if (group.topic === topic && group.active) this.catchUp(group);
    }
    return message;
  }

  /** Installs an app's subscriptions; a new group starts at the oldest offset (initialOffset: oldest). */
  setSubscriptions(appId: string, subscriptions: Subscription[]): void {
    const mine = subscriptions.filter((s) => s.pubsubname === this.ctx.pubsubName);
    for (const group of this.groups.values()) {
      if (group.appId === appId) group.active = false;
    }
    for (const subscription of mine) {
      const key = `${appId}\u0000${subscription.topic}`;
      const existing = this.groups.get(key);
      if (existing?.active) continue; // daprd rejects duplicates; the first one wins
      const group: ConsumerGroup = existing ?? {
        appId,
        topic: subscription.topic,
        subscription,
        active: true,
        offset: 0,
        lanes: new Map(),
      };
      group.subscription = subscription;
      group.active = true;
      group.batcher = bulkSettings(subscription) ? (group.batcher ?? this.newBatcher(group)) : undefined;
      this.groups.set(key, group);
      this.catchUp(group);
    }
  }

  setDown(down: boolean): void {
    this.down = down;
    if (!down) this.releaseWaiters();
  }

  /** True while any message is queued or being delivered. */
  busy(): boolean {
    for (const group of this.groups.values()) if (group.lanes.size > 0) return true;
    return false;
  }

  private releaseWaiters(): void {
    const waiters = this.upWaiters;
    this.upWaiters = [];
    for (const wake of waiters) wake();
  }

  private waitUntilUp(): Promise<void> {
    if (!this.down || this.ctx.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => this.upWaiters.push(resolve));
  }

  private catchUp(group: ConsumerGroup): void {
    const log = this.topicLogs.get(group.topic) ?? [];
    while (group.offset < log.length) {
      const message = log[group.offset++];
      if (message) this.enqueue(group, message);
    }
  }

  private enqueue(group: ConsumerGroup, message: PublishedMessage): void {
    const laneKey = message.partitionKey ?? `\u0000${message.seq}`;
    const lane = group.lanes.get(laneKey);
    if (lane) {
      lane.push(message); // the running lane picks it up after the messages ahead of it
      return;
    }
    const fresh = [message];
    group.lanes.set(laneKey, fresh);
    void this.runLane(group, laneKey, fresh);
  }

  /** Like a Kafka partition: the next message waits until the head is acked/dropped/dead-lettered. */
  private async runLane(group: ConsumerGroup, laneKey: string, lane: PublishedMessage[]) {
    while (lane.length > 0 && !this.ctx.signal.aborted) {
      const head = lane[0];
      if (head) await this.deliver(group, head);
      lane.shift();
    }
    group.lanes.delete(laneKey);
  }

  private async deliver(group: ConsumerGroup, message: PublishedMessage): Promise<void> {
    const { resiliency, signal } = this.ctx;
    let attempt = 0;
    let failures = 0;
    let waitingForApp = false;
    while (!signal.aborted) {
      await this.waitUntilUp();
      if (signal.aborted) return;
      const subscription = group.subscription;
      const path = selectPath(subscription, message.event);
      attempt += 1;
      if (path === undefined) {
        // As daprd: a message matching no rule (and no default route) goes to the dead-letter topic if there is one.
        this.record(group, message, "", attempt, "no-route");
        return this.deadLetter(group, message, "no-route");
      }
      // Bulk: at most one message per lane is in flight, so a bulk holds one message per partition key
      // and per-key order is kept whatever order the app handles the entries in.
      const bulk = group.batcher;
      const { outcome, status, bulkId } = bulk ? await bulk.submit(path, message) : await this.deliverOne(group, message, path);
      if (outcome === "unreachable" && this.ctx.appPort(group.appId) === undefined) {
        // The app was never started: daprd does not subscribe before its app is up, so nothing is attempted.
        if (!waitingForApp) this.record(group, message, path, attempt, outcome, status);
        waitingForApp = true;
        attempt -= 1;
        await sleep(resiliency.initialIntervalMs, signal);
        continue;
      }
      waitingForApp = false;
      this.record(group, message, path, attempt, outcome, status, bulkId);
      if (outcome === "success") return;
      // daprd 1.18.2: a single delivery answered 404 is "dropped" like DROP, so it goes to the dead-letter topic when
      // there is one; a bulk answered 404 counts every entry as done (postman/http/http.go).
      if (outcome === "not-found") return bulk ? undefined : this.deadLetter(group, message, "drop");
      if (outcome === "drop") return this.deadLetter(group, message, "drop");
      // Connection refused from a stopped app counts as a failed attempt, exactly like an error answer (daprd).
      failures += 1;
      if (resiliency.maxRetries >= 0 && failures > resiliency.maxRetries) return this.deadLetter(group, message, "retries-exhausted");
      const backoff = resiliency.initialIntervalMs * 2 ** (failures - 1);
      await sleep(Math.min(backoff, resiliency.maxIntervalMs), signal);
    }
  }

  private async deliverOne(group: ConsumerGroup, message: PublishedMessage, path: string): Promise<AttemptResult> {
    const port = this.ctx.appPort(group.appId);
    if (port === undefined) return { outcome: "unreachable" };
    const result = await callApp({
      port,
      method: "POST",
      path,
      body: JSON.stringify(message.event),
      headers: this.deliveryHeaders(message.event),
      timeoutMs: this.ctx.deliveryTimeoutMs,
      agent: this.ctx.agent,
    });
    return { outcome: classify(result), status: result.kind === "response" ? result.status : undefined };
  }

  private newBatcher(group: ConsumerGroup): BulkBatcher {
    return new BulkBatcher({
      appId: group.appId,
      topic: group.topic,
      pubsubName: this.ctx.pubsubName,
      appToken: this.ctx.appToken,
      timeoutMs: this.ctx.deliveryTimeoutMs,
      agent: this.ctx.agent,
      signal: this.ctx.signal,
      appPort: () => this.ctx.appPort(group.appId),
      settings: () => bulkSettings(group.subscription) ?? { maxMessagesCount: 1, maxAwaitDurationMs: 0 },
    });
  }

  private deliveryHeaders(event: CloudEvent): Record<string, string> {
    const headers: Record<string, string> = { "content-type": "application/cloudevents+json" };
    if (this.ctx.appToken) headers["dapr-api-token"] = this.ctx.appToken;
    if (typeof event.traceparent === "string") headers.traceparent = event.traceparent;
    return headers;
  }

  /** Moves the message to the subscription's dead-letter topic (without its partition key), or drops it. */
  private deadLetter(group: ConsumerGroup, message: PublishedMessage, reason: DeadLetterRecord["reason"]) {
    const deadLetterTopic = group.subscription.deadLetterTopic;
    if (!deadLetterTopic) return;
    this.deadLetterLog.push({
      appId: group.appId,
      topic: group.topic,
      deadLetterTopic,
      event: message.event,
      reason,
      at: Date.now(),
    });
    this.publishInternal(deadLetterTopic, message.event);
  }

  private publishInternal(topic: string, event: CloudEvent): void {
    const wasDown = this.down;
    this.down = false; // deliveries only run while the broker is up; never lose a dead letter
    try {
      this.publish(topic, event);
    } finally {
      this.down = wasDown;
    }
  }

  private record(
    group: ConsumerGroup,
    message: PublishedMessage,
    path: string,
    attempt: number,
    outcome: DeliveryOutcome,
    status?: number,
    bulkId?: string,
  ): void {
    this.deliveryLog.push({
      appId: group.appId,
      topic: group.topic,
      path,
      eventId: message.event.id,
      partitionKey: message.partitionKey,
      attempt,
      outcome,
      status,
      ...(bulkId ? { bulkId } : {}),
      at: Date.now(),
    });
  }
}

/** The contract's table: what an app's answer means for the message. */
export function classify(result: AppCallResult): DeliveryOutcome {
  if (result.kind === "unreachable") return "unreachable";
  if (result.kind === "failed") return "error";
  if (result.status === 404) return "not-found";
  if (result.status < 200 || result.status > 299) return "error";
  const text = result.body.trim();
  if (text === "") return "success";
  let status: unknown;
  try {
    status = (JSON.parse(text) as { status?: unknown } | null)?.status;
  } catch {
    return "success"; // daprd skips the status check when the body is not JSON
  }
  if (status === undefined || status === null || status === "") return "success";
  // Exact, as daprd compares them: "success" in lower case is an unknown status, retried.
  if (status === "SUCCESS") return "success";
  if (status === "DROP") return "drop";
  return "retry";
}
