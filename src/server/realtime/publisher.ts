import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Pusher from "pusher";
import { z } from "zod";
import type { Env } from "@/server/env";

/** App id, key and secret of a Pusher-protocol endpoint. */
export interface PusherCredentials {
  appId: string;
  key: string;
  secret: string;
}

/** Pushes events to one user's private channel, whichever Pusher endpoint is configured. */
export interface RealtimePublisher {
  /** Resolves once the endpoint accepted the event; rejects on a network error or a non-2xx answer. */
  publishToUser(userId: string, event: string, data: unknown): Promise<void>;
}

/** The channel every client of a user subscribes to; the auth endpoint signs only the caller's own. */
export const userChannel = (userId: string) => `private-user-${userId}`;

const credentialsSchema = z.object({ appId: z.string().min(1), key: z.string().min(1), secret: z.string().min(1) });
const cache = new Map<string, PusherCredentials>();

/**
 * Credentials of the built-in endpoint, generated once into `${DATA_DIR}/pusher.json` so the app's endpoint,
 * the auth route and the realtime worker (possibly another process) all agree and survive restarts.
 */
export function embeddedPusherCredentials(env: Pick<Env, "DATA_DIR">): PusherCredentials {
  const dataDir = path.resolve(env.DATA_DIR);
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const file = path.join(dataDir, "pusher.json");
  let credentials = readCredentials(file);
  if (!credentials) {
    mkdirSync(dataDir, { recursive: true });
    const fresh: PusherCredentials = {
      appId: `cadence-${randomBytes(4).toString("hex")}`,
      key: randomBytes(10).toString("hex"),
      secret: randomBytes(24).toString("base64url"),
    };
    // Write aside, then link into place: link fails if another process won the race, and nobody reads half a file.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(temp, JSON.stringify(fresh, null, 2), { mode: 0o600 });
    try {
      linkSync(temp, file);
      credentials = fresh;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      credentials = readCredentials(file);
    } finally {
      rmSync(temp, { force: true });
    }
    if (!credentials) throw new Error(`${file} exists but does not hold Pusher credentials`);
  }
  cache.set(dataDir, credentials);
  return credentials;
}

function readCredentials(file: string): PusherCredentials | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw cause;
  }
  const parsed = credentialsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} does not hold Pusher credentials: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

type PusherEnv = Pick<
  Env,
  "DATA_DIR" | "PORT" | "PUSHER_APP_ID" | "PUSHER_KEY" | "PUSHER_SECRET" | "PUSHER_HOST" | "PUSHER_PORT" | "PUSHER_CLUSTER" | "PUSHER_USE_TLS"
>;

/** True when the app serves the built-in endpoint: no external Soketi (`PUSHER_HOST`) or Pusher Channels (`PUSHER_CLUSTER`). */
export function usesBuiltInPusher(env: Pick<Env, "PUSHER_HOST" | "PUSHER_CLUSTER">): boolean {
  return !env.PUSHER_HOST && !env.PUSHER_CLUSTER;
}

/** `PUSHER_APP_ID/KEY/SECRET` when set (parseEnv requires all three together), else the generated ones in DATA_DIR. */
export function pusherCredentials(env: Pick<Env, "DATA_DIR" | "PUSHER_APP_ID" | "PUSHER_KEY" | "PUSHER_SECRET">): PusherCredentials {
  if (env.PUSHER_APP_ID && env.PUSHER_KEY && env.PUSHER_SECRET) {
    return { appId: env.PUSHER_APP_ID, key: env.PUSHER_KEY, secret: env.PUSHER_SECRET };
  }
  return embeddedPusherCredentials(env);
}

/**
 * Pusher server-library options. Target: `PUSHER_HOST:PUSHER_PORT` when set (Soketi, or the app's built-in
 * endpoint as seen from a standalone realtime worker), Pusher Channels when `PUSHER_CLUSTER`, else this
 * process's own built-in endpoint on `127.0.0.1:PORT`.
 */
export function pusherOptions(env: PusherEnv): Pusher.Options {
  const base = pusherCredentials(env);
  const useTLS = env.PUSHER_USE_TLS ? env.PUSHER_USE_TLS === "true" : true;
  if (env.PUSHER_HOST) {
    return { ...base, host: env.PUSHER_HOST, port: env.PUSHER_PORT ? String(env.PUSHER_PORT) : undefined, useTLS };
  }
  if (env.PUSHER_CLUSTER) return { ...base, cluster: env.PUSHER_CLUSTER, useTLS };
  return { ...base, host: "127.0.0.1", port: String(env.PORT), useTLS: false };
}

export function createPusherPublisher(env: PusherEnv, options: { timeoutMs?: number } = {}): RealtimePublisher {
  const pusher = new Pusher({ ...pusherOptions(env), timeout: options.timeoutMs ?? 10_000 });
  return {
    async publishToUser(userId, event, data) {
      // The library rejects on non-2xx already; the explicit check keeps that guarantee if it ever changes.
      const response = await pusher.trigger(userChannel(userId), event, data).catch((cause: unknown) => {
        throw new Error(`Pusher trigger on ${userChannel(userId)} failed: ${describePusherError(cause)}`, { cause });
      });
      if (response.status < 200 || response.status >= 300) {
        throw new Error(`Pusher answered ${response.status} to trigger on ${userChannel(userId)}`);
      }
    },
  };
}

/** The library's RequestError says only "Request failed with an error": name the status, body or network cause. */
function describePusherError(cause: unknown): string {
  const error = cause as { message?: string; status?: number; body?: string; error?: { message?: string; code?: string; cause?: { code?: string; message?: string } } };
  if (error.status !== undefined) return `HTTP ${error.status} ${String(error.body ?? "").slice(0, 200)}`;
  const inner = error.error;
  if (inner) return [inner.code ?? inner.cause?.code, inner.message, inner.cause?.message].filter(Boolean).join(": ");
  return error.message ?? String(cause);
}
