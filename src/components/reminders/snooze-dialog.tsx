"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/labelled-input";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";
import { fromWall } from "@/lib/ui/zoned";

/** `?snooze=<reminderId>` opens the snooze choices (from a notification's "Snooze…" or the notification list). */
export const SNOOZE_PARAM = "snooze";

export function snoozeHref(pathname: string, params: URLSearchParams, reminderId: string | null): string {
  const next = new URLSearchParams(params);
  if (reminderId) next.set(SNOOZE_PARAM, reminderId);
  else next.delete(SNOOZE_PARAM);
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function SnoozeHost() {
  const params = useSearchParams();
  const reminderId = params.get(SNOOZE_PARAM);
  if (!reminderId || !UUID.test(reminderId)) return null;
  return <SnoozeDialog key={reminderId} reminderId={reminderId} />;
}

function SnoozeDialog({ reminderId }: { reminderId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { timeZone } = useUser();
  const [date, setDate] = useState("");
  const [time, setTime] = useState("09:00");
  const close = () => router.replace(snoozeHref(pathname, new URLSearchParams(params.toString()), null), { scroll: false });
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const snooze = useMutation(
    trpc.reminder.snooze.mutationOptions({
      onSuccess: (result) => {
        toast.success(`Snoozed “${result.taskTitle}” until ${fmt.format(result.remindAt)}`);
        close();
      },
      onError: (error) => toast.error(`Could not snooze: ${error.message}`),
      onSettled: () => void refetchAfterChange(queryClient, [trpc.notification.pathFilter(), trpc.task.pathFilter(), trpc.reminder.pathFilter()]),
    }),
  );
  function custom(event: FormEvent) {
    event.preventDefault();
    const at = fromWall(date, time, timeZone);
    if (!at) return toast.error("Pick a date");
    snooze.mutate({ reminderId, snooze: { at } });
  }
  return (
    <Dialog.Root defaultOpen onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,24rem)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl dark:bg-zinc-900">
          <Dialog.Title className="text-base font-semibold">Snooze reminder</Dialog.Title>
          <Dialog.Description className="text-sm text-zinc-600 dark:text-zinc-400">Remind me again…</Dialog.Description>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            <Button onClick={() => snooze.mutate({ reminderId, snooze: "5m" })} disabled={snooze.isPending}>
              In 5 minutes
            </Button>
            <Button onClick={() => snooze.mutate({ reminderId, snooze: "1h" })} disabled={snooze.isPending}>
              In 1 hour
            </Button>
            <Button onClick={() => snooze.mutate({ reminderId, snooze: "tomorrow" })} disabled={snooze.isPending}>
              Tomorrow morning
            </Button>
          </div>
          <form onSubmit={custom} className="flex flex-wrap items-end gap-2">
            <LabelledInput id="snooze-date" label="Date" type="date" value={date} onChange={setDate} />
            <LabelledInput id="snooze-time" label="Time" type="time" value={time} onChange={setTime} />
            <Button type="submit" variant="primary" disabled={snooze.isPending}>
              Snooze until then
            </Button>
          </form>
          <Dialog.Close asChild>
            <Button variant="ghost" className="w-full">
              Cancel
            </Button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
