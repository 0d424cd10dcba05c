"use client";
import { LAUNCHER_CLEARANCE } from "@/components/chat/launcher";
import { useUser } from "@/lib/client/user";
import { useNow } from "@/lib/client/use-now";
import { ApiTokens } from "./api-tokens";
import { CalendarFeed } from "./calendar-feed";
import { PushDevices } from "./push-devices";
import { QuietHours } from "./quiet-hours";
import { DeleteAccount } from "./delete-account";
import { Webhooks } from "./webhooks";

/** Account settings: the time zone dates are shown in, API tokens for the MCP server, outgoing webhooks, and deleting the account. */
export function SettingsScreen() {
  const user = useUser();
  const now = useNow();
  const browserZone = typeof Intl === "undefined" ? user.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const localTime = new Intl.DateTimeFormat("en-GB", { timeZone: user.timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(now);
  return (
    <div className={`h-full overflow-y-auto ${LAUNCHER_CLEARANCE}`}>
      <div className="mx-auto max-w-3xl space-y-8 px-4 py-6">
        <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
        <section aria-labelledby="tz-heading" className="space-y-2">
          <h2 id="tz-heading" className="text-base font-semibold">
            Time zone
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Due dates, reminders and “today” use <strong data-testid="user-time-zone">{user.timeZone}</strong> (now {localTime}).
          </p>
          {browserZone && browserZone !== user.timeZone && (
            <p className="text-sm text-amber-800 dark:text-amber-300">This browser is set to {browserZone}; Cadence keeps using {user.timeZone}.</p>
          )}
        </section>
        <PushDevices />
        <QuietHours />
        <CalendarFeed />
        <ApiTokens />
        <Webhooks />
        <DeleteAccount />
      </div>
    </div>
  );
}
