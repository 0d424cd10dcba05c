import type { Env } from "@/server/env";
import { embeddedPusherCredentials } from "./publisher";

/** What pusher-js in the browser needs; null host/port means "the page's own origin" (embedded endpoint). */
export interface RealtimeClientConfig {
  key: string;
  wsHost: string | null;
  wsPort: number | null;
  forceTLS: boolean | null;
  cluster: string;
}

export function realtimeClientConfig(env: Env): RealtimeClientConfig {
  if (env.PUSHER_KEY) {
    return {
      key: env.PUSHER_KEY,
      wsHost: env.PUSHER_HOST ?? null,
      wsPort: env.PUSHER_PORT ?? null,
      forceTLS: env.PUSHER_USE_TLS ? env.PUSHER_USE_TLS === "true" : null,
      cluster: env.PUSHER_CLUSTER ?? "mt1",
    };
  }
  return { key: embeddedPusherCredentials(env).key, wsHost: null, wsPort: null, forceTLS: null, cluster: "local" };
}

/** Key and secret that sign private-channel subscriptions, for whichever Pusher endpoint is in use. */
export function channelSigningCredentials(env: Env): { key: string; secret: string } {
  if (env.PUSHER_KEY && env.PUSHER_SECRET) return { key: env.PUSHER_KEY, secret: env.PUSHER_SECRET };
  const { key, secret } = embeddedPusherCredentials(env);
  return { key, secret };
}
