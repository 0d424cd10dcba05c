"use client";
import { X } from "lucide-react";
import { Dialog } from "radix-ui";

const SHORTCUTS: [string, string][] = [
  ["q", "Quick add a task"],
  ["/", "Search"],
  ["j / k", "Next / previous task"],
  ["x", "Complete or reopen the task"],
  ["e", "Edit the task"],
  ["Delete", "Delete the task"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close a dialog or clear a field"],
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,24rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold">Keyboard shortcuts</Dialog.Title>
            <Dialog.Close aria-label="Close" className="grid size-8 pointer-coarse:size-11 place-items-center rounded hover:bg-zinc-100 dark:hover:bg-zinc-800">
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Keys that work on the task list</Dialog.Description>
          <dl className="mt-3 space-y-2 text-sm">
            {SHORTCUTS.map(([key, text]) => (
              <div key={key} className="flex items-center justify-between gap-4">
                <dt>
                  <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">{key}</kbd>
                </dt>
                <dd className="text-zinc-700 dark:text-zinc-300">{text}</dd>
              </div>
            ))}
          </dl>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
