"use client";
import { MoreHorizontal } from "lucide-react";
import { Suspense } from "react";
import { lazyPopup, useLazyPopup } from "@/components/ui/lazy-popup";

export const ACTIONS_CLASS =
  "absolute top-1 right-1 grid size-7 pointer-coarse:top-0 pointer-coarse:right-0 pointer-coarse:size-11 place-items-center rounded text-zinc-500 opacity-100 hover:bg-zinc-200 focus-visible:opacity-100 data-[state=open]:opacity-100 md:opacity-0 md:group-hover:opacity-100 dark:hover:bg-zinc-700";

export const actionsLabel = (noun: string, name: string) => `Actions for ${noun} ${name}`;

export interface LabelActionsProps {
  noun: string;
  item: { id: string; name: string; color: string | null };
  onRename: () => void;
  onRecolour: (color: string) => void;
  onDelete: () => void;
}

const menu = lazyPopup(() => import("./label-actions-menu").then((m) => m.LabelActionsMenu));

/** The "…" button of a sidebar category or tag; its menu loads on the first click. */
export function LabelActions(props: LabelActionsProps) {
  const lazy = useLazyPopup(menu.preload);
  const plain = (
    <button type="button" aria-label={actionsLabel(props.noun, props.item.name)} aria-haspopup="menu" className={ACTIONS_CLASS} {...lazy.triggerProps}>
      <MoreHorizontal className="size-4" aria-hidden />
    </button>
  );
  if (!lazy.mounted) return plain;
  return (
    <Suspense fallback={plain}>
      <menu.Component {...props} defaultOpen />
    </Suspense>
  );
}
