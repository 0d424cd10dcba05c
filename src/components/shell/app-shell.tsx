"use client";
import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { lazyPopup } from "@/components/ui/lazy-popup";
import { useRealtimeSync } from "@/lib/client/realtime";
import { UserProvider, type ClientUser } from "@/lib/client/user";
import { EditorHost } from "./editor-host";
import { NotificationBell } from "./notification-bell";
import { SnoozeHost } from "@/components/reminders/snooze-dialog";
import { registerServiceWorker } from "@/lib/client/push";
import { Sidebar } from "./sidebar";
import { ThemeToggle } from "./theme-toggle";
import { UndoShortcut } from "./undo-shortcut";
import { UserMenu } from "./user-menu";

const drawer = lazyPopup(() => import("./mobile-nav").then((m) => m.MobileNav));

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md px-1 font-semibold tracking-tight">
      <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm font-bold text-white">
        C
      </span>
      Cadence
    </Link>
  );
}

/** Sidebar on wide screens, a drawer on phones; the main column scrolls on its own. */
export function AppShell({ user, children }: { user: ClientUser; children: ReactNode }) {
  useRealtimeSync(user.id);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The drawer (Radix Dialog) is only for phones: it loads on the first tap on the menu button.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const params = useSearchParams();
  useEffect(() => setDrawerOpen(false), [pathname, params]);
  // The service worker shows reminder pushes when no tab is open (public/sw.js).
  useEffect(() => void registerServiceWorker(), []);

  const actions = (
    <div className="flex items-center gap-1">
      <NotificationBell />
      <ThemeToggle />
      <UserMenu name={user.name} email={user.email} />
    </div>
  );

  return (
    <UserProvider user={user}>
      <EditorHost>
      <Suspense>
        <SnoozeHost />
      </Suspense>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to tasks
      </a>
      <div className="flex h-dvh overflow-hidden">
        <aside className="hidden w-64 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 md:flex dark:border-zinc-800 dark:bg-zinc-900/60">
          <div className="flex h-14 items-center justify-between border-b border-zinc-200 px-3 dark:border-zinc-800">
            <Brand />
          </div>
          <div className="flex-1 overflow-y-auto">
            <Suspense>
              <Sidebar />
            </Suspense>
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 sm:px-4 dark:border-zinc-800">
            <button
              ref={menuButton}
              type="button"
              aria-label="Open navigation"
              aria-haspopup="dialog"
              onPointerEnter={() => void drawer.preload()}
              onClick={() => {
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
              className="grid size-9 place-items-center pointer-coarse:size-11 rounded-md hover:bg-zinc-100 md:hidden dark:hover:bg-zinc-800"
            >
              <Menu className="size-5" aria-hidden />
            </button>
            {drawerUsed && (
              <Suspense>
                <drawer.Component open={drawerOpen} onOpenChange={setDrawerOpen} brand={<Brand />} returnFocusTo={menuButton} />
              </Suspense>
            )}
            <div className="md:hidden">
              <Brand />
            </div>
            <div className="ml-auto">{actions}</div>
          </header>
          <main id="main" className="min-h-0 flex-1 overflow-hidden">
            {children}
          </main>
          <UndoShortcut />
        </div>
      </div>
      </EditorHost>
    </UserProvider>
  );
}
