"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A new signing secret, shown exactly once (after creating an endpoint or rotating its secret). */
export function WebhookSecretNotice({ url, secret, rotated, onDismiss }: { url: string; secret: string; rotated: boolean; onDismiss: () => void }) {
  return (
    <div role="status" aria-label="New signing secret" className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-300 dark:bg-amber-950/40 dark:ring-amber-800">
      <p className="flex items-start gap-2 text-sm text-amber-900 dark:text-amber-200">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          Copy the signing secret for {url} now: <strong>it will not be shown again.</strong>
          {rotated ? " The previous secret also signs messages for the next 24 hours, so your receiver can switch without gaps." : ""}
        </span>
      </p>
      <label htmlFor="webhook-secret" className="block text-sm font-medium">
        Signing secret
      </label>
      <input
        id="webhook-secret"
        readOnly
        value={secret}
        onFocus={(e) => e.currentTarget.select()}
        className="w-full rounded-md bg-white px-3 py-2 font-mono text-xs ring-1 ring-zinc-300 ring-inset dark:bg-zinc-900 dark:ring-zinc-700"
      />
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        I have saved it
      </Button>
    </div>
  );
}
