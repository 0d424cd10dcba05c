import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEndpoints } from "@/server/db/schema";
import { drainWebhookEndpoint } from "@/server/domain/webhooks/dispatch";
import { createWebhookEndpoint, rotateWebhookSecret, sendWebhookTest } from "@/server/domain/webhooks/endpoints";
import { encryptStoredWebhookSecrets } from "@/server/domain/webhooks/secrets";
import { createTestDatabase, createTestUser, type TestDatabase } from "../support/database";
import { startReceiver, type Receiver } from "./webhooks-helpers";

/**
 * Webhook secrets at rest: the database holds only AES-256-GCM ciphertext (embedded mode: the key generated into
 * DATA_DIR), yet every message still verifies with the `standardwebhooks` package and the secret the user was shown.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), "cadence-webhook-secrets-"));
process.env.DATA_DIR = dataDir;
delete process.env.CADENCE_ENCRYPTION_KEY;

let db: TestDatabase;
const receivers: Receiver[] = [];
const dispatch = { allowPrivateNetworks: true, retryBaseMs: 10, retryMaxMs: 20 };

beforeAll(async () => {
  db = await createTestDatabase();
}, 180_000);

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await db.drop();
}, 180_000);

async function endpointRow(id: string) {
  const [row] = await db.handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row!;
}

/** The base64 key inside a `whsec_` secret: what must never appear in the database. */
const keyPart = (secret: string) => secret.slice("whsec_".length);

async function sendTestAndDrain(ctx: Awaited<ReturnType<typeof createTestUser>>, endpointId: string, receiver: Receiver) {
  const before = receiver.requests.length;
  await sendWebhookTest(ctx, { id: endpointId });
  expect(await drainWebhookEndpoint(db.handle.db, endpointId, dispatch)).toEqual({ status: "idle" });
  return receiver.requests.slice(before);
}

describe("webhook secrets at rest", { timeout: 120_000 }, () => {
  it("stores only ciphertext, generates the key into DATA_DIR, and the receiver still verifies every signature", async () => {
    const ctx = await createTestUser(db.handle);
    const receiver = await startReceiver();
    receivers.push(receiver);
    const { endpoint, secret } = await createWebhookEndpoint(ctx, { url: receiver.url, eventTypes: ["cadence.task.created.v1"] }, { allowPrivateNetworks: true });
    expect(endpoint.secretHint).toBe(`${secret.slice(0, 10)}…`);
    const stored = await endpointRow(endpoint.id);
    expect(stored.secret).toMatch(/^enc:v1:/);
    expect(JSON.stringify(stored)).not.toContain(keyPart(secret));
    expect(statSync(path.join(dataDir, "encryption.key")).mode & 0o777).toBe(0o600);

    receiver.secrets = [secret];
    const [delivered] = await sendTestAndDrain(ctx, endpoint.id, receiver);
    expect(delivered!.verified).toEqual([true]);

    // A rotation keeps both secrets encrypted; each message carries a signature for each.
    const { secret: newSecret } = await rotateWebhookSecret(ctx, { id: endpoint.id });
    const rotated = await endpointRow(endpoint.id);
    expect(rotated.secret).toMatch(/^enc:v1:/);
    expect(rotated.previousSecret).toBe(stored.secret);
    for (const plain of [secret, newSecret]) expect(JSON.stringify(rotated)).not.toContain(keyPart(plain));
    receiver.secrets = [secret, newSecret];
    const [afterRotation] = await sendTestAndDrain(ctx, endpoint.id, receiver);
    expect(afterRotation!.verified).toEqual([true, true]);
  });

  it("a ciphertext copied to another endpoint does not decrypt there (it is bound to its endpoint)", async () => {
    const ctx = await createTestUser(db.handle);
    const receiver = await startReceiver();
    receivers.push(receiver);
    const first = await createWebhookEndpoint(ctx, { url: receiver.url, eventTypes: ["cadence.task.created.v1"] }, { allowPrivateNetworks: true });
    const second = await createWebhookEndpoint(ctx, { url: receiver.url, eventTypes: ["cadence.task.created.v1"] }, { allowPrivateNetworks: true });
    await db.handle.db.update(webhookEndpoints).set({ secret: (await endpointRow(first.endpoint.id)).secret }).where(eq(webhookEndpoints.id, second.endpoint.id));
    await sendWebhookTest(ctx, { id: second.endpoint.id });
    await expect(drainWebhookEndpoint(db.handle.db, second.endpoint.id, dispatch)).rejects.toThrow(/cannot decrypt/);
    expect(receiver.requests).toHaveLength(0);
  });

  it("the start-up migration encrypts secrets an earlier version stored in clear, and signing keeps verifying", async () => {
    const ctx = await createTestUser(db.handle);
    const receiver = await startReceiver();
    receivers.push(receiver);
    const { endpoint, secret } = await createWebhookEndpoint(ctx, { url: receiver.url, eventTypes: ["cadence.task.created.v1"] }, { allowPrivateNetworks: true });
    const legacyPrevious = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    await db.handle.db
      .update(webhookEndpoints)
      .set({ secret, previousSecret: legacyPrevious, previousSecretExpiresAt: new Date(Date.now() + 60_000) })
      .where(eq(webhookEndpoints.id, endpoint.id));

    expect(await encryptStoredWebhookSecrets(db.handle.db)).toBe(1);
    expect(await encryptStoredWebhookSecrets(db.handle.db)).toBe(0); // idempotent
    const migrated = await endpointRow(endpoint.id);
    expect(migrated.secret).toMatch(/^enc:v1:/);
    expect(migrated.previousSecret).toMatch(/^enc:v1:/);
    for (const plain of [secret, legacyPrevious]) expect(JSON.stringify(migrated)).not.toContain(keyPart(plain));

    receiver.secrets = [secret, legacyPrevious];
    const [delivered] = await sendTestAndDrain(ctx, endpoint.id, receiver);
    expect(delivered!.verified).toEqual([true, true]);
  });
});
