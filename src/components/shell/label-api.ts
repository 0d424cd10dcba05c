"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/client/toast";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { useTRPC } from "@/lib/client/trpc";

export type LabelKind = "category" | "tag";

/** Categories and tags share one shape, so the sidebar drives both through this one hook. */
export function useLabels(kind: LabelKind) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const api = kind === "category" ? trpc.category : trpc.tag;
  const list = useQuery(kind === "category" ? trpc.category.list.queryOptions() : trpc.tag.list.queryOptions());
  const refresh = () => {
    void refetchAfterChange(queryClient, [api.pathFilter(), trpc.task.pathFilter()]);
  };
  const onError = (error: { message: string }) => toast.error(error.message);
  const create = useMutation({
    ...(kind === "category" ? trpc.category.create.mutationOptions() : trpc.tag.create.mutationOptions()),
    onSuccess: refresh,
    onError,
  });
  const update = useMutation({
    ...(kind === "category" ? trpc.category.update.mutationOptions() : trpc.tag.update.mutationOptions()),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    ...(kind === "category" ? trpc.category.delete.mutationOptions() : trpc.tag.delete.mutationOptions()),
    onSuccess: refresh,
    onError,
  });
  return { list, create, update, remove };
}
