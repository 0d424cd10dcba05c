"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Button, inputClass } from "@/components/ui/button";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";

/** Quiet hours: reminders due inside them wait until they end (in the user's time zone). */
export function QuietHours() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useUser();
  const current = useQuery(trpc.reminder.quietHours.queryOptions());
  const [enabled, setEnabled] = useState(false);
  const [start, setStart] = useState("22:00");
  const [end, setEnd] = useState("07:00");
  useEffect(() => {
    const q = current.data?.quietHours;
    setEnabled(Boolean(q));
    if (q) {
      setStart(q.start);
      setEnd(q.end);
    }
  }, [current.data]);
  const save = useMutation(
    trpc.reminder.setQuietHours.mutationOptions({
      onSuccess: (saved) => toast.success(saved.quietHours ? `Quiet hours ${saved.quietHours.start}–${saved.quietHours.end} saved` : "Quiet hours off"),
      onError: (error) => toast.error(`Could not save quiet hours: ${error.message}`),
      onSettled: () => void refetchAfterChange(queryClient, [trpc.reminder.quietHours.pathFilter()]),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ quietHours: enabled ? { start, end } : null });
  }
  return (
    <section aria-labelledby="quiet-heading" className="space-y-3">
      <div>
        <h2 id="quiet-heading" className="text-base font-semibold">
          Quiet hours
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Reminders due during quiet hours arrive when they end, marked as held. Times are in {timeZone}.
        </p>
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <label className="flex items-center gap-2 text-sm font-medium">
          {/* Disabled until the stored setting is loaded, so its arrival cannot undo a choice made before it. */}
          <input type="checkbox" checked={enabled} disabled={current.isPending} onChange={(e) => setEnabled(e.target.checked)} className="size-4" />
          Hold reminders during quiet hours
        </label>
        <div>
          <label htmlFor="quiet-start" className="mb-1 block text-sm font-medium">
            From
          </label>
          <input id="quiet-start" type="time" required value={start} disabled={!enabled || current.isPending} onChange={(e) => setStart(e.target.value)} className={inputClass} />
        </div>
        <div>
          <label htmlFor="quiet-end" className="mb-1 block text-sm font-medium">
            Until
          </label>
          <input id="quiet-end" type="time" required value={end} disabled={!enabled || current.isPending} onChange={(e) => setEnd(e.target.value)} className={inputClass} />
        </div>
        <Button type="submit" disabled={save.isPending || current.isPending}>
          Save quiet hours
        </Button>
      </form>
    </section>
  );
}
