"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { refetchAfterChange, refetchSnapshotsOlderThan } from "./fresh-sync";
import { thisDeviceEndpoint } from "./push";
import { useTRPC } from "./trpc";

interface RealtimeConfig {
  key: string;
  wsHost: string | null;
  wsPort: number | null;
  forceTLS: boolean | null;
  cluster: string;
}
interface SyncNotice {
  entity: string;
  action: string;
  id: string;
  version?: number;
}

/**
 * Subscribes to the user's private channel and refetches what another tab, device or worker changed.
 * pusher-js is loaded lazily so it stays out of the first-load bundle.
 */
export function useRealtimeSync(userId: string): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;
    // When the last change (or the last moment notices may have been missed) was seen: older snapshots are stale.
    let lastChangeAt = 0;
    const stopWatching = refetchSnapshotsOlderThan(queryClient, () => lastChangeAt);
    const refetch = (filters: Parameters<typeof refetchAfterChange>[1]) => {
      lastChangeAt = Date.now();
      return refetchAfterChange(queryClient, filters);
    };
    void (async () => {
      const res = await fetch("/api/realtime/config").catch(() => null);
      if (!res?.ok || disposed) return;
      const config = (await res.json()) as RealtimeConfig;
      const { default: Pusher } = await import("pusher-js");
      if (disposed) return;
      const secure = config.forceTLS ?? window.location.protocol === "https:";
      const port = config.wsPort ?? (Number(window.location.port) || (secure ? 443 : 80));
      const pusher = new Pusher(config.key, {
        cluster: config.cluster,
        wsHost: config.wsHost ?? window.location.hostname,
        wsPort: port,
        wssPort: port,
        forceTLS: secure,
        enabledTransports: ["ws"],
        disableStats: true,
        channelAuthorization: { endpoint: "/api/pusher/auth", transport: "ajax" },
      });
      const channel = pusher.subscribe(`private-user-${userId}`);
      // Notices sent before the (lazy) subscription was up, or while the connection was down, are gone:
      // on every (re)subscribe, refetch what is cached once so nothing missed stays stale.
      channel.bind("pusher:subscription_succeeded", () => {
        void refetch([trpc.task, trpc.category, trpc.tag, trpc.notification, trpc.activity].map((router) => router.pathFilter()));
      });
      channel.bind("sync", (notice: SyncNotice) => {
        if (notice.entity === "notification") {
          void refetch([trpc.notification.pathFilter()]).then(() => {
            if (notice.action === "created") return showBrowserNotification(queryClient.getQueriesData(trpc.notification.list.pathFilter()), notice.id);
          });
          return;
        }
        const targets =
          notice.entity === "category"
            ? [trpc.category.pathFilter(), trpc.task.pathFilter()]
            : notice.entity === "tag"
              ? [trpc.tag.pathFilter(), trpc.task.pathFilter()]
              : [trpc.task.pathFilter(), trpc.category.pathFilter(), trpc.tag.pathFilter(), trpc.activity.pathFilter()];
        void refetch(targets);
      });
      cleanup = () => {
        pusher.unsubscribe(`private-user-${userId}`);
        pusher.disconnect();
      };
    })();
    return () => {
      disposed = true;
      stopWatching();
      cleanup?.();
    };
  }, [userId, trpc, queryClient]);
}

interface NotificationListData {
  items: Array<{ id: string; title: string; body: string | null; readAt: Date | null; reminderId?: string | null }>;
}

/**
 * A desktop notification for a reminder that just fired, when the user allowed them. The tag is the
 * reminder's, so several open tabs show it once. A browser subscribed to push leaves it to the service
 * worker: Chromium does not merge a page's notification with a service worker's of the same tag, so both
 * would show, and only the push one carries the snooze actions.
 */
async function showBrowserNotification(lists: Array<[readonly unknown[], unknown]>, id: string): Promise<void> {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  for (const [, data] of lists) {
    const item = (data as NotificationListData | undefined)?.items.find((n) => n.id === id);
    if (!item || item.readAt) continue;
    if (await thisDeviceEndpoint().catch(() => null)) return;
    new Notification(item.title, { body: item.body ?? undefined, tag: item.reminderId ? `reminder-${item.reminderId}` : id });
    return;
  }
}
