"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";
import type { TaskView } from "@/lib/client/types";
import { useUndo } from "@/lib/client/undo";
import { fromWall, toWall } from "@/lib/ui/zoned";
import { fieldClass, FieldLabel } from "./fields";

/** The series' next occurrences, each skippable or movable on its own; skipped and moved ones say so. */
export function OccurrencesPanel({ task, timeZone, onChanged }: { task: TaskView; timeZone: string; onChanged: (task: TaskView) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const occurrences = useQuery(trpc.task.occurrences.queryOptions({ id: task.id, count: 6 }));
  const [moving, setMoving] = useState<Date | null>(null);
  const [target, setTarget] = useState("");
  const format = (date: Date) =>
    new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", ...(task.allDay ? {} : { hour: "2-digit", minute: "2-digit" }) }).format(date);

  const after = (message: string) => ({
    onSuccess: (changed: TaskView & { activityId: number | null }) => {
      setMoving(null);
      onChanged(changed);
      void refetchAfterChange(queryClient, [trpc.task.pathFilter(), trpc.activity.pathFilter()]);
      undo.announce(message, changed.activityId);
    },
    onError: (error: { message: string }) => toast.error(`Could not change the series: ${error.message}`),
  });
  const skip = useMutation(trpc.task.skipOccurrence.mutationOptions());
  const move = useMutation(trpc.task.rescheduleOccurrence.mutationOptions());
  const end = useMutation(trpc.task.endSeries.mutationOptions());
  const busy = skip.isPending || move.isPending || end.isPending;

  if (!occurrences.data) return null;
  return (
    <div>
      <FieldLabel>Next occurrences</FieldLabel>
      <ul aria-label="Next occurrences" className="mt-1 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {occurrences.data.items.map((item) => {
          const when = format(item.date);
          const status = item.status === "skipped" ? "Skipped" : item.status === "moved" ? `Moved to ${format(item.dueAt)}` : item.current ? "This one" : "";
          return (
            <li key={item.date.toISOString()} className="py-1.5">
              <div className="flex items-center gap-2">
                <span className={`min-w-0 flex-1 ${item.status === "skipped" ? "text-zinc-500 line-through" : ""}`}>{when}</span>
                {status && <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">{status}</span>}
                {item.status !== "skipped" && (
                  <>
                    <Button size="sm" variant="ghost" disabled={busy} aria-label={`Skip ${when}`} onClick={() => skip.mutate({ id: task.id, date: item.date }, after(`Skipped ${when}`))}>
                      Skip
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={busy}
                      aria-label={`Move ${when}`}
                      onClick={() => {
                        const wall = toWall(item.dueAt, timeZone);
                        setTarget(`${wall.date}T${wall.time || "09:00"}`);
                        setMoving(item.date);
                      }}
                    >
                      Move
                    </Button>
                  </>
                )}
              </div>
              {moving?.getTime() === item.date.getTime() && (
                <div className="mt-1 flex items-end gap-2">
                  <label className="block flex-1">
                    <FieldLabel>New date and time</FieldLabel>
                    <input type="datetime-local" value={target} onChange={(e) => setTarget(e.target.value)} className={fieldClass} />
                  </label>
                  <Button
                    size="sm"
                    disabled={busy || !target}
                    onClick={() => {
                      const [date = "", time = ""] = target.split("T");
                      const to = fromWall(date, time, timeZone);
                      if (to) move.mutate({ id: task.id, date: item.date, to }, after(`Moved ${when} to ${format(to)}`));
                    }}
                  >
                    Move occurrence
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <Button size="sm" variant="ghost" className="mt-1" disabled={busy} onClick={() => end.mutate({ id: task.id }, after("The series ends with this occurrence"))}>
        End series after this one
      </Button>
    </div>
  );
}
