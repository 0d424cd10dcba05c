"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/labelled-input";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { errorCode } from "@/lib/client/query-client";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";
import { fromWall, toWall } from "@/lib/ui/zoned";

export interface RevertableToken {
  id: string;
  name: string;
  createdAt: Date;
}

/**
 * "Revert everything this token did since …" (apiToken.changesSince / revertChanges): pick a time in the person's
 * zone (the token's creation by default, i.e. everything), see how many changes that is, revert them in one step.
 * A field edited since by someone else is reported, and "Revert the rest" keeps it.
 */
export function RevertTokenDialog({ token, onClose }: { token: RevertableToken | null; onClose: () => void }) {
  return (
    <Dialog.Root open={token !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
          {token && <RevertForm key={token.id} token={token} onClose={onClose} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RevertForm({ token, onClose }: { token: RevertableToken; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useUser();
  const start = toWall(token.createdAt, timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [conflict, setConflict] = useState<string | null>(null);
  const since = fromWall(date, time, timeZone);
  const pending = useQuery({ ...trpc.apiToken.changesSince.queryOptions({ id: token.id, since: since ?? new Date(0) }), enabled: since !== null });
  const count = pending.data?.entries ?? 0;
  const revert = useMutation(
    trpc.apiToken.revertChanges.mutationOptions({
      onSuccess: (result) => {
        const kept = result.skipped.length ? `; kept ${result.skipped.length} field${result.skipped.length === 1 ? "" : "s"} changed since` : "";
        toast.success(`Reverted ${result.reverted.length} change${result.reverted.length === 1 ? "" : "s"} by “${token.name}”${kept}`);
        onClose();
      },
      onError: (error) => {
        if (errorCode(error) === "CONFLICT") setConflict(error.message);
        else toast.error(`Could not revert: ${error.message}`);
      },
      onSettled: () => void refetchAfterChange(queryClient, [trpc.task.pathFilter(), trpc.activity.pathFilter(), trpc.apiToken.pathFilter(), trpc.category.pathFilter(), trpc.tag.pathFilter()]),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    if (since && count > 0) revert.mutate({ id: token.id, since });
  }
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <form onSubmit={submit} className="space-y-4">
      <Dialog.Title className="text-base font-semibold">Revert changes by “{token.name}”</Dialog.Title>
      <Dialog.Description className="text-sm text-zinc-600 dark:text-zinc-400">
        Undo everything this token changed since a time, in one step. The revert appears in the activity log and can itself be undone.
      </Dialog.Description>
      <div className="flex flex-wrap items-end gap-2">
        <LabelledInput id="revert-since-date" label="Since date" type="date" value={date} onChange={(v) => (setDate(v), setConflict(null))} />
        <LabelledInput id="revert-since-time" label={`Time (${timeZone})`} type="time" value={time} onChange={(v) => (setTime(v), setConflict(null))} />
      </div>
      <p role="status" className="text-sm">
        {since === null
          ? "Pick a date."
          : pending.isPending
            ? "Counting changes…"
            : pending.isError
              ? `Could not count the changes: ${pending.error.message}`
              : count === 0
                ? "This token changed nothing since then (or it was all reverted already)."
                : `${count} change${count === 1 ? "" : "s"} since ${fmt.format(pending.data!.firstAt ?? since)}.`}
      </p>
      {conflict && (
        <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <p>{conflict}</p>
          <Button variant="danger" size="sm" disabled={revert.isPending} onClick={() => since && revert.mutate({ id: token.id, since, applyRest: true })}>
            Revert the rest
          </Button>
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Dialog.Close asChild>
          <Button>Cancel</Button>
        </Dialog.Close>
        <Button type="submit" variant="danger" disabled={!since || count === 0 || revert.isPending || conflict !== null}>
          {count > 0 ? `Revert ${count} change${count === 1 ? "" : "s"}` : "Revert changes"}
        </Button>
      </div>
    </form>
  );
}
