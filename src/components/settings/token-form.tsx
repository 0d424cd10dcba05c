"use client";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, inputClass } from "@/components/ui/button";
import { API_TOKEN_EXPIRY_DAYS, API_TOKEN_SCOPE_TEXT, API_TOKEN_SCOPES, type ApiTokenScope } from "@/lib/api-token-scopes";
import { useTRPC } from "@/lib/client/trpc";

export interface TokenRequest {
  name: string;
  scopes: ApiTokenScope[];
  categoryIds: string[] | null;
  expiresInDays: number | null;
}

const SCOPE_LABEL: Record<ApiTokenScope, string> = { read: "Read", write: "Write", delete: "Delete" };
const EXPIRY_LABEL = (days: number) => (days === 365 ? "1 year" : `${days} days`);

/**
 * Name, scopes, categories and expiry of a new token; the safe default is read and write, all categories, 90 days.
 * The parent remounts it (new key) after a token was created, so the next one starts from the defaults again.
 */
export function TokenForm({ pending, onCreate }: { pending: boolean; onCreate: (request: TokenRequest) => void }) {
  const trpc = useTRPC();
  const categories = useQuery(trpc.category.list.queryOptions()).data ?? [];
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiTokenScope[]>(["read", "write"]);
  const [allCategories, setAllCategories] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiry, setExpiry] = useState("90");

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const categoriesMissing = !allCategories && chosen.length === 0;
  const invalid = !name.trim() || scopes.length === 0 || categoriesMissing;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (invalid) return;
    onCreate({
      name: name.trim(),
      scopes: API_TOKEN_SCOPES.filter((s) => scopes.includes(s)),
      categoryIds: allCategories ? null : chosen,
      expiresInDays: expiry === "never" ? null : Number(expiry),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg p-3 ring-1 ring-zinc-200 dark:ring-zinc-800" aria-label="Create an API token">
      <div>
        <label htmlFor="token-name" className="mb-1 block text-sm font-medium">
          Token name
        </label>
        <input id="token-name" className={inputClass} value={name} maxLength={100} placeholder="e.g. Claude Desktop" onChange={(e) => setName(e.target.value)} />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Permissions</legend>
        <div className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-5">
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0" title={API_TOKEN_SCOPE_TEXT[scope]}>
              <input type="checkbox" className="size-4" checked={scopes.includes(scope)} onChange={(e) => setScopes((s) => toggle(s, scope, e.target.checked))} />
              {SCOPE_LABEL[scope]}
              <span className="text-xs text-zinc-500 dark:text-zinc-400">({API_TOKEN_SCOPE_TEXT[scope].toLowerCase()})</span>
            </label>
          ))}
        </div>
        {scopes.length === 0 && <p className="text-xs text-red-700 dark:text-red-400">Choose at least one permission.</p>}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Categories</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
          <input type="checkbox" className="size-4" checked={allCategories} onChange={(e) => setAllCategories(e.target.checked)} />
          All categories
        </label>
        {!allCategories && (
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 pl-6" role="group" aria-label="Only these categories">
            {categories.length === 0 && <p className="text-xs text-zinc-500">No categories yet.</p>}
            {categories.map((c) => (
              <label key={c.id} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
                <input type="checkbox" className="size-4" checked={chosen.includes(c.id)} onChange={(e) => setChosen((s) => toggle(s, c.id, e.target.checked))} />
                {c.name}
              </label>
            ))}
            {categoriesMissing && categories.length > 0 && <p className="w-full text-xs text-red-700 dark:text-red-400">Choose at least one category.</p>}
          </div>
        )}
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="token-expiry" className="mb-1 block text-sm font-medium">
            Expires
          </label>
          <select id="token-expiry" className={inputClass} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {API_TOKEN_EXPIRY_DAYS.map((days) => (
              <option key={days} value={String(days)}>
                In {EXPIRY_LABEL(days)}
              </option>
            ))}
            <option value="never">Never</option>
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={invalid || pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}
