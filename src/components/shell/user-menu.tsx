"use client";
import { Suspense } from "react";
import { lazyPopup, useLazyPopup } from "@/components/ui/lazy-popup";

export const AVATAR_CLASS =
  "grid size-9 place-items-center pointer-coarse:size-11 rounded-full bg-accent-600 text-sm font-semibold text-white hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500";

const popup = lazyPopup(() => import("./user-menu-popup").then((m) => m.UserMenuPopup));

/** The avatar button; its menu (Radix) loads on the first click. */
export function UserMenu({ name, email }: { name: string; email: string }) {
  const lazy = useLazyPopup(popup.preload);
  const plain = (
    <button type="button" aria-label={`Account: ${name || email}`} aria-haspopup="menu" className={AVATAR_CLASS} {...lazy.triggerProps}>
      {(name || email).slice(0, 1).toUpperCase()}
    </button>
  );
  if (!lazy.mounted) return plain;
  return (
    <Suspense fallback={plain}>
      <popup.Component name={name} email={email} defaultOpen />
    </Suspense>
  );
}
