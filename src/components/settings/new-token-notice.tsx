"use client";
import { Check, Copy, TriangleAlert } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** The new secret, shown exactly once: the server keeps only its hash. */
export function NewTokenNotice({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
    } catch {
      // No clipboard access (plain http, denied permission): select the text so Ctrl+C works.
      fieldRef.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  }
  return (
    <div role="status" aria-label="New token" className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-300 dark:bg-amber-950/40 dark:ring-amber-800">
      <p className="flex items-start gap-2 text-sm text-amber-900 dark:text-amber-200">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          Copy the token “{name}” now: <strong>it will not be shown again.</strong> Anyone with it can read and change your tasks.
        </span>
      </p>
      <div className="flex gap-2">
        <label htmlFor="new-token" className="sr-only">
          New API token
        </label>
        <input
          id="new-token"
          ref={fieldRef}
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-xs ring-1 ring-zinc-300 ring-inset dark:bg-zinc-900 dark:ring-zinc-700"
        />
        <Button size="md" onClick={() => void copy()} aria-label={copied ? "Copied" : "Copy token"}>
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        I have saved it
      </Button>
    </div>
  );
}
