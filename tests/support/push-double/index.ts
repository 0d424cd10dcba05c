import { createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify, createDecipheriv, type ECDH } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Web Push service on loopback, strict the way real ones are: it checks the VAPID JWT (ES256 signature with the
 * `k=` key, audience, expiry), the aes128gcm headers, and decrypts every payload with the device's own private key
 * and auth secret (RFC 8291 / RFC 8188, written here with node:crypto — independent of the sender's library).
 * A device can be marked gone (the push service then answers 410) or failing (500).
 */
export interface PushDevice {
  id: string;
  /** What `PushSubscription.toJSON()` would give: endpoint and keys. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
}

export interface ReceivedPush {
  deviceId: string;
  receivedAt: number;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  /** The decrypted payload text. */
  plaintext: string;
  vapidPublicKey: string;
}

interface DeviceState {
  ecdh: ECDH;
  auth: Buffer;
  status: "ok" | "gone" | "failing";
}

export interface PushServiceDouble {
  origin: string;
  createDevice(): PushDevice;
  setStatus(deviceId: string, status: DeviceState["status"]): void;
  received: ReceivedPush[];
  /** Requests the double refused (bad signature, bad encryption…), with the reason. */
  rejected: { deviceId: string; reason: string }[];
  /** Called for each accepted push (e.g. to hand it on to a browser). */
  onPush?: (push: ReceivedPush) => void;
  close(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString("base64url");

function verifyVapid(header: string | undefined, origin: string): { ok: true; key: string } | { ok: false; reason: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) return { ok: false, reason: `Authorization is not "vapid t=…, k=…": ${header}` };
  const [, jwt, k] = match as unknown as [string, string, string];
  const [h, p, s] = jwt.split(".");
  if (!h || !p || !s) return { ok: false, reason: "JWT is not three parts" };
  const header_ = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg?: string };
  if (header_.alg !== "ES256") return { ok: false, reason: `JWT alg ${header_.alg}` };
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4) return { ok: false, reason: "k is not an uncompressed P-256 point" };
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) }, format: "jwk" });
  const signed = verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"));
  if (!signed) return { ok: false, reason: "JWT signature does not verify with k" };
  const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== origin) return { ok: false, reason: `aud ${claims.aud} is not ${origin}` };
  if (!claims.exp || claims.exp * 1000 < Date.now() || claims.exp * 1000 > Date.now() + 24 * 3600_000 + 60_000) return { ok: false, reason: "exp out of range" };
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) return { ok: false, reason: `sub ${claims.sub}` };
  return { ok: true, key: k };
}

/** RFC 8291 decryption of a single-record aes128gcm body with the user agent's keys. */
export function decryptAes128gcm(body: Buffer, ecdh: ECDH, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  if (idlen !== 65) throw new Error(`keyid length ${idlen}, expected the 65-byte sender key`);
  if (ciphertext.length > rs) throw new Error("more than one record");
  const uaPublic = ecdh.getPublicKey();
  const secret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", secret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // Last record: the data, then a 0x02 delimiter, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("missing last-record padding delimiter");
  return padded.subarray(0, end).toString("utf8");
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

export async function startPushServiceDouble(): Promise<PushServiceDouble> {
  const devices = new Map<string, DeviceState>();
  const double: PushServiceDouble = {
    origin: "",
    received: [],
    rejected: [],
    createDevice() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomUUID();
      devices.set(id, { ecdh, auth, status: "ok" });
      return { id, subscription: { endpoint: `${double.origin}/push/${id}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } } };
    },
    setStatus(deviceId, status) {
      devices.get(deviceId)!.status = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const id = /^\/push\/([0-9a-f-]{36})$/.exec(req.url ?? "")?.[1];
      const device = id ? devices.get(id) : undefined;
      if (req.method !== "POST" || !id || !device) return res.writeHead(404).end();
      if (device.status === "gone") return res.writeHead(410).end("subscription expired");
      if (device.status === "failing") return res.writeHead(500).end("try later");
      const reject = (reason: string) => {
        double.rejected.push({ deviceId: id, reason });
        res.writeHead(400).end(reason);
      };
      if (req.headers["content-encoding"] !== "aes128gcm") return reject(`Content-Encoding ${req.headers["content-encoding"]}`);
      const ttl = Number(req.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) return reject("TTL header missing");
      const vapid = verifyVapid(req.headers.authorization, double.origin);
      if (!vapid.ok) return reject(vapid.reason);
      let plaintext: string;
      try {
        plaintext = decryptAes128gcm(body, device.ecdh, device.auth);
      } catch (error) {
        return reject(`payload does not decrypt: ${error instanceof Error ? error.message : String(error)}`);
      }
      const push: ReceivedPush = {
        deviceId: id,
        receivedAt: Date.now(),
        ttl,
        urgency: (req.headers.urgency as string | undefined) ?? null,
        topic: (req.headers.topic as string | undefined) ?? null,
        plaintext,
        vapidPublicKey: vapid.key,
      };
      double.received.push(push);
      double.onPush?.(push);
      res.writeHead(201, { location: `${double.origin}/message/${randomUUID()}` }).end();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  double.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return double;
}
