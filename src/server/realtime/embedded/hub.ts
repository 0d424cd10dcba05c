/** One message on the wire, in Pusher protocol 7 shape. */
export interface PusherMessage {
  event: string;
  channel?: string;
  /** Server events carry their data as a JSON string; client events pass through as sent. */
  data?: unknown;
}

/** What the hub needs from a connected socket. */
export interface Subscriber {
  readonly socketId: string;
  send(message: PusherMessage): void;
}

/**
 * Channel membership for one embedded endpoint: which sockets hear which channel.
 * It lives inside the endpoint because the endpoint *is* the single server in embedded mode.
 */
export class ChannelHub {
  private readonly channels = new Map<string, Set<Subscriber>>();

  subscribe(channel: string, subscriber: Subscriber): void {
    let members = this.channels.get(channel);
    if (!members) {
      members = new Set();
      this.channels.set(channel, members);
    }
    members.add(subscriber);
  }

  unsubscribe(channel: string, subscriber: Subscriber): void {
    const members = this.channels.get(channel);
    if (!members) return;
    members.delete(subscriber);
    if (members.size === 0) this.channels.delete(channel);
  }

  isSubscribed(channel: string, subscriber: Subscriber): boolean {
    return this.channels.get(channel)?.has(subscriber) ?? false;
  }

  /** Drops a closed socket from every channel it had joined. */
  removeSubscriber(subscriber: Subscriber): void {
    for (const channel of [...this.channels.keys()]) this.unsubscribe(channel, subscriber);
  }

  /** Sends to every subscriber of the channel except the one with `excludeSocketId`. */
  publish(channel: string, message: PusherMessage, excludeSocketId?: string): number {
    const members = this.channels.get(channel);
    if (!members) return 0;
    let delivered = 0;
    for (const member of members) {
      if (member.socketId === excludeSocketId) continue;
      member.send(message);
      delivered += 1;
    }
    return delivered;
  }

  subscriptionCount(channel: string): number {
    return this.channels.get(channel)?.size ?? 0;
  }

  /** Occupied channel names, optionally filtered by prefix (as Pusher's `filter_by_prefix`). */
  occupiedChannels(prefix = ""): string[] {
    return [...this.channels.keys()].filter((name) => name.startsWith(prefix));
  }
}
