"use client";
import { useQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { lazyPopup, useLazyPopup } from "@/components/ui/lazy-popup";
import { useTRPC } from "@/lib/client/trpc";
import { BELL_CLASS, BellFace, bellLabel } from "./bell-face";

const popover = lazyPopup(() => import("./notification-popover").then((m) => m.NotificationPopover));

/** Reminder notifications with a live unread count; the list itself loads on the first click. */
export function NotificationBell() {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.notification.list.queryOptions({ limit: 20 }), retry: false });
  const lazy = useLazyPopup(popover.preload);
  if (!list.data) return <span className="size-9 pointer-coarse:size-11" aria-hidden />;
  const plain = (
    <button type="button" aria-label={bellLabel(list.data.unreadCount)} aria-haspopup="dialog" className={BELL_CLASS} {...lazy.triggerProps}>
      <BellFace unreadCount={list.data.unreadCount} />
    </button>
  );
  if (!lazy.mounted) return plain;
  return (
    <Suspense fallback={plain}>
      <popover.Component defaultOpen />
    </Suspense>
  );
}
