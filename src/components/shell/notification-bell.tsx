"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { Popover } from "radix-ui";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";

/** Reminder notifications with an unread count; opening the list and closing it marks them read. */
export function NotificationBell() {
  const trpc = useTRPC();
  const { timeZone } = useUser();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.notification.list.queryOptions({ limit: 20 }), retry: false });
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({ onSettled: () => void queryClient.invalidateQueries(trpc.notification.pathFilter()) }),
  );
  if (!list.data) return <span className="size-9" aria-hidden />;
  const items = list.data.items;
  const unread = items.filter((n) => !n.readAt);
  const unreadCount = list.data.unreadCount;
  return (
    <Popover.Root onOpenChange={(open) => !open && unread.length > 0 && markRead.mutate({ ids: unread.map((n) => n.id).slice(0, 100) })}>
      <Popover.Trigger
        aria-label={unreadCount ? `Notifications, ${unreadCount} unread` : "Notifications"}
        className="relative grid size-9 place-items-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <Bell className="size-4" aria-hidden />
        {unreadCount > 0 && (
          <span aria-hidden className="absolute top-1 right-1 min-w-4 rounded-full bg-red-600 px-1 text-[10px] leading-4 font-semibold text-white">
            {unreadCount > 99 ? "99+" : unreadCount}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label="Notifications"
          className="z-50 max-h-96 w-[min(92vw,22rem)] overflow-y-auto rounded-lg bg-white p-2 shadow-xl ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
        >
          {items.length === 0 ? (
            <p className="p-3 text-sm text-zinc-600 dark:text-zinc-400">No notifications yet.</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className="rounded px-2 py-2 text-sm">
                  <p className={n.readAt ? "" : "font-semibold"}>{n.title}</p>
                  {n.body && <p className="text-zinc-600 dark:text-zinc-400">{n.body}</p>}
                  <time className="text-xs text-zinc-500" dateTime={new Date(n.createdAt).toISOString()}>
                    {new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(n.createdAt))}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
