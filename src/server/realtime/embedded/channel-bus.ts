import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/server/db/client";
import type { PusherMessage } from "./hub";

/** One publish to a channel, as every app process must hear it. */
export interface BusNote {
  channel: string;
  message: PusherMessage;
  /** The sender's own socket, which never hears its client event echoed back. */
  excludeSocketId?: string;
}

/**
 * Carries publishes between the built-in Pusher endpoints of several app processes (or replicas) on one
 * database, so a notice reaches a user's tabs whichever process their WebSocket landed on.
 */
export interface ChannelBus {
  /** Resolves once the note is on its way to every process, this one included. */
  send(note: BusNote): Promise<void>;
  /** Delivers every note sent by any process to `onNote` until the returned stop is called. */
  listen(onNote: (note: BusNote) => void): Promise<() => Promise<void>>;
}

export const REALTIME_CHANNEL = "cadence_realtime";
/** PostgreSQL refuses NOTIFY payloads from 8,000 bytes; a larger note goes in parts of this many characters (≤ 4 bytes each). */
const PART_CHARS = 1_900;
const WHOLE_LIMIT_BYTES = 7_900;
/** Parts of one note arrive together (one statement, one commit); a note still incomplete after this is dropped. */
const PART_TTL_MS = 30_000;

type Wire = [channel: string, event: string, data: unknown, excludeSocketId: string | null];

function encode(note: BusNote): string {
  const wire: Wire = [note.channel, note.message.event, note.message.data, note.excludeSocketId ?? null];
  return JSON.stringify(wire);
}

function decode(text: string): BusNote | null {
  const wire = JSON.parse(text) as unknown;
  if (!Array.isArray(wire) || typeof wire[0] !== "string" || typeof wire[1] !== "string") return null;
  const [channel, event, data, exclude] = wire as Wire;
  return { channel, message: { event, channel, data }, excludeSocketId: exclude ?? undefined };
}

/** Splits a payload too large for one NOTIFY into `#id:index/count:text` parts. */
export function splitPayload(json: string): string[] {
  if (Buffer.byteLength(json) < WHOLE_LIMIT_BYTES) return [json];
  const id = randomUUID();
  const count = Math.ceil(json.length / PART_CHARS);
  return Array.from({ length: count }, (_, index) => `#${id}:${index}/${count}:${json.slice(index * PART_CHARS, (index + 1) * PART_CHARS)}`);
}

/** Reassembles parts; returns the whole payload once its last part arrived. */
export function createReassembler(now: () => number = Date.now) {
  const pending = new Map<string, { parts: string[]; received: number; since: number }>();
  return (payload: string): string | null => {
    if (!payload.startsWith("#")) return payload;
    const match = /^#([^:]+):(\d+)\/(\d+):/.exec(payload);
    if (!match) return null;
    const [head, id, index, count] = match as unknown as [string, string, string, string];
    for (const [key, entry] of pending) if (now() - entry.since > PART_TTL_MS) pending.delete(key);
    const entry = pending.get(id) ?? { parts: new Array<string>(Number(count)), received: 0, since: now() };
    pending.set(id, entry);
    if (entry.parts[Number(index)] === undefined) entry.received += 1;
    entry.parts[Number(index)] = payload.slice(head.length);
    if (entry.received < entry.parts.length) return null;
    pending.delete(id);
    return entry.parts.join("");
  };
}

/** The bus over PostgreSQL LISTEN/NOTIFY (the same mechanism that wakes the outbox relay). */
export function createPostgresChannelBus(db: DatabaseHandle): ChannelBus {
  return {
    async send(note) {
      const parts = splitPayload(encode(note));
      // One statement: all parts commit, and are delivered, together and in order.
      const calls = sql.join(parts.map((part) => sql`pg_notify(${REALTIME_CHANNEL}, ${part})`), sql`, `);
      await db.db.execute(sql`SELECT ${calls}`);
    },
    async listen(onNote) {
      const reassemble = createReassembler();
      return db.listen(REALTIME_CHANNEL, (payload) => {
        if (payload === "") return; // a re-subscription after a lost connection, not a note
        const whole = reassemble(payload);
        if (whole === null) return;
        let note: BusNote | null;
        try {
          note = decode(whole);
        } catch {
          return; // not ours: something else notified on the channel
        }
        if (note) onNote(note);
      });
    },
  };
}
