import type { Env } from "@/server/env";
import { pusherCredentials, usesBuiltInPusher } from "./publisher";

/** What pusher-js in the browser needs; null host/port means "the page's own origin" (embedded endpoint). */
export interface RealtimeClientConfig {
  key: string;
  wsHost: string | null;
  wsPort: number | null;
  forceTLS: boolean | null;
  cluster: string;
}

export function realtimeClientConfig(env: Env): RealtimeClientConfig {
  const { key } = pusherCredentials(env);
  if (!usesBuiltInPusher(env)) {
    return {
      key,
      wsHost: env.PUSHER_HOST ?? null,
      wsPort: env.PUSHER_PORT ?? null,
      forceTLS: env.PUSHER_USE_TLS ? env.PUSHER_USE_TLS === "true" : null,
      cluster: env.PUSHER_CLUSTER ?? "mt1",
    };
  }
  return { key, wsHost: null, wsPort: null, forceTLS: null, cluster: "local" };
}

/** Key and secret that sign private-channel subscriptions, for whichever Pusher endpoint is in use. */
export function channelSigningCredentials(env: Env): { key: string; secret: string } {
  const { key, secret } = pusherCredentials(env);
  return { key, secret };
}

/** WebSocket origins the browser may connect to besides the app's own (an external Pusher-protocol server). */
export function realtimeConnectSources(env: Env): string[] {
  if (usesBuiltInPusher(env)) return [];
  if (!env.PUSHER_HOST) return [`wss://ws-${env.PUSHER_CLUSTER ?? "mt1"}.pusher.com`];
  const port = env.PUSHER_PORT ? `:${env.PUSHER_PORT}` : "";
  // Unset PUSHER_USE_TLS: the browser follows the page's scheme.
  const schemes = env.PUSHER_USE_TLS === "true" ? ["wss"] : env.PUSHER_USE_TLS === "false" ? ["ws"] : ["ws", "wss"];
  return schemes.map((scheme) => `${scheme}://${env.PUSHER_HOST}${port}`);
}
