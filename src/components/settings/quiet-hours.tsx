"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { SettingsSection } from "@/components/settings/settings-section";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/labelled-input";
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
    <SettingsSection
      title="Quiet hours"
      description={<>Reminders due during quiet hours arrive when they end, marked as held. Times are in {timeZone}.</>}
    >
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <label className="flex items-center gap-2 text-sm font-medium">
          {/* Disabled until the stored setting is loaded, so its arrival cannot undo a choice made before it. */}
          <input type="checkbox" checked={enabled} disabled={current.isPending} onChange={(e) => setEnabled(e.target.checked)} className="size-4" />
          Hold reminders during quiet hours
        </label>
        <LabelledInput id="quiet-start" label="From" type="time" value={start} onChange={setStart} disabled={!enabled || current.isPending} />
        <LabelledInput id="quiet-end" label="Until" type="time" value={end} onChange={setEnd} disabled={!enabled || current.isPending} />
        <Button type="submit" disabled={save.isPending || current.isPending}>
          Save quiet hours
        </Button>
      </form>
    </SettingsSection>
  );
}

