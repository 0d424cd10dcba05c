"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { SettingsSection } from "@/components/settings/settings-section";
import { Button } from "@/components/ui/button";
import { refetchAfterChange } from "@/lib/client/fresh-sync";
import { pushSupported, subscribeThisDevice, thisDeviceEndpoint, unsubscribeThisDevice } from "@/lib/client/push";
import { toast } from "@/lib/client/toast";
import { useTRPC } from "@/lib/client/trpc";
import { useUser } from "@/lib/client/user";

/** The devices that get reminders as push notifications (even with Cadence closed), and this browser's switch. */
export function PushDevices() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useUser();
  const key = useQuery(trpc.push.publicKey.queryOptions());
  const devices = useQuery(trpc.push.devices.queryOptions());
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [supported, setSupported] = useState(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setSupported(pushSupported());
    void thisDeviceEndpoint().then(setEndpoint);
  }, []);
  const refresh = () => void refetchAfterChange(queryClient, [trpc.push.pathFilter()]);
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions({ onSettled: refresh }));
  const forget = useMutation(trpc.push.forgetEndpoint.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(
    trpc.push.remove.mutationOptions({
      onSuccess: () => toast.success("Device removed"),
      onError: (error) => toast.error(`Could not remove the device: ${error.message}`),
      onSettled: refresh,
    }),
  );
  const format = (date: Date | null) => (date ? new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date) : "Not yet");
  const list = devices.data ?? [];

  async function turnOn() {
    if (!key.data?.publicKey) return;
    setBusy(true);
    try {
      const subscription = await subscribeThisDevice(key.data.publicKey);
      await subscribe.mutateAsync(subscription);
      setEndpoint(subscription.endpoint);
      toast.success("Reminders will reach this device");
    } catch (error) {
      toast.error(`Could not turn on notifications: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    try {
      const gone = await unsubscribeThisDevice();
      if (gone) await forget.mutateAsync({ endpoint: gone });
      setEndpoint(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsSection
      title="Notifications on your devices"
      description={<>Reminders arrive on these devices even when Cadence is closed. On a phone, add Cadence to the home screen first.</>}
    >
      {key.data && !key.data.publicKey ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">Push notifications are not configured on this server (VAPID keys).</p>
      ) : !supported ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This browser cannot receive push notifications.</p>
      ) : endpoint ? (
        <Button onClick={() => void turnOff()} disabled={busy}>
          Turn off notifications on this device
        </Button>
      ) : (
        <Button variant="primary" onClick={() => void turnOn()} disabled={busy || !key.data}>
          Turn on notifications on this device
        </Button>
      )}
      {list.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No devices yet.</p>
      ) : (
        <ul aria-label="Devices" className="divide-y divide-zinc-200 rounded-md ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-800">
          {list.map((device) => (
            <li key={device.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="font-medium">{device.deviceName}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  Added {format(device.createdAt)} · last reminder {format(device.lastSentAt)} · via {device.endpointHost}
                </p>
              </div>
              <Button size="sm" variant="ghost" aria-label={`Remove ${device.deviceName}`} onClick={() => remove.mutate({ id: device.id })}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}

