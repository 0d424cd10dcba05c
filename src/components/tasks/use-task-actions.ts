"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { toast } from "@/lib/client/toast";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { patchTaskLists, restoreLists } from "@/lib/client/task-cache";
import { useTRPC } from "@/lib/client/trpc";
import { useUndo } from "@/lib/client/undo";
import type { TaskItem } from "@/lib/client/types";

const shortTitle = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);
type Snapshot = Array<[readonly unknown[], unknown]>;
type TaskRef = Pick<TaskItem, "id" | "title">;

/**
 * Complete, reopen, delete and restore with optimistic updates: the row changes at once, rolls back
 * with an error toast if the server refuses, and offers Undo when it succeeds.
 */
export function useTaskActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const listKey = trpc.task.list.pathKey();
  const refresh = () => {
    void refetchAfterChange(queryClient, [
      trpc.task.pathFilter(),
      trpc.category.list.queryFilter(),
      trpc.tag.list.queryFilter(),
      trpc.activity.pathFilter(),
    ]);
  };
  /** Hook-level handlers: TanStack only runs onMutate there, not in per-call options. */
  const optimistic = (change: (id: string) => (items: TaskItem[]) => TaskItem[]) => ({
    onMutate: ({ id }: { id: string }) => patchTaskLists(queryClient, listKey, change(id)),
    onError: (error: { message: string }, _input: unknown, snapshot: Snapshot | undefined) => {
      if (snapshot) restoreLists(queryClient, snapshot);
      toast.error(`Could not save: ${error.message}`);
    },
    onSettled: refresh,
  });
  const setDone = (completed: boolean) => (id: string) => (items: TaskItem[]) =>
    items.map((t) => (t.id === id ? { ...t, completed, completedAt: completed ? new Date() : null } : t));
  const without = (id: string) => (items: TaskItem[]) => items.filter((t) => t.id !== id);

  const completeMutation = useMutation(trpc.task.complete.mutationOptions(optimistic(setDone(true))));
  const uncompleteMutation = useMutation(trpc.task.uncomplete.mutationOptions(optimistic(setDone(false))));
  const deleteMutation = useMutation(trpc.task.delete.mutationOptions(optimistic(without)));
  const restoreMutation = useMutation(trpc.task.restore.mutationOptions({ onSettled: refresh }));

  function reopen(task: TaskRef) {
    uncompleteMutation.mutate({ id: task.id }, { onSuccess: (done) => void undo.remember(done.activityId) });
  }

  // The toasts' Undo reverts the change's own activity entry (as Ctrl/⌘+Z and the activity log do).
  function complete(task: TaskRef) {
    completeMutation.mutate({ id: task.id }, { onSuccess: (done) => undo.announce(`Completed “${shortTitle(task.title)}”`, done.activityId) });
  }

  function remove(task: TaskRef) {
    deleteMutation.mutate({ id: task.id }, { onSuccess: (done) => undo.announce(`Deleted “${shortTitle(task.title)}”`, done.activityId) });
  }

  // Stable identities (mutate functions are stable): memoised rows then skip re-rendering on every list change.
  const completeMutate = completeMutation.mutate;
  const uncompleteMutate = uncompleteMutation.mutate;
  const deleteMutate = deleteMutation.mutate;
  const restoreMutate = restoreMutation.mutate;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ({ complete, reopen, remove }), [completeMutate, uncompleteMutate, deleteMutate, restoreMutate, undo]);
}
