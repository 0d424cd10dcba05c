import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryDelayMs } from "@/server/domain/webhooks/dispatch";
import { isPublicAddress, validateEndpointUrl } from "@/server/domain/webhooks/network-guard";
import { sendWebhook } from "@/server/domain/webhooks/send";

describe("webhook SSRF guard", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"])(
    "%s is not public",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
  it.each(["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])("%s is public", (address) => expect(isPublicAddress(address)).toBe(true));

  it("accepts public https URLs and refuses the rest with the reason", () => {
    expect(validateEndpointUrl("https://example.com/hook#x", false)).toBe("https://example.com/hook");
    expect(() => validateEndpointUrl("http://example.com/hook", false)).toThrow(/https/);
    expect(() => validateEndpointUrl("https://127.0.0.1/hook", false)).toThrow(/public address/);
    expect(() => validateEndpointUrl("https://localhost/hook", false)).toThrow(/public address/);
    expect(() => validateEndpointUrl("https://[::1]/hook", false)).toThrow(/public address/);
    expect(() => validateEndpointUrl("https://169.254.169.254/latest", false)).toThrow(/public address/);
    expect(() => validateEndpointUrl("not a url", false)).toThrow(/valid URL/);
    // Development: plain http only on loopback.
    expect(validateEndpointUrl("http://127.0.0.1:4000/hook", true)).toBe("http://127.0.0.1:4000/hook");
    expect(() => validateEndpointUrl("http://example.com/hook", true)).toThrow(/https/);
  });

  it("backoff grows exponentially, is capped, and is jittered", () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(retryDelayMs(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(retryDelayMs(30, 1000, 60_000, () => 0)).toBe(30_000);
  });
});

describe("sending", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/huge") {
        res.writeHead(200);
        res.end("x".repeat(5 * 1024 * 1024));
      } else if (req.url === "/hang") {
        // never answers
      } else res.writeHead(200).end("fine");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("refuses a host name that resolves to a loopback address unless private networks are allowed", async () => {
    const refused = await sendWebhook({ url: `${base}/ok`, headers: {}, body: "{}" }, { allowPrivateNetworks: false });
    expect(refused).toMatchObject({ kind: "failed", error: expect.stringMatching(/non-public address/) });
    const allowed = await sendWebhook({ url: `${base}/ok`, headers: {}, body: "{}" }, { allowPrivateNetworks: true });
    expect(allowed).toMatchObject({ kind: "answered", status: 200, snippet: "fine" });
  });

  it("reads at most the capped answer and keeps a short snippet", async () => {
    const result = await sendWebhook({ url: `${base}/huge`, headers: {}, body: "{}" }, { allowPrivateNetworks: true, maxResponseBytes: 64 * 1024 });
    expect(result).toMatchObject({ kind: "answered", status: 200 });
    expect(result.kind === "answered" && result.snippet.length).toBe(1000);
  });

  it("gives up after the timeout", async () => {
    const result = await sendWebhook({ url: `${base}/hang`, headers: {}, body: "{}" }, { allowPrivateNetworks: true, timeoutMs: 300 });
    expect(result).toMatchObject({ kind: "failed", error: expect.stringMatching(/timed out/) });
  });
});
