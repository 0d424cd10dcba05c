// In-memory state stores with daprd's ETag rules, and read-only secret stores.
import type { z } from "zod";
import type { DaprError, stateSaveSchema } from "./types";

interface Entry {
  value: unknown;
  etag: string;
  expiresAt?: number;
}

type Outcome = { status: number; error?: DaprError };

export class StateStores {
  private readonly stores = new Map<string, Map<string, Entry>>();
  private etagSeq = 0;

  constructor(names: string[]) {
    for (const name of names) this.stores.set(name, new Map());
  }

  /** Keys are prefixed with the caller's app-id, like daprd's default `keyPrefix: appid`. */
  save(store: string, appId: string, items: z.infer<typeof stateSaveSchema>): Outcome {
    const entries = this.storeOr(store);
    if (!(entries instanceof Map)) return entries;
    for (const item of items) {
      const current = this.live(entries, scoped(appId, item.key));
      const firstWrite = item.options?.concurrency === "first-write";
      const mismatch =
        item.etag !== undefined ? current?.etag !== item.etag : firstWrite && current !== undefined;
      if (mismatch) {
        return conflict("ERR_STATE_SAVE", `failed saving state in state store ${store}: possible etag mismatch`);
      }
    }
    for (const item of items) {
      const ttl = Number(item.metadata?.ttlInSeconds ?? Number.NaN);
      entries.set(scoped(appId, item.key), {
        value: item.value,
        etag: String(++this.etagSeq),
        expiresAt: Number.isFinite(ttl) && ttl > 0 ? Date.now() + ttl * 1000 : undefined,
      });
    }
    return { status: 204 };
  }

  get(store: string, appId: string, key: string): Outcome & { entry?: Entry } {
    const entries = this.storeOr(store);
    if (!(entries instanceof Map)) return entries;
    const entry = this.live(entries, scoped(appId, key));
    return entry ? { status: 200, entry } : { status: 204 };
  }

  delete(store: string, appId: string, key: string, ifMatch?: string): Outcome {
    const entries = this.storeOr(store);
    if (!(entries instanceof Map)) return entries;
    const current = this.live(entries, scoped(appId, key));
    if (ifMatch !== undefined && current?.etag !== ifMatch) {
      return conflict("ERR_STATE_DELETE", `failed deleting state with key ${key}: possible etag mismatch`);
    }
    entries.delete(scoped(appId, key));
    return { status: 204 };
  }

  private storeOr(store: string): Map<string, Entry> | Outcome {
    if (this.stores.size === 0) {
      return { status: 500, error: { errorCode: "ERR_STATE_STORE_NOT_CONFIGURED", message: "state store is not configured" } };
    }
    return (
      this.stores.get(store) ?? {
        status: 400,
        error: { errorCode: "ERR_STATE_STORE_NOT_FOUND", message: `state store ${store} is not found` },
      }
    );
  }

  private live(entries: Map<string, Entry>, key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

function scoped(appId: string, key: string): string {
  return `${appId}||${key}`;
}

function conflict(errorCode: string, message: string): Outcome {
  return { status: 409, error: { errorCode, message } };
}

/** `GET /v1.0/secrets/{store}/{name}` answers, per the secrets API reference. */
export function readSecret(
  secrets: Record<string, Record<string, string>>,
  store: string,
  name: string,
): { status: number; body?: unknown } {
  if (Object.keys(secrets).length === 0) {
    return { status: 500, body: { errorCode: "ERR_SECRET_STORES_NOT_CONFIGURED", message: "secret store is not configured" } };
  }
  const values = secrets[store];
  if (!values) {
    return { status: 400, body: { errorCode: "ERR_SECRET_STORE_NOT_FOUND", message: `failed finding secret store with key ${store}` } };
  }
  const value = values[name];
  return value === undefined ? { status: 204 } : { status: 200, body: { [name]: value } };
}
