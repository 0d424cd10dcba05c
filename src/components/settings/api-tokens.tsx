"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "@/lib/client/toast";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { Button, inputClass } from "@/components/ui/button";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";
import { NewTokenNotice } from "./new-token-notice";
import { RevokeTokenDialog } from "./revoke-token-dialog";

/** Create, list and revoke the personal API tokens the MCP server accepts. */
export function ApiTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useUser();
  const list = useQuery(trpc.apiToken.list.queryOptions());
  const refresh = () => void refetchAfterChange(queryClient, [trpc.apiToken.pathFilter()]);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const create = useMutation(
    trpc.apiToken.create.mutationOptions({
      onSuccess: (token) => {
        setCreated({ name: token.name, token: token.token });
        setName("");
      },
      onError: (error) => toast.error(`Could not create the token: ${error.message}`),
      onSettled: refresh,
    }),
  );
  const revoke = useMutation(
    trpc.apiToken.revoke.mutationOptions({
      onSuccess: () => toast.success("Token revoked"),
      onError: (error) => toast.error(`Could not revoke the token: ${error.message}`),
      onSettled: refresh,
    }),
  );
  const format = (date: Date | null) =>
    date ? new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date) : "Never";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim() });
  }

  const tokens = list.data ?? [];
  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <div>
        <h2 id="tokens-heading" className="text-base font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Tokens let tools such as an MCP client act on your tasks. Treat them like passwords.</p>
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="token-name" className="mb-1 block text-sm font-medium">
            Token name
          </label>
          <input id="token-name" className={inputClass} value={name} maxLength={100} placeholder="e.g. Laptop MCP client" onChange={(e) => setName(e.target.value)} />
        </div>
        <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {created && <NewTokenNotice name={created.name} token={created.token} onDismiss={() => setCreated(null)} />}
      {list.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load tokens: {list.error.message}
        </p>
      ) : tokens.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{list.isPending ? "Loading…" : "No tokens yet."}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="API tokens">
            <thead className="text-xs text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="py-2 pr-3 font-medium">Name</th>
                <th className="py-2 pr-3 font-medium">Token</th>
                <th className="py-2 pr-3 font-medium">Created</th>
                <th className="py-2 pr-3 font-medium">Last used</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-2 pr-3 font-medium">{t.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{t.prefix}…</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{format(t.createdAt)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{format(t.lastUsedAt)}</td>
                  <td className="py-2 text-right">
                    {t.revokedAt ? (
                      <span className="text-xs text-zinc-500 dark:text-zinc-400">Revoked {format(t.revokedAt)}</span>
                    ) : (
                      <Button size="sm" variant="ghost" onClick={() => setRevoking({ id: t.id, name: t.name })} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RevokeTokenDialog
        token={revoking}
        onCancel={() => setRevoking(null)}
        onConfirm={(id) => {
          revoke.mutate({ id });
          setRevoking(null);
        }}
      />
    </section>
  );
}
