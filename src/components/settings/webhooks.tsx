"use client";
import { SettingsSection } from "@/components/settings/settings-section";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, inputClass } from "@/components/ui/button";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";
import { WebhookEndpointCard } from "./webhook-endpoint";
import { eventTypeLabel } from "./webhook-labels";
import { WebhookSecretNotice } from "./webhook-secret-notice";

/** Outgoing webhooks: endpoints that receive the user's events, signed per Standard Webhooks. */
export function Webhooks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.webhook.list.queryOptions());
  const types = useQuery(trpc.webhook.eventTypes.queryOptions());
  const refresh = () => void refetchAfterChange(queryClient, [trpc.webhook.pathFilter()]);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[]>(["cadence.task.created.v1", "cadence.task.updated.v1", "cadence.task.completed.v1"]);
  const [secret, setSecret] = useState<{ url: string; secret: string; rotated: boolean } | null>(null);
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: ({ endpoint, secret: created }) => {
        setSecret({ url: endpoint.url, secret: created, rotated: false });
        setUrl("");
        setDescription("");
      },
      onError: (error) => toast.error(`Could not add the endpoint: ${error.message}`),
      onSettled: refresh,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (url.trim() && chosen.length > 0) create.mutate({ url: url.trim(), description: description.trim(), eventTypes: chosen as never });
  }

  const endpoints = list.data ?? [];
  return (
    <SettingsSection
      title="Webhooks"
      description="Cadence POSTs each chosen event (a CloudEvent) to your HTTPS endpoint, signed per Standard Webhooks, retried for 3 days."
    >
      <form onSubmit={submit} className="space-y-3" aria-label="Add webhook endpoint">
        <div>
          <label htmlFor="webhook-url" className="mb-1 block text-sm font-medium">
            Endpoint URL
          </label>
          <input id="webhook-url" type="url" className={inputClass} value={url} maxLength={2000} placeholder="https://example.com/webhooks/cadence" onChange={(e) => setUrl(e.target.value)} />
        </div>
        <div>
          <label htmlFor="webhook-description" className="mb-1 block text-sm font-medium">
            Description (optional)
          </label>
          <input id="webhook-description" className={inputClass} value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Events</legend>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {(types.data ?? []).map((type) => (
              <label key={type} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={chosen.includes(type)}
                  onChange={(e) => setChosen((current) => (e.target.checked ? [...current, type] : current.filter((t) => t !== type)))}
                />
                {eventTypeLabel(type)}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="primary" disabled={!url.trim() || chosen.length === 0 || create.isPending}>
          {create.isPending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
      {secret && <WebhookSecretNotice {...secret} onDismiss={() => setSecret(null)} />}
      {list.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load webhook endpoints: {list.error.message}
        </p>
      ) : endpoints.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{list.isPending ? "Loading…" : "No webhook endpoints yet."}</p>
      ) : (
        <ul className="space-y-3" aria-label="Webhook endpoints">
          {endpoints.map((endpoint) => (
            <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} onSecret={(s) => setSecret({ url: endpoint.url, secret: s, rotated: true })} onChanged={refresh} />
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}
