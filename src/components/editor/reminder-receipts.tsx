"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/client/trpc";

const KIND_TEXT = {
  scheduled: "Reminder scheduled",
  held: "Reminder held by quiet hours",
  sent: "Reminder sent",
  shown: "Reminder shown",
  clicked: "Reminder opened",
  snoozed: "Reminder snoozed",
} as const;

/** What happened to this task's reminders on the way to the person (scheduled, held, sent, shown, clicked, snoozed). */
export function ReminderReceipts({ taskId, timeZone }: { taskId: string; timeZone: string }) {
  const trpc = useTRPC();
  const receipts = useQuery(trpc.reminder.receipts.queryOptions({ taskId }));
  if (!receipts.data || receipts.data.length === 0) return null;
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="mt-3">
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Reminder deliveries</h3>
      <ol aria-label="Reminder deliveries" className="space-y-2 border-l border-zinc-200 pl-3 text-sm dark:border-zinc-800">
        {receipts.data.map((r) => (
          <li key={r.id}>
            <p>
              {KIND_TEXT[r.kind]}
              {r.kind === "scheduled" || r.kind === "snoozed" || r.kind === "held" ? ` for ${fmt.format(r.remindAt)}` : ""}
              {r.deviceName ? ` · ${r.deviceName}` : r.detail ? ` · ${r.detail}` : ""}
            </p>
            <time dateTime={r.createdAt.toISOString()} className="text-xs text-zinc-500 dark:text-zinc-400">
              {fmt.format(r.createdAt)}
            </time>
          </li>
        ))}
      </ol>
    </div>
  );
}
