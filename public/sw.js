/* Cadence service worker: shows reminder pushes while no Cadence tab is open, and reports back what happened. */
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

const SNOOZE_ACTIONS = [
  { action: "snooze-5m", title: "Snooze 5 min" },
  { action: "snooze-1h", title: "Snooze 1 h" },
  { action: "snooze-tomorrow", title: "Tomorrow morning" },
  { action: "snooze-pick", title: "Snooze…" },
];

/** Most platforms show two buttons: then "5 min" and "Snooze…" (which opens every choice, custom time included). */
function actionsFor() {
  const max = typeof Notification !== "undefined" && Notification.maxActions ? Notification.maxActions : 2;
  if (max >= SNOOZE_ACTIONS.length) return SNOOZE_ACTIONS;
  return [SNOOZE_ACTIONS[0], SNOOZE_ACTIONS[3]].slice(0, max);
}

function report(data, event, extra) {
  return fetch("/api/push/receipt", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ reminderId: data.reminderId, subscriptionId: data.subscriptionId, token: data.token, event, ...extra }),
    credentials: "omit",
  }).catch(() => undefined);
}

self.addEventListener("push", (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : null;
  } catch {
    data = null;
  }
  if (!data || data.kind !== "reminder") return;
  const body = data.held ? `${data.body} (held during quiet hours)` : data.body;
  event.waitUntil(
    self.registration
      .showNotification(data.title, {
        body,
        tag: `reminder-${data.reminderId}`,
        renotify: true,
        icon: "/icons/icon-192.png",
        badge: "/icons/badge-96.png",
        data,
        actions: actionsFor(),
        timestamp: Date.parse(data.remindAt) || Date.now(),
      })
      .then(() => report(data, "shown")),
  );
});

async function openApp(path) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const url = new URL(path, self.location.origin).href;
  for (const client of windows) {
    if (new URL(client.url).origin === self.location.origin && "focus" in client) {
      await client.focus();
      if ("navigate" in client) await client.navigate(url).catch(() => undefined);
      return;
    }
  }
  await self.clients.openWindow(url);
}

self.addEventListener("notificationclick", (event) => {
  const notification = event.notification;
  const data = notification.data || {};
  notification.close();
  const action = event.action || "";
  const quick = { "snooze-5m": "5m", "snooze-1h": "1h", "snooze-tomorrow": "tomorrow" }[action];
  if (quick) {
    event.waitUntil(report(data, "snooze", { snooze: quick }));
    return;
  }
  if (action === "snooze-pick") {
    event.waitUntil(Promise.all([report(data, "clicked"), openApp(`/?snooze=${encodeURIComponent(data.reminderId)}`)]));
    return;
  }
  event.waitUntil(Promise.all([report(data, "clicked"), openApp("/")]));
});

/** The browser replaced the subscription (keys rotated): the next page load registers the new one. */
self.addEventListener("pushsubscriptionchange", () => undefined);
