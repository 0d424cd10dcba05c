"use client";
import { SettingsSection } from "@/components/settings/settings-section";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/lib/client/toast";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { Button } from "@/components/ui/button";
import { LabelledCell } from "@/components/ui/labelled-cell";
import { useTRPC } from "@/lib/client/trpc";
import { useNow } from "@/lib/client/use-now";
import { useUser } from "@/lib/client/user";
import { NewTokenNotice } from "./new-token-notice";
import { RevertTokenDialog, type RevertableToken } from "./revert-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { TokenForm } from "./token-form";

/** Create, list and revoke the personal API tokens the MCP server accepts. */
export function ApiTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useUser();
  const list = useQuery(trpc.apiToken.list.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions()).data ?? [];
  const categoryName = (id: string) => categories.find((c) => c.id === id)?.name ?? "deleted category";
  const refresh = () => void refetchAfterChange(queryClient, [trpc.apiToken.pathFilter()]);
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const [reverting, setReverting] = useState<RevertableToken | null>(null);
  const create = useMutation(
    trpc.apiToken.create.mutationOptions({
      onSuccess: (token) => {
        setCreated({ name: token.name, token: token.token });
        setFormKey((k) => k + 1);
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

  const now = useNow().getTime();
  const tokens = list.data ?? [];
  return (
    <SettingsSection
      title="API tokens"
      description="Tokens let tools such as an MCP client act on your tasks. Treat them like passwords."
    >
      <TokenForm key={formKey} pending={create.isPending} onCreate={(request) => create.mutate(request)} />
      {created && <NewTokenNotice name={created.name} token={created.token} onDismiss={() => setCreated(null)} />}
      {list.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load tokens: {list.error.message}
        </p>
      ) : tokens.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{list.isPending ? "Loading…" : "No tokens yet."}</p>
      ) : (
        // Below `sm` every row is a card (cells stacked, each dated cell naming itself), so a phone never scrolls sideways.
        <div>
          <table className="block w-full text-left text-sm sm:table" aria-label="API tokens">
            <thead className="sr-only text-xs text-zinc-500 sm:not-sr-only sm:table-header-group dark:text-zinc-400">
              <tr>
                <th className="py-2 pr-3 font-medium">Name</th>
                <th className="py-2 pr-3 font-medium">Access</th>
                <th className="hidden py-2 pr-3 font-medium sm:table-cell">Created</th>
                <th className="py-2 pr-3 font-medium">Expires</th>
                <th className="py-2 pr-3 font-medium">Last used</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="block sm:table-row-group">
              {tokens.map((t) => (
                <tr key={t.id} className="grid grid-cols-[1fr_auto] gap-x-3 border-t border-zinc-200 py-2 sm:table-row sm:py-0 dark:border-zinc-800">
                  <td className="col-start-1 py-1 pr-3 sm:py-2">
                    <span className="font-medium">{t.name}</span>
                    <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">{t.prefix}…</span>
                  </td>
                  <td className="col-start-1 py-1 pr-3 sm:py-2">
                    <span className="block">{t.scopes.map((s) => s[0]!.toUpperCase() + s.slice(1)).join(", ")}</span>
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      {t.categoryIds ? `Only ${t.categoryIds.map(categoryName).join(", ")}` : "All categories"}
                    </span>
                  </td>
                  <td className="hidden py-2 pr-3 whitespace-nowrap sm:table-cell">{format(t.createdAt)}</td>
                  <LabelledCell label="Expires" className="py-1 pr-3 sm:py-2">
                    {t.expiresAt && t.expiresAt.getTime() <= now ? <span className="text-red-700 dark:text-red-400">Expired {format(t.expiresAt)}</span> : format(t.expiresAt)}
                  </LabelledCell>
                  <LabelledCell label="Last used" className="py-1 pr-3 sm:py-2">
                    {format(t.lastUsedAt)}
                  </LabelledCell>
                  <td className="col-start-2 row-span-4 row-start-1 self-start py-1 text-right sm:py-2">
                    <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                      {/* Also after revoking: a misbehaving agent's token is revoked first, its changes reverted next. */}
                      <Button size="sm" variant="ghost" onClick={() => setReverting({ id: t.id, name: t.name, createdAt: t.createdAt })} aria-label={`Revert changes by ${t.name}`}>
                        Revert changes
                      </Button>
                      {t.revokedAt ? (
                        <span className="text-xs text-zinc-500 dark:text-zinc-400">Revoked {format(t.revokedAt)}</span>
                      ) : (
                        <Button size="sm" variant="ghost" onClick={() => setRevoking({ id: t.id, name: t.name })} aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RevertTokenDialog token={reverting} onClose={() => setReverting(null)} />
      <RevokeTokenDialog
        token={revoking}
        onCancel={() => setRevoking(null)}
        onConfirm={(id) => {
          revoke.mutate({ id });
          setRevoking(null);
        }}
      />
    </SettingsSection>
  );
}
