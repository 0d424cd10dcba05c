import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets at rest: AES-256-GCM with a random 96-bit nonce per value, stored as `enc:v1:<base64url(nonce|tag|data)>`.
 * The associated data binds a value to its place (e.g. the endpoint id), so a ciphertext copied into another
 * row does not decrypt there.
 */
const PREFIX = "enc:v1:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

export function seal(plaintext: string, key: Buffer, associatedData: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${PREFIX}${Buffer.concat([nonce, cipher.getAuthTag(), data]).toString("base64url")}`;
}

export class SecretBoxError extends Error {}

export function open(stored: string, key: Buffer, associatedData: string): string {
  if (!isSealed(stored)) throw new SecretBoxError("not an encrypted value");
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64url");
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new SecretBoxError("encrypted value is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("cannot decrypt: wrong CADENCE_ENCRYPTION_KEY, or the value was altered");
  }
}
