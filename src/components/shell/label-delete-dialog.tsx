"use client";
import { AlertDialog } from "radix-ui";
import { Button } from "@/components/ui/button";

/** Confirms deleting a category or tag, saying how many open tasks lose it. */
export function LabelDeleteDialog({
  noun,
  target,
  onCancel,
  onConfirm,
}: {
  noun: string;
  target: { id: string; name: string; taskCount: number };
  onCancel: () => void;
  onConfirm: (id: string) => void;
}) {
  return (
    <AlertDialog.Root defaultOpen onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,26rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
          <AlertDialog.Title className="text-base font-semibold">
            Delete {noun} “{target.name}”?
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            {target.taskCount === 0
              ? `No open tasks use this ${noun}.`
              : `${target.taskCount} open ${target.taskCount === 1 ? "task uses" : "tasks use"} this ${noun}.`}{" "}
            The tasks stay; they just lose the {noun}. This cannot be undone.
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button>Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="danger" onClick={() => onConfirm(target.id)}>
                Delete {noun}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
