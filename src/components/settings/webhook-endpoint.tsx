"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { WebhookEndpointView } from "@/server/domain/webhooks/endpoints";
import { Button } from "@/components/ui/button";
import { LabelledCell } from "@/components/ui/labelled-cell";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";
import { eventTypeLabel } from "./webhook-labels";

/** One endpoint: its state, actions, and (on demand) its delivery log. */
export function WebhookEndpointCard({ endpoint, onSecret, onChanged }: { endpoint: WebhookEndpointView; onSecret: (secret: string) => void; onChanged: () => void }) {
  const trpc = useTRPC();
  const [showLog, setShowLog] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const label = endpoint.description || endpoint.url;
  const fail = (what: string) => (error: { message: string }) => toast.error(`Could not ${what}: ${error.message}`);
  const sendTest = useMutation(
    trpc.webhook.sendTest.mutationOptions({
      onSuccess: () => {
        toast.success("Test event queued");
        setShowLog(true);
      },
      onError: fail("send the test event"),
      onSettled: onChanged,
    }),
  );
  const rotate = useMutation(trpc.webhook.rotateSecret.mutationOptions({ onSuccess: ({ secret }) => onSecret(secret), onError: fail("rotate the secret"), onSettled: onChanged }));
  const update = useMutation(trpc.webhook.update.mutationOptions({ onError: fail("change the endpoint"), onSettled: onChanged }));
  const remove = useMutation(trpc.webhook.delete.mutationOptions({ onSuccess: () => toast.success("Endpoint deleted"), onError: fail("delete the endpoint"), onSettled: onChanged }));

  return (
    <li aria-label={`Endpoint ${label}`} className="space-y-2 rounded-lg p-3 ring-1 ring-zinc-200 dark:ring-zinc-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="min-w-0">
          {endpoint.description && <p className="text-sm font-medium">{endpoint.description}</p>}
          <p className="font-mono text-xs break-all">{endpoint.url}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {endpoint.eventTypes.map(eventTypeLabel).join(", ")} · secret {endpoint.secretHint}
            {endpoint.rotatingUntil ? " · previous secret still signing" : ""}
          </p>
        </div>
        {endpoint.enabled ? (
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200">
            {endpoint.failingSince ? "Active, failing" : "Active"}
          </span>
        ) : (
          <span className="rounded-full bg-zinc-200 px-2 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200" title={endpoint.disabledReason ?? undefined}>
            Disabled
          </span>
        )}
      </div>
      {!endpoint.enabled && endpoint.disabledReason && <p className="text-xs text-amber-800 dark:text-amber-300">{endpoint.disabledReason}</p>}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => sendTest.mutate({ id: endpoint.id })} disabled={sendTest.isPending}>
          Send test event
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
          {showLog ? "Hide delivery log" : "Delivery log"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => rotate.mutate({ id: endpoint.id })} disabled={rotate.isPending}>
          Rotate secret
        </Button>
        <Button size="sm" variant="ghost" onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })} disabled={update.isPending}>
          {endpoint.enabled ? "Disable" : "Enable"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(true)}>
          Delete
        </Button>
      </div>
      {showLog && <DeliveryLog endpointId={endpoint.id} label={label} />}
      <ConfirmDialog
        open={confirmDelete}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        descriptionClassName="break-all"
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate({ id: endpoint.id })}
      >
        {endpoint.url} stops receiving events and its delivery log is deleted.
      </ConfirmDialog>
    </li>
  );
}

const STATUS_TEXT = { pending: "Pending", delivered: "Delivered", failed: "Failed" } as const;

/** The endpoint's deliveries, newest first; refreshed every few seconds while open (retries happen in the background). */
function DeliveryLog({ endpointId, label }: { endpointId: string; label: string }) {
  const trpc = useTRPC();
  const { timeZone } = useUser();
  const log = useQuery({ ...trpc.webhook.deliveries.queryOptions({ endpointId }), refetchInterval: 2_000 });
  const resend = useMutation(
    trpc.webhook.resend.mutationOptions({
      onSuccess: () => toast.success("Queued again"),
      onError: (error) => toast.error(`Could not resend: ${error.message}`),
      onSettled: () => void log.refetch(),
    }),
  );
  const time = (date: Date | null) => (date ? new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "short", timeStyle: "medium" }).format(date) : "—");
  if (log.isError) return <p role="alert" className="text-sm text-red-700 dark:text-red-300">Could not load the delivery log: {log.error.message}</p>;
  const items = log.data?.items ?? [];
  if (items.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{log.isPending ? "Loading…" : "No deliveries yet."}</p>;
  return (
    // Below `sm` each delivery is a card (cells stacked, each naming itself), so a phone never scrolls sideways.
    <div>
      <table className="block w-full text-left text-xs sm:table" aria-label={`Delivery log of ${label}`}>
        <thead className="sr-only text-zinc-500 sm:not-sr-only sm:table-header-group dark:text-zinc-400">
          <tr>
            <th className="py-1 pr-2 font-medium">Event</th>
            <th className="py-1 pr-2 font-medium">Status</th>
            <th className="py-1 pr-2 font-medium">Attempts</th>
            <th className="py-1 pr-2 font-medium">Response</th>
            <th className="py-1 pr-2 font-medium">Latency</th>
            <th className="py-1 pr-2 font-medium">Last attempt</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="block sm:table-row-group">
          {items.map((d) => (
            <tr key={d.id} className="grid grid-cols-[1fr_auto] gap-x-2 border-t border-zinc-200 py-1 align-top sm:table-row sm:py-0 dark:border-zinc-800">
              <td className="col-start-1 py-0.5 pr-2 font-medium sm:py-1 sm:font-normal">{eventTypeLabel(d.eventType)}</td>
              <td className="col-start-1 py-0.5 pr-2 sm:py-1">
                {STATUS_TEXT[d.status]}
                {d.status === "pending" && d.nextAttemptAt ? <span className="block text-zinc-500">next {time(d.nextAttemptAt)}</span> : null}
              </td>
              <LabelledCell label="Attempts" className="py-0.5 pr-2 sm:py-1">
                {d.attempts}
              </LabelledCell>
              <td className="col-start-1 min-w-0 py-0.5 pr-2 sm:max-w-48 sm:py-1">
                {d.responseStatus !== null ? `HTTP ${d.responseStatus}` : (d.error ?? "—")}
                {d.responseSnippet ? <span className="block truncate font-mono text-zinc-500" title={d.responseSnippet}>{d.responseSnippet}</span> : null}
              </td>
              <LabelledCell label="Latency" className="py-0.5 pr-2 sm:py-1">
                {d.latencyMs !== null ? `${d.latencyMs} ms` : "—"}
              </LabelledCell>
              <LabelledCell label="Last attempt" className="py-0.5 pr-2 sm:py-1">
                {time(d.lastAttemptAt)}
              </LabelledCell>
              <td className="col-start-2 row-span-6 row-start-1 self-start py-0.5 text-right sm:py-1">
                <Button size="sm" variant="ghost" onClick={() => resend.mutate({ deliveryId: d.id })} disabled={resend.isPending} aria-label={`Resend ${eventTypeLabel(d.eventType)} from ${time(d.createdAt)}`}>
                  Resend
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
