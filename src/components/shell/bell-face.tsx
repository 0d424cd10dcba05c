import { Bell } from "lucide-react";

export const BELL_CLASS =
  "relative grid size-9 place-items-center pointer-coarse:size-11 rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

export const bellLabel = (unreadCount: number) => (unreadCount ? `Notifications, ${unreadCount} unread` : "Notifications");

/** The bell icon with its unread badge, shared by the light trigger and the real popover trigger. */
export function BellFace({ unreadCount }: { unreadCount: number }) {
  return (
    <>
      <Bell className="size-4" aria-hidden />
      {unreadCount > 0 && (
        <span aria-hidden className="absolute top-1 right-1 min-w-4 rounded-full bg-red-600 px-1 text-[10px] leading-4 font-semibold text-white">
          {unreadCount > 99 ? "99+" : unreadCount}
        </span>
      )}
    </>
  );
}
