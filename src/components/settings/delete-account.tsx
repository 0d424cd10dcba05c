"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { Button, inputClass } from "@/components/ui/button";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";

/** Deleting the account removes every task, token and conversation for good, so it asks for the password first. */
export function DeleteAccount() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const remove = useMutation(
    trpc.account.delete.mutationOptions({
      onSuccess: async () => {
        // The session rows are gone with the user; this clears the browser's cookies too.
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
        queryClient.clear();
        toast.success("Your account and all its data were deleted");
        router.replace("/sign-up");
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (password) remove.mutate({ password });
  }

  const error = remove.error?.message.replace(/^password: /, "Password ");
  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-red-200 p-4 dark:border-red-900">
      <h2 id="delete-heading" className="text-base font-semibold">
        Delete account
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Removes your account and everything in it — tasks, reminders, activity, API tokens and conversations. This cannot be undone.
      </p>
      <AlertDialog.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) {
            setPassword("");
            remove.reset();
          }
        }}
      >
        <AlertDialog.Trigger asChild>
          <Button variant="danger">Delete account…</Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,26rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
            <AlertDialog.Title className="text-base font-semibold">Delete your account?</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              All your data is deleted at once. Enter your password to confirm.
            </AlertDialog.Description>
            <form onSubmit={submit} className="mt-4 space-y-3">
              <div>
                <label htmlFor="delete-password" className="mb-1 block text-sm font-medium">
                  Current password
                </label>
                <input
                  id="delete-password"
                  type="password"
                  autoComplete="current-password"
                  className={inputClass}
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? "delete-error" : undefined}
                />
                {error && (
                  <p id="delete-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
                    {error}
                  </p>
                )}
              </div>
              <div className="flex justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button type="button">Cancel</Button>
                </AlertDialog.Cancel>
                <Button type="submit" variant="danger" disabled={!password || remove.isPending}>
                  {remove.isPending ? "Deleting…" : "Delete everything"}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  );
}
