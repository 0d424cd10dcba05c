"use client";
import { X } from "lucide-react";
import { Dialog } from "radix-ui";
import { Suspense, type ReactNode, type RefObject } from "react";
import { Sidebar } from "./sidebar";

/** The navigation drawer on phones (Radix Dialog), loaded on the first tap on the menu button. */
export function MobileNav({
  open,
  onOpenChange,
  brand,
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  brand: ReactNode;
  /** The menu button: Radix only restores focus to its own Trigger, which this drawer does not use. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40 md:hidden" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-[min(85vw,18rem)] flex-col bg-zinc-50 shadow-xl md:hidden dark:bg-zinc-900">
          <div className="flex h-14 items-center justify-between border-b border-zinc-200 px-3 dark:border-zinc-800">
            <Dialog.Title asChild>
              <div>{brand}</div>
            </Dialog.Title>
            <Dialog.Close aria-label="Close navigation" className="grid size-9 place-items-center pointer-coarse:size-11 rounded-md hover:bg-zinc-200 dark:hover:bg-zinc-800">
              <X className="size-5" aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Views, categories and tags</Dialog.Description>
          <div className="flex-1 overflow-y-auto">
            <Suspense>
              <Sidebar onNavigate={() => onOpenChange(false)} />
            </Suspense>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
