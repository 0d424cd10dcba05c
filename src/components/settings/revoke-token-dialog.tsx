"use client";
import { AlertDialog } from "radix-ui";
import { Button } from "@/components/ui/button";

/** Revoking cannot be undone: tools using the token stop working at once. */
export function RevokeTokenDialog({
  token,
  onCancel,
  onConfirm,
}: {
  token: { id: string; name: string } | null;
  onCancel: () => void;
  onConfirm: (id: string) => void;
}) {
  return (
    <AlertDialog.Root open={token !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,26rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
          <AlertDialog.Title className="text-base font-semibold">Revoke “{token?.name}”?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Anything using this token stops working immediately. This cannot be undone.
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button>Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="danger" onClick={() => token && onConfirm(token.id)}>
                Revoke token
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
