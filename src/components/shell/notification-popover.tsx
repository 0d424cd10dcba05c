"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Popover } from "radix-ui";
import { snoozeHref } from "@/components/reminders/snooze-dialog";
import { useEffect, useState } from "react";
import { useEditor } from "@/lib/client/editor-context";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";
import { BELL_CLASS, BellFace, bellLabel } from "./bell-face";

/** The notification list; closing it marks what was shown as read. Loaded on the bell's first click. */
export function NotificationPopover({ defaultOpen }: { defaultOpen?: boolean }) {
  const trpc = useTRPC();
  const { timeZone } = useUser();
  const queryClient = useQueryClient();
  const { openEditor } = useEditor();
  const permission = useNotificationPermission();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const list = useQuery({ ...trpc.notification.list.queryOptions({ limit: 20 }), retry: false });
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({ onSettled: () => void refetchAfterChange(queryClient, [trpc.notification.pathFilter()]) }),
  );
  if (!list.data) return <span className="size-9 pointer-coarse:size-11" aria-hidden />;
  const items = list.data.items;
  const unread = items.filter((n) => !n.readAt);
  const unreadCount = list.data.unreadCount;
  return (
    <Popover.Root defaultOpen={defaultOpen} onOpenChange={(open) => !open && unread.length > 0 && markRead.mutate({ ids: unread.map((n) => n.id).slice(0, 100) })}>
      <Popover.Trigger aria-label={bellLabel(unreadCount)} className={BELL_CLASS}>
        <BellFace unreadCount={unreadCount} />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label="Notifications"
          className="z-50 max-h-96 w-[min(92vw,22rem)] overflow-y-auto rounded-lg bg-white p-2 shadow-xl ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
        >
          {permission.state === "default" && (
            <button
              type="button"
              onClick={permission.request}
              className="mb-1 w-full rounded px-2 py-2 text-left text-sm font-medium text-accent-700 hover:bg-zinc-100 dark:text-accent-100 dark:hover:bg-zinc-800"
            >
              Show reminders as desktop notifications
            </button>
          )}
          {items.length === 0 ? (
            <p className="p-3 text-sm text-zinc-600 dark:text-zinc-400">No notifications yet.</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className="rounded px-2 py-2 text-sm">
                  {n.taskId ? (
                    <Popover.Close asChild>
                      <button type="button" onClick={() => n.taskId && openEditor(n.taskId)} className={n.readAt ? "text-left hover:underline" : "text-left font-semibold hover:underline"}>
                        {n.title}
                      </button>
                    </Popover.Close>
                  ) : (
                    <p className={n.readAt ? "" : "font-semibold"}>{n.title}</p>
                  )}
                  {n.body && <p className="text-zinc-600 dark:text-zinc-400">{n.body}</p>}
                  <div className="flex items-center justify-between gap-2">
                    <time className="text-xs text-zinc-500" dateTime={new Date(n.createdAt).toISOString()}>
                      {new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(n.createdAt))}
                    </time>
                    {n.reminderId && (
                      <Popover.Close asChild>
                        <button
                          type="button"
                          aria-label={`Snooze ${n.title}`}
                          onClick={() => n.reminderId && router.push(snoozeHref(pathname, new URLSearchParams(params.toString()), n.reminderId), { scroll: false })}
                          className="rounded px-2 py-1 text-xs font-medium text-accent-700 hover:bg-zinc-100 pointer-coarse:min-h-11 dark:text-accent-100 dark:hover:bg-zinc-800"
                        >
                          Snooze
                        </button>
                      </Popover.Close>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/** The browser's permission for desktop notifications, and a way to ask for it from a click. */
function useNotificationPermission(): { state: NotificationPermission | "unsupported"; request: () => void } {
  const [state, setState] = useState<NotificationPermission | "unsupported">("unsupported");
  useEffect(() => setState(typeof Notification === "undefined" ? "unsupported" : Notification.permission), []);
  const request = () => void Notification.requestPermission().then(setState);
  return { state, request };
}
