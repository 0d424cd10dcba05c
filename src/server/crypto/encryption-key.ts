import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, type Env } from "@/server/env";

const KEY_BYTES = 32;
const KEY_FILE = "encryption.key";
const cache = new Map<string, Buffer>();

/**
 * The server key that encrypts secrets at rest (AES-256-GCM). From CADENCE_ENCRYPTION_KEY (32 bytes, base64 or
 * base64url) when set — required with DATABASE_URL, where every process must hold the same key; in the embedded
 * default generated once into DATA_DIR/encryption.key (like the other generated secrets, but its own file, created
 * atomically so two processes starting together cannot each write a different key).
 */
export function encryptionKey(env: Pick<Env, "CADENCE_ENCRYPTION_KEY" | "DATABASE_URL" | "DATA_DIR">): Buffer {
  if (env.CADENCE_ENCRYPTION_KEY) return decodeKey(env.CADENCE_ENCRYPTION_KEY);
  if (env.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration: CADENCE_ENCRYPTION_KEY must be set with DATABASE_URL (32 random bytes, base64; e.g. `openssl rand -base64 32`)",
    );
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const key = persistedKey(dataDir);
  cache.set(dataDir, key);
  return key;
}

export function decodeKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== KEY_BYTES) throw new ConfigError(`Invalid configuration: CADENCE_ENCRYPTION_KEY must be ${KEY_BYTES} bytes in base64 (got ${key.length})`);
  return key;
}

function persistedKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    return decodeKey(readFileSync(file, "utf8"));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
  }
  // Written whole to a private temporary name, then linked into place: link fails if another process won.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, randomBytes(KEY_BYTES).toString("base64"), { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
  } finally {
    unlinkSync(temporary);
  }
  return decodeKey(readFileSync(file, "utf8"));
}
