"use client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

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
    <ConfirmDialog
      open={token !== null}
      title={`Revoke “${token?.name ?? ""}”?`}
      confirmLabel="Revoke token"
      onCancel={onCancel}
      onConfirm={() => token && onConfirm(token.id)}
    >
      Anything using this token stops working immediately. This cannot be undone.
    </ConfirmDialog>
  );
}
