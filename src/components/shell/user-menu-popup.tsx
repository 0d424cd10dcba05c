"use client";
import { LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { useQueryClient } from "@tanstack/react-query";
import { AVATAR_CLASS } from "./user-menu";

/** The account menu (settings, sign out), loaded on the avatar's first click. */
export function UserMenuPopup({ name, email, defaultOpen }: { name: string; email: string; defaultOpen?: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const initial = (name || email).slice(0, 1).toUpperCase();
  async function signOut() {
    // A plain request keeps the Better Auth client out of the app's bundle; only the auth pages need it.
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    queryClient.clear();
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger aria-label={`Account: ${name || email}`} className={AVATAR_CLASS}>
        {initial}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-sm">
            <span className="block font-medium">{name}</span>
            <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />
          <DropdownMenu.Item asChild className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800">
            <Link href="/settings">
              <Settings className="size-4" aria-hidden /> Settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={() => void signOut()}
            className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800"
          >
            <LogOut className="size-4" aria-hidden /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
