"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { refetchAfterChange } from "./fresh-sync";
import { errorCode } from "./query-client";
import { toast } from "./toast";
import { useTRPC, useTRPCClient } from "./trpc";

/** Activity entries of changes made in this tab, newest last: what Ctrl/⌘+Z takes back, one per press. */
const madeHere: number[] = [];

/**
 * Undo through the activity log: every change this tab makes is remembered by its entry id, the change's toast
 * offers Undo of exactly that entry, and a revert that would overwrite a later edit says so and offers the rest.
 */
export function useUndo() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  const refresh = useCallback(
    () =>
      void refetchAfterChange(queryClient, [trpc.task.pathFilter(), trpc.category.pathFilter(), trpc.tag.pathFilter(), trpc.activity.pathFilter()]),
    [queryClient, trpc],
  );

  const revert = useCallback(
    async (id: number, applyRest = false): Promise<boolean> => {
      try {
        await client.activity.revert.mutate({ id, applyRest });
        const at = madeHere.indexOf(id);
        if (at >= 0) madeHere.splice(at, 1);
        toast.success(applyRest ? "Undone, except what changed since" : "Undone");
        return true;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (errorCode(error) === "CONFLICT" && !/already reverted|nothing left/.test(message)) {
          toast.error(message.replace(/ Revert with applyRest.*$/, ""), {
            duration: 15_000,
            action: { label: "Apply the rest", onClick: () => void revert(id, true) },
          });
        } else {
          toast.error(`Could not undo: ${message}`);
        }
        return false;
      } finally {
        refresh();
      }
    },
    [client, refresh],
  );

  /**
   * Remembers a change this tab made by the activity entry id its mutation returned, so the toast and Ctrl/⌘+Z
   * take back exactly that change (null: it changed nothing, so there is nothing to undo).
   */
  const remember = useCallback((id: number | null | undefined): number | undefined => {
    if (id === null || id === undefined) return undefined;
    if (!madeHere.includes(id)) madeHere.push(id);
    return id;
  }, []);

  /** A success toast for a change, with an Undo that reverts exactly that change (its entry id from the server). */
  const announce = useCallback(
    (message: string, activityId: number | null | undefined) => {
      const id = remember(activityId);
      toast.success(message, id === undefined ? undefined : { action: { label: "Undo", onClick: () => void revert(id) } });
    },
    [remember, revert],
  );

  const undoLast = useCallback(async () => {
    const id = madeHere.pop();
    if (id === undefined) return void toast("Nothing to undo");
    if (!(await revert(id))) madeHere.push(id);
  }, [revert]);

  return useMemo(() => ({ revert, remember, announce, undoLast }), [revert, remember, announce, undoLast]);
}
