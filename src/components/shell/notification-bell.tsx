"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { Popover } from "radix-ui";
import superjson from "superjson";
import { useUser } from "@/lib/client/user";

/**
 * The bell talks to `notification.list` / `notification.markRead` by path rather than through the typed
 * router, so it appears as soon as the server adds them and stays hidden (no error) until then.
 * Expected: list → { items: { id, title, body?, readAt, createdAt }[] }, markRead ← { ids: string[] }.
 */
interface NotificationItem {
  id: string;
  title: string;
  body?: string | null;
  readAt?: Date | null;
  createdAt: Date;
}

async function callTrpc<T>(path: string, input: unknown, method: "GET" | "POST"): Promise<T | null> {
  const body = superjson.serialize(input);
  const res =
    method === "GET"
      ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(body))}`)
      : await fetch(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status === 404) return null; // the procedure does not exist (yet)
  if (!res.ok) throw new Error(`notifications: HTTP ${res.status}`);
  const json = (await res.json()) as { result?: { data?: { json: unknown; meta?: unknown } } };
  const data = json.result?.data;
  return data ? superjson.deserialize<T>(data as Parameters<typeof superjson.deserialize>[0]) : null;
}

const KEY = [["notification", "list"]];

export function NotificationBell() {
  const { timeZone } = useUser();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => callTrpc<{ items?: NotificationItem[] } | NotificationItem[]>("notification.list", {}, "GET"),
    retry: false,
    staleTime: 30_000,
  });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => callTrpc("notification.markRead", { ids }, "POST"),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const raw = list.data;
  if (!raw) return null;
  const items = Array.isArray(raw) ? raw : (raw.items ?? []);
  const unread = items.filter((n) => !n.readAt);
  return (
    <Popover.Root onOpenChange={(open) => !open && unread.length > 0 && markRead.mutate(unread.map((n) => n.id))}>
      <Popover.Trigger
        aria-label={unread.length ? `Notifications, ${unread.length} unread` : "Notifications"}
        className="relative grid size-9 place-items-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <Bell className="size-4" aria-hidden />
        {unread.length > 0 && (
          <span aria-hidden className="absolute top-1 right-1 min-w-4 rounded-full bg-red-600 px-1 text-[10px] leading-4 font-semibold text-white">
            {unread.length > 99 ? "99+" : unread.length}
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
