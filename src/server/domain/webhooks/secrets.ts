import { eq, not, or, sql } from "drizzle-orm";
import type { Executor } from "@/server/db/client";
import { webhookEndpoints } from "@/server/db/schema";
import { encryptionKey } from "@/server/crypto/encryption-key";
import { isSealed, open, seal } from "@/server/crypto/secret-box";
import { env } from "@/server/env";

/**
 * Webhook signing secrets are stored encrypted with the server key (HMAC signing needs the secret itself, so it
 * cannot be hashed); each is bound to its endpoint id. Only this module sees both the key and the secrets.
 */
export const sealWebhookSecret = (endpointId: string, secret: string): string => seal(secret, encryptionKey(env()), endpointId);

/** A value stored before encryption existed is still plain until `encryptStoredWebhookSecrets` has run. */
export const openWebhookSecret = (endpointId: string, stored: string): string =>
  isSealed(stored) ? open(stored, encryptionKey(env()), endpointId) : stored;

const plain = (column: typeof webhookEndpoints.secret | typeof webhookEndpoints.previousSecret) => not(sql`coalesce(${column}, 'enc:v1:') LIKE 'enc:v1:%'`);

/**
 * The data migration run at start-up after the schema migrations: encrypts secrets stored in clear by earlier
 * versions. Idempotent; reads the key only when there is something to encrypt. Returns how many endpoints changed.
 */
export async function encryptStoredWebhookSecrets(db: Executor): Promise<number> {
  const rows = await db
    .select({ id: webhookEndpoints.id, secret: webhookEndpoints.secret, previousSecret: webhookEndpoints.previousSecret })
    .from(webhookEndpoints)
    .where(or(plain(webhookEndpoints.secret), plain(webhookEndpoints.previousSecret)));
  for (const row of rows) {
    const sealIfPlain = (value: string) => (isSealed(value) ? value : sealWebhookSecret(row.id, value));
    await db
      .update(webhookEndpoints)
      .set({ secret: sealIfPlain(row.secret), previousSecret: row.previousSecret === null ? null : sealIfPlain(row.previousSecret) })
      .where(eq(webhookEndpoints.id, row.id));
  }
  return rows.length;
}
