import http from "node:http";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { parseCspReports } from "@/server/http/csp-reports";
import { applySecurityHeaders } from "@/server/http/security-headers";
import { realtimeConnectSources } from "@/server/realtime/client-config";

function respond(headers: Record<string, string>, options: { trustProxy?: boolean; encrypted?: boolean } = {}) {
  const req = Object.assign(new http.IncomingMessage(null as never), { headers, url: "/" });
  if (options.encrypted) Object.defineProperty(req, "socket", { value: { encrypted: true } });
  const res = new http.ServerResponse(req);
  applySecurityHeaders(req, res, { dev: false, trustProxy: options.trustProxy ?? false, connectSources: [] });
  return { req, res };
}

describe("security headers", () => {
  it("send HSTS only when the request arrived over TLS, trusting X-Forwarded-Proto only when told to", () => {
    expect(respond({}).res.getHeader("strict-transport-security")).toBeUndefined();
    expect(respond({ "x-forwarded-proto": "https" }).res.getHeader("strict-transport-security")).toBeUndefined();
    expect(respond({ "x-forwarded-proto": "https" }, { trustProxy: true }).res.getHeader("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(respond({ "x-forwarded-proto": "http" }, { trustProxy: true }).res.getHeader("strict-transport-security")).toBeUndefined();
    expect(respond({}, { encrypted: true }).res.getHeader("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(String(respond({}, { encrypted: true }).res.getHeader("content-security-policy"))).toContain("upgrade-insecure-requests");
  });

  it("hand Next.js the same policy (and nonce) on the request, fresh for every response", () => {
    const first = respond({});
    const second = respond({});
    expect(first.req.headers["content-security-policy"]).toBe(first.res.getHeader("content-security-policy"));
    const nonce = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))?.[1];
    expect(nonce(first.res.getHeader("content-security-policy"))).toHaveLength(24);
    expect(nonce(first.res.getHeader("content-security-policy"))).not.toBe(nonce(second.res.getHeader("content-security-policy")));
  });

  it("allow an external Pusher server's WebSocket only when one is configured", () => {
    expect(realtimeConnectSources(parseEnv({}))).toEqual([]);
    expect(realtimeConnectSources(parseEnv({ PUSHER_HOST: "soketi.example", PUSHER_PORT: "6001", PUSHER_USE_TLS: "true" }))).toEqual(["wss://soketi.example:6001"]);
    expect(realtimeConnectSources(parseEnv({ PUSHER_CLUSTER: "eu" }))).toEqual(["wss://ws-eu.pusher.com"]);
  });

  it("read both CSP report formats", () => {
    const legacy = JSON.stringify({ "csp-report": { "document-uri": "http://x/", "effective-directive": "script-src-elem", "blocked-uri": "inline" } });
    const modern = JSON.stringify([{ type: "csp-violation", body: { documentURL: "http://x/", effectiveDirective: "connect-src", blockedURL: "wss://evil" } }]);
    expect(parseCspReports(legacy)).toEqual([{ documentURL: "http://x/", directive: "script-src-elem", blockedURL: "inline", sample: undefined }]);
    expect(parseCspReports(modern)[0]?.directive).toBe("connect-src");
    expect(parseCspReports("not json")).toEqual([]);
  });
});
