"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { SettingsSection } from "@/components/settings/settings-section";
import { Button, inputClass } from "@/components/ui/button";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";

/** The private calendar link (open tasks with due dates) for calendar apps, with copy, regenerate and turn off. */
export function CalendarFeed() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feed = useQuery(trpc.calendar.feed.queryOptions());
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const refresh = () => void refetchAfterChange(queryClient, [trpc.calendar.pathFilter()]);
  const regenerate = useMutation(
    trpc.calendar.regenerate.mutationOptions({
      onSuccess: () => toast.success(feed.data?.path ? "New link created; the old one no longer works" : "Calendar link created"),
      onError: (error) => toast.error(`Could not create the link: ${error.message}`),
      onSettled: refresh,
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revoke.mutationOptions({
      onSuccess: () => toast.success("Calendar link turned off"),
      onError: (error) => toast.error(`Could not turn the link off: ${error.message}`),
      onSettled: refresh,
    }),
  );
  const url = feed.data?.path ? `${origin}${feed.data.path}` : null;
  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      toast.success("Link copied");
    } catch {
      toast.error("Could not copy; select the link and copy it by hand");
    }
  }
  return (
    <SettingsSection
      title="Calendar feed"
      description={<>Subscribe to this private link in Google Calendar, Apple Calendar or Outlook to see open tasks with due dates. Anyone with the link can read them.</>}
    >
      {feed.isPending ? null : url ? (
        <div className="space-y-2">
          <label htmlFor="calendar-url" className="block text-sm font-medium">
            Calendar feed URL
          </label>
          <div className="flex flex-wrap gap-2">
            <input id="calendar-url" readOnly value={url} onFocus={(e) => e.target.select()} className={`${inputClass} min-w-0 flex-1 font-mono text-xs`} />
            <Button onClick={() => void copy()}>Copy link</Button>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="ghost" onClick={() => regenerate.mutate()} disabled={regenerate.isPending}>
              Regenerate link
            </Button>
            <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
              Turn off link
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="primary" onClick={() => regenerate.mutate()} disabled={regenerate.isPending}>
          Create calendar link
        </Button>
      )}
    </SettingsSection>
  );
}
