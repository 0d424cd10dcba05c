// A user of the running app, over HTTP only: Better Auth sign-up, tRPC with the session cookie, and
// pusher-js tabs authorised by the app's own /api/pusher/auth route.
import { randomUUID } from "node:crypto";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import PusherClient from "pusher-js";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export interface ReceivedNotice {
  entity: string;
  action: string;
  id: string;
}

export interface Tab {
  received: ReceivedNotice[];
  close(): void;
}

export interface UserSession {
  id: string;
  /** The session cookie, for raw HTTP requests. */
  cookie: string;
  trpc: TRPCClient<AppRouter>;
  /** A browser tab subscribed to the user's private channel; resolves once the subscription succeeded. */
  openTab(): Promise<Tab>;
}

export async function signUp(appUrl: string, name: string): Promise<UserSession> {
  const port = new URL(appUrl).port;
  const response = await fetch(`${appUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
    body: JSON.stringify({ email: `${name.toLowerCase()}-${randomUUID()}@example.test`, password: "correct horse battery", name }),
  });
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const trpc = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${appUrl}/api/trpc`, transformer: superjson, headers: () => ({ cookie }) })],
  });
  const config = (await (await fetch(`${appUrl}/api/realtime/config`)).json()) as { key: string };

  async function openTab(): Promise<Tab> {
    const client = new PusherClient(config.key, {
      cluster: "local",
      wsHost: "127.0.0.1",
      wsPort: Number(port),
      forceTLS: false,
      enabledTransports: ["ws"],
      channelAuthorization: {
        endpoint: "/api/pusher/auth",
        transport: "ajax",
        // Node has no page cookies: sign like the browser would, through the app's auth route with the session.
        customHandler: ({ socketId, channelName }, callback) => {
          fetch(`${appUrl}/api/pusher/auth`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", cookie },
            body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
          })
            .then(async (r) => (r.ok ? callback(null, (await r.json()) as { auth: string }) : callback(new Error(`auth answered ${r.status}`), null)))
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
        },
      },
    });
    const received: ReceivedNotice[] = [];
    const channel = client.subscribe(`private-user-${user.id}`);
    channel.bind("sync", (data: ReceivedNotice) => received.push(data));
    await new Promise<void>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(`subscription failed: ${JSON.stringify(error)}`)));
    });
    return { received, close: () => client.disconnect() };
  }

  return { id: user.id, cookie, trpc, openTab };
}
