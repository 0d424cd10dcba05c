import PusherClient from "pusher-js";
import type { DomainContext } from "@/server/domain/context";
import { createTask } from "@/server/domain/tasks";
import { createChannelAuthorizer } from "@/server/realtime/embedded";
import { embeddedPusherCredentials, userChannel } from "@/server/realtime/publisher";
import { SYNC_EVENT } from "@workers/realtime";
import { summarize, type LatencySummary } from "../lib/percentiles";
import type { AppStack } from "./app-stack";

export interface RealtimeOptions {
  changes: number;
  /** Pause between changes, so each one is measured on its own. */
  gapMs: number;
  timeoutMs: number;
}

export interface RealtimeResult {
  changes: number;
  /** Mutation start (client A) → the `sync` notice at client B, ms. */
  seenByOtherClientMs: LatencySummary;
  /** How long the mutation itself took (part of the above), ms. */
  mutationMs: LatencySummary;
  timeouts: number;
}

interface SyncNotice {
  entity?: string;
  id?: string;
}

/** A pusher-js client of `userId` on the stack's embedded endpoint, calling `onSync` for every notice. */
async function connectClient(stack: Pick<AppStack, "env" | "port">, userId: string, onSync: (notice: SyncNotice) => void): Promise<PusherClient> {
  const { key, secret } = embeddedPusherCredentials(stack.env);
  const sign = createChannelAuthorizer({ key, secret });
  const client = new PusherClient(key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: stack.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    // The app's auth route does this signing; the benchmark is about delivery, not the auth round trip.
    channelAuthorization: { customHandler: ({ socketId, channelName }, callback) => callback(null, sign(socketId, channelName)) },
  });
  const channel = client.subscribe(userChannel(userId));
  await new Promise<void>((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(`subscription failed: ${JSON.stringify(error)}`)));
  });
  channel.bind(SYNC_EVENT, (data: SyncNotice) => onSync(data));
  return client;
}

/**
 * Scenario 5: two pusher-js clients of one user; "client A" changes something (a domain createTask, what its
 * tRPC call runs) and we time until client B hears the sync notice for that task.
 */
export async function clientToClient(stack: Pick<AppStack, "env" | "port">, ctx: DomainContext, options: RealtimeOptions): Promise<RealtimeResult> {
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>(); // notices that beat createTask's return (the id is not known yet)
  const clientA = await connectClient(stack, ctx.userId, () => {});
  const clientB = await connectClient(stack, ctx.userId, (notice) => {
    if (notice.entity !== "task" || !notice.id) return;
    const at = performance.now();
    const wake = waiting.get(notice.id);
    if (wake) wake(at);
    else early.set(notice.id, at);
  });
  const seen: number[] = [];
  const mutations: number[] = [];
  let timeouts = 0;
  try {
    for (let i = 0; i < options.changes; i++) {
      const start = performance.now();
      const task = await createTask(ctx, { title: `Live change ${i}` });
      mutations.push(performance.now() - start);
      const heardAt = early.get(task.id) ?? (await waitForNotice(waiting, task.id, options.timeoutMs));
      early.delete(task.id);
      if (heardAt === undefined) timeouts += 1;
      else seen.push(heardAt - start);
      await new Promise((resolve) => setTimeout(resolve, options.gapMs));
    }
  } finally {
    clientA.disconnect();
    clientB.disconnect();
  }
  return { changes: options.changes, seenByOtherClientMs: summarize(seen), mutationMs: summarize(mutations), timeouts };
}

function waitForNotice(waiting: Map<string, (at: number) => void>, id: string, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(undefined);
    }, timeoutMs);
    waiting.set(id, (at) => {
      clearTimeout(timer);
      waiting.delete(id);
      resolve(at);
    });
  });
}
