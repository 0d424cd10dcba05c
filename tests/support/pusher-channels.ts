import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";

/** Subscribes and resolves once the server confirmed (rejects with the server's error on a refused subscription). */
export function subscribe(client: PusherClient, name: string): Promise<Channel> {
  const channel = client.subscribe(name);
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel));
    channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(JSON.stringify(error))));
  });
}

/** The next `event` the channel hears. */
export function next(channel: Channel, event: string): Promise<unknown> {
  return new Promise((resolve) => {
    const handler = (data: unknown) => {
      channel.unbind(event, handler);
      resolve(data);
    };
    channel.bind(event, handler);
  });
}
