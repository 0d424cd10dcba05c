"use client";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

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
  // Shown as soon as it is mounted; the parent unmounts it once cancelled or confirmed.
  const [open, setOpen] = useState(true);
  return (
    <ConfirmDialog
      open={open}
      title={`Delete ${noun} “${target.name}”?`}
      confirmLabel={`Delete ${noun}`}
      onCancel={() => {
        setOpen(false);
        onCancel();
      }}
      onConfirm={() => onConfirm(target.id)}
    >
      {target.taskCount === 0
        ? `No open tasks use this ${noun}.`
        : `${target.taskCount} open ${target.taskCount === 1 ? "task uses" : "tasks use"} this ${noun}.`}{" "}
      The tasks stay; they just lose the {noun}. This cannot be undone.
    </ConfirmDialog>
  );
}
